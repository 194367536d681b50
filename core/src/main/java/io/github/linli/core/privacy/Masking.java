package io.github.linli.core.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * How personal values are shown masked, following the conventions of Chinese government portals:
 * {@code 138****5678}, {@code 3301**********1234}, {@code 张*}. Masking never reveals more than the
 * rule keeps: a value too short to keep anything becomes {@link #HIDDEN}.
 *
 * <p>Stateless and thread-safe. Each method runs in time linear in the value's length.
 *
 * @since 0.1.0
 */
public final class Masking {
  /** What a value shows when nothing of it may be shown. */
  public static final String HIDDEN = "****";

  private Masking() {}

  /**
   * Masks a phone number: the first three and last four digits stay, for example {@code
   * 138****5678}. Separators and a leading {@code +} are dropped. A number of eight to ten digits
   * (a landline) keeps only its last four ({@code ****4321}), so that at least four digits are
   * always hidden; fewer than eight digits shows {@link #HIDDEN}.
   *
   * @param phone the phone number
   * @return the masked number
   */
  public static String phone(String phone) {
    String digits = checkNotNull(phone, "phone").replaceAll("[^0-9]", "");
    if (digits.length() < 8) {
      return HIDDEN;
    }
    if (digits.length() < 11) {
      // a landline: keeping the first three as well would hide only one to three digits
      return HIDDEN + digits.substring(digits.length() - 4);
    }
    return digits.substring(0, 3) + HIDDEN + digits.substring(digits.length() - 4);
  }

  /**
   * Masks an ID number: the first four and last four characters stay, the rest become {@code *},
   * for example {@code 3301**********1234}. Fewer than twelve characters (which would leave fewer
   * than four hidden), or characters outside the Basic Multilingual Plane, show {@link #HIDDEN}.
   *
   * @param id the ID number
   * @return the masked number
   */
  public static String idNumber(String id) {
    String s = checkNotNull(id, "id").strip();
    if (s.length() < 12 || s.codePointCount(0, s.length()) != s.length()) {
      return HIDDEN;
    }
    return s.substring(0, 4) + "*".repeat(s.length() - 8) + s.substring(s.length() - 4);
  }

  /**
   * Masks a name: the first character stays and each other character becomes {@code *} (at most
   * three), for example {@code 张*} for 张三 and {@code 欧**} for 欧阳娜娜. Latin names keep their
   * first letter: {@code J***}.
   *
   * @param name the name
   * @return the masked name
   */
  public static String name(String name) {
    String s = checkNotNull(name, "name").strip();
    int count = s.codePointCount(0, s.length());
    if (count == 0) {
      return HIDDEN;
    }
    if (count == 1) {
      return "*";
    }
    int first = s.codePointAt(0);
    return new String(Character.toChars(first)) + "*".repeat(Math.min(3, count - 1));
  }

  /**
   * Masks an address: the text up to and including the district or county ({@code 区}, {@code 县},
   * {@code 市}) stays, then {@link #HIDDEN}; without such a marker, the first six characters stay
   * when the address is longer than twelve, otherwise all is hidden.
   *
   * @param address the address
   * @return the masked address
   */
  public static String address(String address) {
    String s = checkNotNull(address, "address").strip();
    int cut = -1;
    for (String marker : new String[] {"区", "县", "市"}) {
      int i = s.indexOf(marker);
      if (i >= 0 && i + 1 < s.length()) {
        cut = Math.max(cut, i + 1);
        break;
      }
    }
    if (cut > 0) {
      return s.substring(0, cut) + HIDDEN;
    }
    if (s.codePointCount(0, s.length()) > 12) {
      return s.substring(0, s.offsetByCodePoints(0, 6)) + HIDDEN;
    }
    return HIDDEN;
  }

  /**
   * Masks an e-mail address: the first character of the local part and the domain stay, for
   * example {@code a***@example.com}.
   *
   * @param email the address
   * @return the masked address
   */
  public static String email(String email) {
    String s = checkNotNull(email, "email").strip();
    int at = s.lastIndexOf('@');
    if (at < 1 || at == s.length() - 1) {
      return HIDDEN;
    }
    return s.substring(0, s.offsetByCodePoints(0, 1)) + "***" + s.substring(at);
  }
}
