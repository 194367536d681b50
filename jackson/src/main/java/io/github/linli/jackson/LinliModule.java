package io.github.linli.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import io.github.linli.jackson.internal.Readers;
import io.github.linli.jackson.internal.Writers;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Jackson module for Linli's values (Linli 的 JSON 模块).
 *
 * <pre>{@code
 * ObjectMapper json = new ObjectMapper().registerModule(new LinliModule());
 * String body = json.writeValueAsString(demand);          // {"id":"d-1","text":"****",…}
 * DemandRequest r = json.readValue(form, DemandRequest.class);
 * }</pre>
 *
 * <p>Written: ids ({@code MemberId}, {@code ResidentId}, {@code AccountId}, {@code TransferId} …)
 * as strings; {@code Label} as {@code {"zh":…,"en":…}}, or one string in {@link
 * Builder#labelLocale(Locale) a configured locale}; {@code Credits} as {@code
 * {"amount":90,"unit":"MINUTES"}}; {@code Period} and {@code TimeWindow} as ISO-8601 intervals
 * {@code start/end} (end exclusive); {@code java.time} attributes as ISO-8601 text; enums by name, or
 * as {@code {"code":…,"zh":…,"en":…}} when {@link Builder#enumLabels(boolean) asked}; every other
 * value as an object of its attributes, an empty {@code Optional} as {@code null}.
 *
 * <p>Personal data (a need's text, a home's location, household facts, contacts, a card holder's
 * birth date, a requester's facts) is always written as {@code "****"}: a portal reads it through
 * the {@code PersonalDataStore}, for a purpose the store records, and puts it in a view of its own.
 *
 * <p>Read back: ids, labels, credits, intervals, enums (by name or {@code {"code":…}}), and every
 * value with a builder or a factory (a need's {@code DemandRequest}, an {@code AccountSpec}, a
 * {@code Member}, a {@code Pledge}, an {@code Offer}, a {@code TransferRequest} …). The value's own
 * checks run as when built in Java: a bad field is a {@code ValidationException} naming it (the
 * starter maps it to HTTP 400). A masked {@code "****"} read back leaves that attribute unset. An
 * {@code Actor} is written but never read: who acts comes from the authenticated user. A value no
 * factory can make from the given fields is refused, never read as another value.
 *
 * <p>Only the values Linli exports are handled; its services ({@code TimeBank}, {@code Alliance} …)
 * are never serialised. The module registers nothing for types outside Linli, so the
 * application's own settings (dates, naming) stay as they are. Immutable and thread-safe; one
 * instance may be registered on any number of mappers.
 *
 * @since 0.1.0
 */
public final class LinliModule extends Module {
  private final Locale labelLocale;
  private final boolean enumLabels;

  /** The default module: labels in both languages, enums by name. */
  public LinliModule() {
    this(null, false);
  }

  private LinliModule(Locale labelLocale, boolean enumLabels) {
    this.labelLocale = labelLocale;
    this.enumLabels = enumLabels;
  }

  /**
   * A builder for a configured module.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The locale labels are written in, if one was configured.
   *
   * @return the locale, or empty for both languages
   */
  public Optional<Locale> labelLocale() {
    return Optional.ofNullable(labelLocale);
  }

  /**
   * Whether enums are written with their labels.
   *
   * @return true for {@code {"code":…,"zh":…,"en":…}}, false for the name alone
   */
  public boolean enumLabels() {
    return enumLabels;
  }

  @Override
  public String getModuleName() {
    return "linli";
  }

  @Override
  public Version version() {
    return new Version(0, 1, 0, "SNAPSHOT", "io.github.linli", "linli-jackson");
  }

  @Override
  public Object getTypeId() {
    return getModuleName() + "/" + labelLocale + "/" + enumLabels;
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addSerializers(new Writers(labelLocale, enumLabels));
    Readers readers = new Readers();
    context.addDeserializers(readers);
    context.addKeyDeserializers(readers);
  }

  @Override
  public String toString() {
    return "LinliModule{labelLocale=" + labelLocale + ", enumLabels=" + enumLabels + "}";
  }

  /**
   * Settings of a {@link LinliModule}. Not thread-safe; the module it builds is.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Locale labelLocale;
    private boolean enumLabels;

    private Builder() {}

    /**
     * Writes every label as one string in this locale ({@code Label.in(locale)}: Chinese for a
     * Chinese locale, English otherwise) instead of {@code {"zh":…,"en":…}}. Labels written so are
     * not read back.
     *
     * @param locale the locale
     * @return this builder
     */
    public Builder labelLocale(Locale locale) {
      this.labelLocale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /**
     * Writes Linli's labelled enums as {@code {"code":"SAFETY","zh":"安全需求","en":"Safety"}} (or
     * {@code {"code":…,"label":…}} under a label locale) instead of the name alone. Both forms are
     * read back.
     *
     * @param on true to write labels
     * @return this builder
     */
    public Builder enumLabels(boolean on) {
      this.enumLabels = on;
      return this;
    }

    /**
     * The module.
     *
     * @return a module with these settings
     */
    public LinliModule build() {
      return new LinliModule(labelLocale, enumLabels);
    }
  }
}
