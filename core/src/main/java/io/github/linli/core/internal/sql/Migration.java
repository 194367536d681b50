package io.github.linli.core.internal.sql;

import io.github.linli.core.ConsistencyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One versioned SQL migration named as Flyway names them ({@code V<version>__<description>.sql}),
 * with Flyway's checksum, so that a portal's own Flyway can apply the same files and read the same
 * history table. Not API.
 */
public final class Migration implements Comparable<Migration> {
  private static final Pattern NAME = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__([A-Za-z0-9_]+)\\.sql");

  private final String script;
  private final String version;
  private final List<BigInteger> parts;
  private final String description;
  private final String sql;
  private final int checksum;

  private Migration(String script, String version, List<BigInteger> parts, String description, String sql) {
    this.script = script;
    this.version = version;
    this.parts = parts;
    this.description = description;
    this.sql = sql;
    this.checksum = checksum(sql);
  }

  /**
   * Loads a migration shipped as a resource beside a class of its module (resources in named
   * modules are read through a class of that module).
   *
   * @param owner a class of the module that ships it
   * @param folder the resource folder, for example {@code /linli/migration/}
   * @param script the file name
   * @return the migration
   */
  public static Migration load(Class<?> owner, String folder, String script) {
    try (InputStream in = owner.getResourceAsStream(folder + script)) {
      if (in == null) {
        throw new ConsistencyException("migration " + folder + script + " is missing from " + owner.getModule());
      }
      return of(script, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A migration from its file name and text.
   *
   * @param script the file name, {@code V<version>__<description>.sql}
   * @param sql the statements
   * @return the migration
   */
  public static Migration of(String script, String sql) {
    Matcher m = NAME.matcher(script);
    if (!m.matches()) {
      throw new IllegalArgumentException("migration name must be V<version>__<description>.sql: " + script);
    }
    String version = m.group(1).replace('_', '.');
    List<BigInteger> parts = new ArrayList<>();
    for (String p : version.split("\\.")) {
      parts.add(new BigInteger(p));
    }
    return new Migration(script, version, List.copyOf(parts), m.group(2).replace('_', ' '), sql);
  }

  /** Flyway's checksum: CRC-32 over the UTF-8 bytes of each line, without line breaks or BOM. */
  static int checksum(String sql) {
    CRC32 crc = new CRC32();
    try (BufferedReader r = new BufferedReader(new StringReader(sql))) {
      String line = r.readLine();
      if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      while (line != null) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        line = r.readLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) crc.getValue();
  }

  /** Splits the script into statements: ';' at the end of a line ends one; '--' lines are dropped. */
  List<String> statements() {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : sql.split("\r?\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--")) {
        continue;
      }
      cur.append(line).append('\n');
      if (t.endsWith(";")) {
        String s = cur.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }

  /** The file name. @return the script name */
  public String script() {
    return script;
  }

  /** The version, dotted. @return the version */
  public String version() {
    return version;
  }

  /** The description (the name's words). @return the description */
  public String description() {
    return description;
  }

  /** Flyway's checksum of the text. @return the checksum */
  public int checksum() {
    return checksum;
  }

  /**
   * Compares versions part by part, numerically.
   *
   * @param version a dotted version
   * @return negative, zero or positive as this migration's version is lower, equal or higher
   */
  int compareVersion(String version) {
    return compare(parts, of("V" + version + "__x.sql", "").parts);
  }

  private static int compare(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public int compareTo(Migration o) {
    return compare(parts, o.parts);
  }

  @Override
  public String toString() {
    return script;
  }
}
