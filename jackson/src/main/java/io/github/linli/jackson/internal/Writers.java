package io.github.linli.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.linli.core.Label;
import io.github.linli.core.Labelled;
import io.github.linli.core.OpaqueId;
import io.github.linli.core.Period;
import io.github.linli.core.TimeWindow;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The serialisers of {@code LinliModule}, chosen by type. Not API. Thread-safe.
 */
public final class Writers extends SimpleSerializers {
  private static final long serialVersionUID = 1L;

  private final transient Locale labelLocale;
  private final boolean enumLabels;

  /**
   * Serialisers for these settings.
   *
   * @param labelLocale the locale labels are written in as one string, or null for both languages
   * @param enumLabels whether Linli enums are written as objects with their labels
   */
  public Writers(Locale labelLocale, boolean enumLabels) {
    this.labelLocale = labelLocale;
    this.enumLabels = enumLabels;
  }

  @Override
  public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
    Class<?> raw = type.getRawClass();
    if (!raw.getName().startsWith("io.github.linli.") || raw.getName().startsWith("io.github.linli.jackson")) {
      return null;
    }
    if (raw.isEnum() || (raw.getSuperclass() != null && raw.getSuperclass().isEnum())) {
      return new EnumWriter(labelLocale, enumLabels);
    }
    if (OpaqueId.class.isAssignableFrom(raw)) {
      return new ToStringWriter(raw);
    }
    if (raw == Label.class) {
      return new LabelWriter(labelLocale);
    }
    if (raw == Period.class || raw == TimeWindow.class) {
      return new IntervalWriter(raw);
    }
    if (raw.getName().equals("io.github.linli.timebank.Credits")) {
      return TimebankJson.creditsWriter();
    }
    if (raw.getName().equals("io.github.linli.matching.RequesterFacts")) {
      return new MaskWriter(raw);
    }
    Class<?> catalogued = Accessors.catalogued(raw);
    if (catalogued != null && Catalogue.VALUES.contains(catalogued.getName())) {
      return new ValueWriter(raw);
    }
    return null;
  }

  /** An id as its string value. */
  static final class ToStringWriter extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    ToStringWriter(Class<?> type) {
      super(type, false);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(((OpaqueId<?>) value).value());
    }
  }

  /** A value that is personal as a whole. */
  static final class MaskWriter extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    MaskWriter(Class<?> type) {
      super(type, false);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(Catalogue.MASK);
    }
  }

  /** A label as {"zh","en"} or one string. */
  static final class LabelWriter extends StdSerializer<Label> {
    private static final long serialVersionUID = 1L;
    private final transient Locale locale;

    LabelWriter(Locale locale) {
      super(Label.class);
      this.locale = locale;
    }

    @Override
    public void serialize(Label value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (locale != null) {
        gen.writeString(value.in(locale));
      } else {
        gen.writeStartObject();
        gen.writeStringField("zh", value.zh());
        gen.writeStringField("en", value.en());
        gen.writeEndObject();
      }
    }
  }

  /** A period or time window as an ISO-8601 interval, start/end, end exclusive. */
  static final class IntervalWriter extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    IntervalWriter(Class<?> type) {
      super(type, false);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value instanceof Period) {
        Period p = (Period) value;
        gen.writeString(p.start() + "/" + p.end());
      } else {
        TimeWindow w = (TimeWindow) value;
        gen.writeString(w.start() + "/" + w.end());
      }
    }
  }

  /** A Linli enum by name, or as {"code","zh","en"} (or {"code","label"} under a locale). */
  static final class EnumWriter extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;
    private final transient Locale locale;
    private final boolean labels;

    EnumWriter(Locale locale, boolean labels) {
      super(Object.class);
      this.locale = locale;
      this.labels = labels;
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      Enum<?> e = (Enum<?>) value;
      if (!labels || !(value instanceof Labelled)) {
        gen.writeString(e.name());
        return;
      }
      Label l = ((Labelled) value).label();
      gen.writeStartObject();
      gen.writeStringField("code", e.name());
      if (locale != null) {
        gen.writeStringField("label", l.in(locale));
      } else {
        gen.writeStringField("zh", l.zh());
        gen.writeStringField("en", l.en());
      }
      gen.writeEndObject();
    }
  }

  /** Any catalogued value: an object of its attributes, personal ones masked. */
  static final class ValueWriter extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    ValueWriter(Class<?> type) {
      super(type, false);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      Class<?> type = Accessors.catalogued(value.getClass());
      if (gen.getOutputContext().getNestingDepth() > 64) {
        throw JsonMappingException.from(provider, "Linli value nested too deeply: " + type.getName());
      }
      Set<String> personal = Catalogue.PERSONAL.getOrDefault(type.getName(), Set.of());
      gen.writeStartObject(value);
      for (Map.Entry<String, Method> a : Accessors.of(value.getClass()).entrySet()) {
        gen.writeFieldName(a.getKey());
        if (personal.contains(a.getKey())) {
          gen.writeString(Catalogue.MASK);
        } else {
          Json.write(gen, provider, Json.invoke(a.getValue(), value));
        }
      }
      gen.writeEndObject();
    }
  }
}
