package io.github.linli.scorecard.survey;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A survey export as Chinese survey platforms (问卷星, 腾讯问卷) and spreadsheets write it: a CSV
 * or XLSX (or XLS) file with one column per question, titled by its number and wording
 * ("1、我经常参加社区事务"), and answers as option texts ("非常同意") or numbers.
 *
 * <p>Each item of the {@link Questionnaire} is found in the header by, in this order:
 *
 * <ol>
 *   <li>a mapping set here: {@link Builder#question(int, String) question number}, {@link
 *       Builder#wording(String, String) wording} or {@link Builder#column(String, String) column};
 *   <li>a header equal to the item's column name;
 *   <li>if the item's column name is a whole number n (an item declared as {@code item("7", …)}),
 *       the header of question n;
 *   <li>with {@link Builder#questionsInOrder()}, the header of question k for the questionnaire's
 *       k-th item.
 * </ol>
 *
 * A question number is read from the start of a header: "1、…", "1. …", "1．…", "Q1 …",
 * "Q1.…", "第1题…", "1(…)" (问卷星's matrix rows) — a number that more than one header carries
 * (the rows of a matrix question) must be mapped by wording instead. Wording matches when the
 * header, without white space and punctuation, contains it so; exactly one header must match.
 *
 * <p>Answers: the {@link AnswerOptions} (by default {@link AnswerOptions#chineseFivePoint()})
 * turn option texts into scores; numbers are read as numbers; a blank cell, {@code NA}, "(跳过)"
 * or "(空)" is a missing answer for the {@link MissingDataPolicy}. Reverse-keyed items are
 * declared on the questionnaire ({@link Questionnaire.Builder#reverseItem(String, String)}).
 * Rejected rows are reported as by {@link SurveyReader}, the column named by its spreadsheet
 * letter and the item ({@code "F (q04)"}), the line by the file's line (CSV) or the sheet's row
 * number (XLSX, as the spreadsheet shows it).
 *
 * <p>Encodings of a CSV: UTF-8 with or without a byte-order mark, or GBK (GB18030), as Excel on
 * Chinese Windows saves "CSV": the first 64 KiB are decoded as UTF-8 and, if they are not UTF-8,
 * the file is read as GB18030 (a superset of GBK). {@link Builder#charset(Charset)} fixes one.
 * A CSV is streamed; an XLSX is read whole by Apache POI (memory grows with its cells).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SurveyFile {
  private static final Pattern NUMBERED =
      Pattern.compile("^\\s*(?:[Qq]\\s*|第\\s*)?([0-9]{1,3})\\s*(?:[、.．:：)）]|题|[(（]|\\s|$)");
  private static final int SNIFF = 64 * 1024;

  private final Questionnaire questionnaire;
  private final Map<String, Mapping> mappings;
  private final AnswerOptions options;
  private final Charset charset;
  private final String sheet;
  private final boolean inOrder;

  private record Mapping(Integer number, String wording, Integer column) {}

  private SurveyFile(Builder b) {
    this.questionnaire = b.questionnaire;
    this.mappings = Map.copyOf(b.mappings);
    this.options = b.options;
    this.charset = b.charset;
    this.sheet = b.sheet;
    this.inOrder = b.inOrder;
  }

  /**
   * An export read with the default mapping rules and options.
   *
   * @param questionnaire the questionnaire
   * @return the reader
   * @throws ValidationException as {@link Builder#build()}
   */
  public static SurveyFile of(Questionnaire questionnaire) {
    return builder(questionnaire).build();
  }

  /**
   * Starts a reader for a questionnaire.
   *
   * @param questionnaire the questionnaire
   * @return a builder
   * @throws NullPointerException if it is null
   */
  public static Builder builder(Questionnaire questionnaire) {
    return new Builder(java.util.Objects.requireNonNull(questionnaire, "questionnaire"));
  }

  /**
   * Reads an export: XLSX or XLS by the file's name ({@code .xlsx}, {@code .xlsm}, {@code
   * .xls}), CSV otherwise.
   *
   * @param file the file
   * @param policy the missing-data policy
   * @return the result
   * @throws ValidationException if an item's column cannot be found (or is found twice), the
   *     file is malformed, or no row is valid
   * @throws UncheckedIOException if the file cannot be read
   */
  public SurveyResult read(Path file, MissingDataPolicy policy) {
    java.util.Objects.requireNonNull(file, "file");
    java.util.Objects.requireNonNull(policy, "policy");
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")) {
      return readWorkbook(file, policy);
    }
    try {
      Charset cs = charset != null ? charset : sniff(file);
      try (Reader r = new InputStreamReader(Files.newInputStream(file),
          cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
        return readCsv(r, policy);
      }
    } catch (CharacterCodingException e) {
      throw new ValidationException("survey.encoding", Checks.WITHHELD,
          "the file is not in one encoding (UTF-8 or GBK) throughout: save it again as UTF-8 CSV, or name its encoding with charset(…)");
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new ValidationException("survey.encoding", Checks.WITHHELD,
            "the file is not in one encoding (UTF-8 or GBK) throughout: save it again as UTF-8 CSV, or name its encoding with charset(…)");
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read survey " + file, e);
    }
  }

  /**
   * Reads CSV text (a leading byte-order mark is skipped).
   *
   * @param csv the CSV, header first; not closed
   * @param policy the missing-data policy
   * @return the result
   * @throws ValidationException as {@link #read(Path, MissingDataPolicy)}
   */
  public SurveyResult readCsv(Reader csv, MissingDataPolicy policy) {
    java.util.Objects.requireNonNull(csv, "csv");
    java.util.Objects.requireNonNull(policy, "policy");
    try (CSVParser parser = CSVParser.parse(SurveyReader.skipBom(csv), SurveyReader.csvFormat())) {
      List<String> header = parser.getHeaderNames();
      Resolved r = resolve(header);
      return SurveyReader.accumulate(questionnaire, policy, r.col, r.where, header.size(), SurveyReader.csvRows(parser), options);
    } catch (CSVException e) {
      throw SurveyReader.malformed(e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CSVException c) {
        throw SurveyReader.malformed(c);
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read survey", e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new ValidationException("survey.header", Checks.WITHHELD,
          "malformed CSV: the first row has an empty or repeated column name (is the header row missing?)");
    }
  }

  private SurveyResult readWorkbook(Path file, MissingDataPolicy policy) {
    byte[] magic = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(magic, 0, 4);
      boolean zip = n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
      boolean ole2 = n == 4 && (magic[0] & 0xff) == 0xD0 && (magic[1] & 0xff) == 0xCF && magic[2] == 0x11 && (magic[3] & 0xff) == 0xE0;
      if (!zip && !ole2) {
        throw new ValidationException("survey", Checks.WITHHELD,
            "not an Excel workbook (XLSX or XLS) though named so; a CSV must end in .csv");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read survey " + file, e);
    }
    try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
      Sheet s;
      if (sheet == null) {
        s = wb.getSheetAt(0);
      } else {
        s = wb.getSheet(sheet);
        if (s == null) {
          throw new ValidationException("sheet", sheet, "no such sheet; the workbook has " + wb.getNumberOfSheets());
        }
      }
      DataFormatter shown = new DataFormatter(Locale.ROOT);
      int first = s.getFirstRowNum();
      int last = s.getLastRowNum();
      int headerRow = -1;
      List<String> header = new ArrayList<>();
      for (int r = Math.max(first, 0); r <= last && headerRow < 0; r++) {
        List<String> cells = cells(s.getRow(r), shown);
        if (cells.stream().anyMatch(c -> !c.isEmpty())) {
          headerRow = r;
          header = cells;
        }
      }
      if (headerRow < 0) {
        throw new ValidationException("survey", "empty sheet", "the sheet has no rows");
      }
      Resolved res = resolve(header);
      int headerSize = header.size();
      int start = headerRow + 1;
      Iterator<SurveyReader.Row> rows = new Iterator<>() {
        int next = start;
        SurveyReader.Row pending = advance();

        private SurveyReader.Row advance() {
          while (next <= last) {
            int r = next++;
            List<String> cells = cells(s.getRow(r), shown);
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
              // a spreadsheet row has no field count of its own: cells beyond the header are ignored
              return new SurveyReader.Row(r + 1, cells, true);
            }
          }
          return null;
        }

        @Override
        public boolean hasNext() {
          return pending != null;
        }

        @Override
        public SurveyReader.Row next() {
          SurveyReader.Row r = pending;
          if (r == null) {
            throw new java.util.NoSuchElementException();
          }
          pending = advance();
          return r;
        }
      };
      return SurveyReader.accumulate(questionnaire, policy, res.col, res.where, headerSize, rows, options);
    } catch (IOException | org.apache.poi.ooxml.POIXMLException | org.apache.poi.util.RecordFormatException
        | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException e) {
      // the file was readable (its first bytes were): what POI cannot read is a damaged workbook
      throw new ValidationException("survey", Checks.WITHHELD,
          "the workbook is damaged or not a spreadsheet (" + e.getClass().getSimpleName() + "): open and save it again in Excel or WPS");
    } catch (org.apache.poi.EncryptedDocumentException e) {
      throw new ValidationException("survey", Checks.WITHHELD, "the workbook is password-protected: save it without a password");
    } catch (org.apache.poi.UnsupportedFileFormatException e) {
      throw new ValidationException("survey", Checks.WITHHELD,
          "not an Excel workbook (XLSX or XLS), or a damaged one (" + e.getClass().getSimpleName() + "): open and save it again in Excel or WPS");
    }
  }

  private static List<String> cells(org.apache.poi.ss.usermodel.Row row, DataFormatter shown) {
    List<String> out = new ArrayList<>();
    if (row == null || row.getLastCellNum() < 0) {
      return out;
    }
    for (int c = 0; c < row.getLastCellNum(); c++) {
      Cell cell = row.getCell(c);
      out.add(cell == null ? "" : shown.formatCellValue(cell).strip());
    }
    return out;
  }

  private record Resolved(int[] col, String[] where) {}

  private Resolved resolve(List<String> header) {
    List<Item> items = questionnaire.items();
    int k = items.size();
    int[] col = new int[k];
    String[] where = new String[k];
    Map<Integer, List<Integer>> byNumber = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      java.util.regex.Matcher m = NUMBERED.matcher(header.get(c) == null ? "" : header.get(c));
      if (m.find()) {
        byNumber.computeIfAbsent(Integer.parseInt(m.group(1)), n -> new ArrayList<>()).add(c);
      }
    }
    Map<Integer, String> taken = new LinkedHashMap<>();
    for (int i = 0; i < k; i++) {
      String item = items.get(i).column();
      Mapping m = mappings.get(item);
      int c;
      if (m != null && m.column != null) {
        c = m.column;
        if (c >= header.size()) {
          throw new ValidationException("column(" + item + ")", letters(c), "beyond the header's " + header.size() + " column(s)");
        }
      } else if (m != null && m.wording != null) {
        c = byWording(header, m.wording, item);
      } else if (m != null) {
        c = byNumber(byNumber, m.number, item);
      } else if (header.indexOf(item) >= 0) {
        c = header.indexOf(item);
        if (header.lastIndexOf(item) != c) {
          throw new ValidationException("survey.header", item, "two columns are named " + item);
        }
      } else if (item.matches("[0-9]{1,3}")) {
        c = byNumber(byNumber, Integer.parseInt(item), item);
      } else if (inOrder) {
        c = byNumber(byNumber, i + 1, item);
      } else {
        throw new ValidationException("survey.header", item,
            "no column is named " + item + " and no mapping is set for it; the header has " + header.size()
                + " column(s): map the item with question(n, …), wording(…, …), column(…, …) or questionsInOrder()");
      }
      String before = taken.put(c, item);
      if (before != null) {
        throw new ValidationException("survey.header", item, "column " + letters(c) + " is mapped to both " + before + " and " + item);
      }
      col[i] = c;
      where[i] = letters(c) + " (" + item + ")";
    }
    return new Resolved(col, where);
  }

  private static int byNumber(Map<Integer, List<Integer>> byNumber, int n, String item) {
    List<Integer> cs = byNumber.getOrDefault(n, List.of());
    if (cs.isEmpty()) {
      throw new ValidationException("question(" + item + ")", n, "no header starts with question number " + n);
    }
    if (cs.size() > 1) {
      List<String> ls = new ArrayList<>();
      for (int c : cs) {
        ls.add(letters(c));
      }
      throw new ValidationException("question(" + item + ")", n, "question " + n + " has " + cs.size()
          + " columns (" + String.join(", ", ls) + "), as a matrix question does: map each row by its wording");
    }
    return cs.get(0);
  }

  private static int byWording(List<String> header, String wording, String item) {
    String w = squeeze(wording);
    List<Integer> hits = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      if (header.get(c) != null && squeeze(header.get(c)).contains(w)) {
        hits.add(c);
      }
    }
    if (hits.size() != 1) {
      List<String> ls = new ArrayList<>();
      for (int c : hits) {
        ls.add(letters(c));
      }
      throw new ValidationException("wording(" + item + ")", wording, hits.isEmpty()
          ? "no header contains it"
          : hits.size() + " headers contain it (" + String.join(", ", ls) + "): give more of the wording");
    }
    return hits.get(0);
  }

  /** Without white space and punctuation, lower case. */
  static String squeeze(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c)) {
        b.appendCodePoint(Character.toLowerCase(c));
      }
    });
    return b.toString();
  }

  /** A spreadsheet's column letters for a 0-based index: 0 A, 25 Z, 26 AA. */
  static String letters(int index) {
    StringBuilder b = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      b.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return b.toString();
  }

  /** The 0-based index of column letters ("A" 0, "AA" 26), or of a 1-based number ("6" 5). */
  static int columnIndex(String column) {
    String c = column.strip().toUpperCase(Locale.ROOT);
    if (c.matches("[0-9]{1,5}") && Integer.parseInt(c) >= 1) {
      return Integer.parseInt(c) - 1;
    }
    if (!c.matches("[A-Z]{1,3}")) {
      throw new ValidationException("column", column, "must be spreadsheet letters (A, F, AB) or a number from 1");
    }
    int n = 0;
    for (int i = 0; i < c.length(); i++) {
      n = n * 26 + (c.charAt(i) - 'A' + 1);
    }
    return n - 1;
  }

  /** UTF-8 if the file starts with its byte-order mark or its first 64 KiB decode as UTF-8; else GB18030. */
  static Charset sniff(Path file) throws IOException {
    byte[] head = new byte[SNIFF];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, SNIFF);
    }
    if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    int end = n;
    if (n == SNIFF) {
      // do not judge a multi-byte character cut at the end of the sample
      int back = 0;
      while (back < 3 && end > 0 && (head[end - 1] & 0xC0) == 0x80) {
        end--;
        back++;
      }
      if (end > 0 && (head[end - 1] & 0x80) != 0) {
        end--;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return Charset.forName("GB18030");
    }
  }

  /**
   * The answer options in use.
   *
   * @return the options
   */
  public AnswerOptions options() {
    return options;
  }

  /**
   * The encoding set for CSV files, if one is.
   *
   * @return the charset, empty when it is detected per file
   */
  public Optional<Charset> charset() {
    return Optional.ofNullable(charset);
  }

  /** Returns the questionnaire's system, the number of mappings and the options. */
  @Override
  public String toString() {
    return "SurveyFile{" + questionnaire.system().id() + ", " + questionnaire.items().size() + " items, "
        + mappings.size() + " mapped, " + options + (charset == null ? "" : ", " + charset) + "}";
  }

  /** Builds a {@link SurveyFile}. Not thread-safe. */
  public static final class Builder {
    private final Questionnaire questionnaire;
    private final Map<String, Mapping> mappings = new LinkedHashMap<>();
    private AnswerOptions options = AnswerOptions.chineseFivePoint();
    private Charset charset;
    private String sheet;
    private boolean inOrder;

    Builder(Questionnaire questionnaire) {
      this.questionnaire = questionnaire;
    }

    private Builder map(String item, Mapping m) {
      boolean known = false;
      for (Item i : questionnaire.items()) {
        known |= i.column().equals(item);
      }
      if (!known) {
        throw new ValidationException("item", item, "is not an item of the questionnaire");
      }
      if (mappings.put(item, m) != null) {
        throw new ValidationException("item", item, "is mapped twice");
      }
      return this;
    }

    /**
     * The item is the column whose header starts with question number {@code number} ("7、…").
     *
     * @param number the question number, from 1
     * @param item the item's column name in the questionnaire
     * @return this builder
     * @throws ValidationException if the number is below 1, or the item is unknown or mapped
     *     already
     */
    public Builder question(int number, String item) {
      if (number < 1 || number > 999) {
        throw new ValidationException("question", number, "must be from 1 to 999");
      }
      return map(item, new Mapping(number, null, null));
    }

    /**
     * Every item not mapped otherwise, nor named as a header or a number, is the question of its
     * place in the questionnaire: the first item question 1 ("1、…"), the k-th question k — for a
     * questionnaire declared in the order of the survey, such as the built-in ones.
     *
     * @return this builder
     */
    public Builder questionsInOrder() {
      this.inOrder = true;
      return this;
    }

    /**
     * The item is the one column whose header contains this wording (white space and
     * punctuation ignored), for example the row "我经常参加社区事务" of a matrix question.
     *
     * @param wording part of the header
     * @param item the item's column name in the questionnaire
     * @return this builder
     * @throws ValidationException if the wording has no letter or digit, or the item is unknown or
     *     mapped already
     */
    public Builder wording(String wording, String item) {
      if (wording == null || squeeze(wording).isEmpty()) {
        throw new ValidationException("wording", wording, "must contain a letter or digit");
      }
      return map(item, new Mapping(null, wording, null));
    }

    /**
     * The item is a spreadsheet column, by letters ("F") or number from 1 ("6").
     *
     * @param column letters or a number
     * @param item the item's column name in the questionnaire
     * @return this builder
     * @throws ValidationException if the column is malformed, or the item is unknown or mapped
     *     already
     */
    public Builder column(String column, String item) {
      java.util.Objects.requireNonNull(column, "column");
      return map(item, new Mapping(null, null, columnIndex(column)));
    }

    /**
     * The answer options (default {@link AnswerOptions#chineseFivePoint()}).
     *
     * @param options the options, on the questionnaire's scale
     * @return this builder
     * @throws ValidationException if their scale differs from the questionnaire's
     */
    public Builder options(AnswerOptions options) {
      java.util.Objects.requireNonNull(options, "options");
      if (options.points() != questionnaire.points()) {
        throw new ValidationException("options.points", options.points(), "must be the questionnaire's " + questionnaire.points());
      }
      this.options = options;
      return this;
    }

    /**
     * The encoding of CSV files, instead of detecting UTF-8 or GBK.
     *
     * @param charset the encoding
     * @return this builder
     */
    public Builder charset(Charset charset) {
      this.charset = java.util.Objects.requireNonNull(charset, "charset");
      return this;
    }

    /**
     * The sheet of a workbook to read (default the first).
     *
     * @param name the sheet's name
     * @return this builder
     */
    public Builder sheet(String name) {
      this.sheet = Checks.id("sheet", name);
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return the reader
     * @throws ValidationException if the default options do not fit the questionnaire's scale
     *     (a scale other than 5 points needs {@link #options(AnswerOptions)})
     */
    public SurveyFile build() {
      if (options.points() != questionnaire.points()) {
        throw new ValidationException("options", questionnaire.points() + " points",
            "the default options are five-point: set options(AnswerOptions.of(…)) for a " + questionnaire.points() + "-point scale");
      }
      return new SurveyFile(this);
    }
  }
}
