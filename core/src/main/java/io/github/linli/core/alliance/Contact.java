package io.github.linli.core.alliance;

import io.github.linli.core.ValidationException;
import org.immutables.value.Value;

/**
 * How to reach a member: the contact person's name and phone. <b>Personal data</b>: both are
 * redacted from {@code toString()} and never appear in messages or logs.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Contact {
  Contact() {}

  /**
   * The contact person's name.
   *
   * @return the name (personal data)
   */
  @Value.Redacted
  public abstract String name();

  /**
   * The contact phone number.
   *
   * @return the phone (personal data)
   */
  @Value.Redacted
  public abstract String phone();

  /**
   * Creates a contact.
   *
   * @param name the person's name, non-blank
   * @param phone the phone number, non-blank
   * @return the contact
   * @throws ValidationException if either is null or blank (the value is not shown)
   */
  public static Contact of(String name, String phone) {
    return ImmutableContact.builder().name(nonBlank("contact.name", name)).phone(nonBlank("contact.phone", phone)).build();
  }

  private static String nonBlank(String field, String s) {
    if (s == null || s.isBlank()) {
      throw new ValidationException(field, "****", "must not be blank");
    }
    return s;
  }
}
