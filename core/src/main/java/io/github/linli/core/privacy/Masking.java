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
   * One administrative division at the start of what is left of an address: up to ten Chinese
   * characters and a division suffix, where 区 and 市 do not end a 小区, 社区, 园区, 校区, 街区,
   * 厂区, 景区, 营区 (housing estates and sites) or a 超市, 菜市, 集市, 夜市, 门市 (shops).
   */
  private static final java.util.regex.Pattern DIVISION = java.util.regex.Pattern.compile(
      "\\p{IsHan}{1,10}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|盟|州|旗|县"
          + "|(?<![小社园校街厂景营])区|(?<![超菜集夜门])市)");

  /**
   * Masks an address: the administrative divisions at its start (province, city, district or
   * county: {@code 省}, {@code 市}, {@code 区}, {@code 县} …) stay, then {@link #HIDDEN}; so {@code
   * 北京市朝阳区幸福路12号} shows {@code 北京市朝阳区****}. A 区 or 市 later in the address, or one
   * that ends a housing estate ({@code 幸福小区}) or a shop ({@code 超市}), is not a division (issue
   * 17: the 区 of a trailing 小区 was taken for the district, and the door number showed). Without
   * a division at the start, at most the first six characters stay, and never a digit or anything
   * after one, when at least six characters remain hidden; otherwise all is hidden.
   *
   * @param address the address
   * @return the masked address
   */
  public static String address(String address) {
    String s = checkNotNull(address, "address").strip();
    int cut = 0;
    java.util.regex.Matcher m = DIVISION.matcher(s);
    while (cut < s.length() && m.find(cut) && m.start() == cut && m.end() < s.length()) {
      cut = m.end();
    }
    if (cut > 0) {
      return s.substring(0, cut) + HIDDEN;
    }
    int count = s.codePointCount(0, s.length());
    int keep = 0;
    int end = 0;
    while (keep < 6 && end < s.length()) {
      int cp = s.codePointAt(end);
      if (Character.isDigit(cp) || Character.isWhitespace(cp) || "号楼栋幢单元室层弄巷".indexOf(cp) >= 0) {
        break;
      }
      end += Character.charCount(cp);
      keep++;
    }
    if (keep > 0 && count - keep >= 6) {
      return s.substring(0, end) + HIDDEN;
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
