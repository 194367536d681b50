package io.github.linli.scorecard.survey;

import io.github.linli.scorecard.methods.Direction;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import io.github.linli.scorecard.methods.Reliability;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads survey responses from CSV (Apache Commons CSV): a header row naming the item columns (other
 * columns, such as a respondent number, are ignored and never kept), then one row per respondent.
 *
 * <p>Each answer must be a whole number 1…points; a blank cell or {@code NA} is a missing answer,
 * handled by the {@link MissingDataPolicy}. A row with an unreadable or out-of-scale answer, a
 * wrong number of fields, or missing answers the policy cannot fill is rejected and reported
 * ({@link SurveyResult#rejections()}); the other rows are used. Indicator scores follow the
 * questionnaire's {@link AnswerScoring}; nothing else depends on it.
 *
 * <p>Streaming: rows are read one at a time and only aggregates are kept (per-item sums and level
 * counts, per-dimension {@link Reliability.Accumulator}s, at most {@value
 * SurveyResult#MAX_REJECTIONS_KEPT} rejection details), so memory does not grow with the number of
 * respondents. O(rows × items) time.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class SurveyReader {
  private SurveyReader() {}

  /**
   * Reads a CSV file (UTF-8).
   *
   * @param csv the file
   * @param questionnaire the questionnaire
   * @param policy the missing-data policy
   * @return the result
   * @throws ValidationException as {@link #read(Reader, Questionnaire, MissingDataPolicy)}
   * @throws UncheckedIOException if the file cannot be read
   */
  public static SurveyResult read(Path csv, Questionnaire questionnaire, MissingDataPolicy policy) {
    return read(csv, StandardCharsets.UTF_8, questionnaire, policy);
  }

  /**
   * Reads a CSV file in a given encoding, for example {@code Charset.forName("GBK")} for files
   * saved by older Chinese spreadsheet software.
   *
   * @param csv the file
   * @param charset its encoding
   * @param questionnaire the questionnaire
   * @param policy the missing-data policy
   * @return the result
   * @throws ValidationException as {@link #read(Reader, Questionnaire, MissingDataPolicy)}
   * @throws UncheckedIOException if the file cannot be read
   */
  public static SurveyResult read(
      Path csv, java.nio.charset.Charset charset, Questionnaire questionnaire, MissingDataPolicy policy) {
    try (Reader r = Files.newBufferedReader(csv, charset)) {
      return read(r, questionnaire, policy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read survey " + csv, e);
    }
  }

  /**
   * Reads CSV text.
   *
   * @param csv the CSV, header first (a leading byte-order mark, as spreadsheet programs write, is
   *     skipped); not closed
   * @param questionnaire the questionnaire
   * @param policy the missing-data policy
   * @return the result
   * @throws ValidationException if an item column is missing from the header, the CSV is malformed,
   *     or no row is valid (the message gives the count and the first rejection)
   * @throws UncheckedIOException if reading fails
   */
  public static SurveyResult read(Reader csv, Questionnaire questionnaire, MissingDataPolicy policy) {
    java.util.Objects.requireNonNull(csv, "csv");
    java.util.Objects.requireNonNull(questionnaire, "questionnaire");
    java.util.Objects.requireNonNull(policy, "policy");
    List<Item> items = questionnaire.items();
    int k = items.size();
    try (CSVParser parser = CSVParser.parse(skipBom(csv), csvFormat())) {
      Map<String, Integer> header = parser.getHeaderMap();
      int[] col = new int[k];
      String[] where = new String[k];
      for (int i = 0; i < k; i++) {
        Integer c = header.get(items.get(i).column());
        if (c == null) {
          // never the header's cells: a file without a header row has a respondent's answers there
          // (issue 17: the message showed a name and a phone number)
          throw new ValidationException(
              "survey.header",
              items.get(i).column(),
              "missing item column; the first row has " + header.size() + " column(s) and none is named "
                  + items.get(i).column() + " (is the header row missing?)"
                  + headerHint(header.keySet(), items.get(i).column()));
        }
        col[i] = c;
        where[i] = items.get(i).column();
      }
      return accumulate(questionnaire, policy, col, where, header.size(), csvRows(parser), null);
    } catch (CSVException e) {
      throw malformed(e);
    } catch (UncheckedIOException e) {
      // the record iterator wraps a parse error (an unterminated quote, say) in an unchecked one
      if (e.getCause() instanceof CSVException c) {
        throw malformed(c);
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read survey", e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // commons-csv's message quotes the header's cells, which may be answers: not passed on
      throw new ValidationException("survey.header", Checks.WITHHELD,
          "malformed CSV: the first row has an empty or repeated column name (is the header row missing?)");
    }
  }

  /** The CSV dialect: a header row, cells trimmed, empty lines skipped. */
  static CSVFormat csvFormat() {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setTrim(true)
        .setIgnoreEmptyLines(true)
        .get();
  }

  /** One data row of a table: its line (or spreadsheet row) number and cells. */
  record Row(long line, List<String> cells, boolean consistent) {}

  /** The records of a CSV parser as rows; line = record number + 1 (the header is line 1). */
  static java.util.Iterator<Row> csvRows(CSVParser parser) {
    java.util.Iterator<CSVRecord> it = parser.iterator();
    return new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Row next() {
        CSVRecord rec = it.next();
        return new Row(rec.getRecordNumber() + 1, rec.toList(), rec.isConsistent());
      }
    };
  }

  /**
   * The streaming core: every row of a table whose item columns are known.
   *
   * @param col the cell index of each item
   * @param where how a rejection names each item's column
   * @param headerSize the number of header cells (for the ragged-row message)
   * @param options option texts to scores, or null for numbers only
   */
  static SurveyResult accumulate(
      Questionnaire questionnaire,
      MissingDataPolicy policy,
      int[] col,
      String[] where,
      int headerSize,
      java.util.Iterator<Row> rows,
      AnswerOptions options) {
    List<Item> items = questionnaire.items();
    int k = items.size();
    int points = questionnaire.points();
    List<String> dims = questionnaire.dimensions();
    int[] dimOf = new int[k];
    List<List<Integer>> dimItems = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) {
      dimItems.add(new ArrayList<>());
    }
    for (int i = 0; i < k; i++) {
      dimOf[i] = dims.indexOf(items.get(i).dimensionId());
      dimItems.get(dimOf[i]).add(i);
    }
    // Items of a cost indicator (agreement means worse, e.g. "too many administrative tasks") are
    // keyed in reverse for reliability, so that every item of a dimension points the same way.
    boolean[] costKeyed = new boolean[k];
    for (int i = 0; i < k; i++) {
      costKeyed[i] = questionnaire.system().indicator(items.get(i).indicatorId()).direction() == Direction.COST;
    }
    Reliability.Accumulator[] acc = new Reliability.Accumulator[dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      if (dimItems.get(d).size() >= 2) {
        acc[d] = Reliability.accumulator(dimItems.get(d).size());
      }
    }
    double[] sums = new double[k];
    long[][] levels = new long[k][points];
    long accepted = 0;
    long rejected = 0;
    long imputed = 0;
    List<Rejection> rejections = new ArrayList<>();
    double[] answers = new double[k];
    boolean[] missing = new boolean[k];
    while (rows.hasNext()) {
      Row rec = rows.next();
      long line = rec.line();
      List<String> cells = rec.cells();
      Rejection why = null;
      if (!rec.consistent()) {
        why = new Rejection(line, "*", "", "has " + cells.size() + " fields, header has " + headerSize);
      }
      int missingCount = 0;
      for (int i = 0; i < k && why == null; i++) {
        String text = col[i] < cells.size() && cells.get(col[i]) != null ? cells.get(col[i]).strip() : "";
        missing[i] = false;
        if (text.isEmpty() || text.equalsIgnoreCase("NA") || (options != null && options.isSkipped(text))) {
          missing[i] = true;
          missingCount++;
          continue;
        }
        double v;
        OptionalDouble option = options == null ? OptionalDouble.empty() : options.score(text);
        if (option.isPresent()) {
          v = option.getAsDouble();
        } else {
          try {
            v = Double.parseDouble(text);
          } catch (NumberFormatException e) {
            why = new Rejection(line, where[i], text, options == null ? "not a number" : "not a number or a known answer option");
            break;
          }
        }
        if (v != Math.rint(v) || v < 1 || v > points) {
          why = new Rejection(line, where[i], text, "out of scale: must be a whole number 1-" + points);
          break;
        }
        answers[i] = items.get(i).reverse() ? points + 1 - v : v;
      }
      if (why == null && missingCount > 0) {
        why = fill(policy, line, items, where, dimItems, dimOf, answers, missing);
        if (why == null) {
          imputed += missingCount;
        }
      }
      if (why != null) {
        rejected++;
        if (rejections.size() < SurveyResult.MAX_REJECTIONS_KEPT) {
          rejections.add(why);
        }
        continue;
      }
      accepted++;
      for (int i = 0; i < k; i++) {
        sums[i] += answers[i];
        if (!missing[i]) {
          levels[i][points - (int) answers[i]]++;
        }
      }
      for (int d = 0; d < dims.size(); d++) {
        if (acc[d] != null) {
          List<Integer> di = dimItems.get(d);
          double[] row = new double[di.size()];
          for (int j = 0; j < row.length; j++) {
            int item = di.get(j);
            row[j] = costKeyed[item] ? points + 1 - answers[item] : answers[item];
          }
          acc[d].add(row);
        }
      }
    }
    if (accepted == 0) {
      throw new ValidationException(
          "survey",
          rejected + " rejected",
          "no valid rows" + (rejections.isEmpty() ? "" : "; first: " + rejections.get(0)));
    }
    return result(questionnaire, policy, accepted, rejected, imputed, rejections, sums, levels, dims, dimItems, acc);
  }

  /** What probably went wrong with a header that lacks an item column, or the empty string. */
  private static String headerHint(java.util.Set<String> header, String column) {
    if (header.size() == 1) {
      String only = header.iterator().next();
      if (only.contains(";") || only.contains("\t")) {
        return "; the file seems to separate its columns with "
            + (only.contains(";") ? "';'" : "tabs")
            + ": save it as comma-separated CSV";
      }
    }
    for (String h : header) {
      // h equals the item's column but for case and spaces: a column name, not an answer
      if (!h.equals(column) && h.strip().equalsIgnoreCase(column)) {
        return "; found '" + h + "': column names must match exactly (case and spaces)";
      }
    }
    return "";
  }

  static Reader skipBom(Reader in) throws IOException {
    java.io.PushbackReader p = new java.io.PushbackReader(in, 1);
    int c = p.read();
    if (c != -1 && c != '\uFEFF') {
      p.unread(c);
    }
    return p;
  }

  private static Rejection fill(
      MissingDataPolicy policy,
      long line,
      List<Item> items,
      String[] where,
      List<List<Integer>> dimItems,
      int[] dimOf,
      double[] answers,
      boolean[] missing) {
    for (int i = 0; i < items.size(); i++) {
      if (!missing[i]) {
        continue;
      }
      if (policy == MissingDataPolicy.LISTWISE) {
        return new Rejection(line, where[i], "", "missing answer (listwise deletion)");
      }
      List<Integer> di = dimItems.get(dimOf[i]);
      double s = 0;
      int answered = 0;
      for (int j : di) {
        if (!missing[j]) {
          s += answers[j];
          answered++;
        }
      }
      if (answered * 2 < di.size() || answered == 0) {
        return new Rejection(
            line,
            where[i],
            "",
            "missing answer: fewer than half of the dimension's " + di.size() + " items answered");
      }
      answers[i] = s / answered;
    }
    return null;
  }

  private static SurveyResult result(
      Questionnaire q,
      MissingDataPolicy policy,
      long accepted,
      long rejected,
      long imputed,
      List<Rejection> rejections,
      double[] sums,
      long[][] levels,
      List<String> dims,
      List<List<Integer>> dimItems,
      Reliability.Accumulator[] acc) {
    List<Item> items = q.items();
    int points = q.points();
    Map<String, Double> itemMeans = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      itemMeans.put(items.get(i).column(), sums[i] / accepted);
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, double[]> shares = new LinkedHashMap<>();
    for (String ind : q.indicators()) {
      double s = 0;
      int n = 0;
      long[] count = new long[points];
      long total = 0;
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).indicatorId().equals(ind)) {
          s += sums[i] / accepted;
          n++;
          for (int l = 0; l < points; l++) {
            count[l] += levels[i][l];
            total += levels[i][l];
          }
        }
      }
      // reverse-worded items were reversed answer by answer above; a cost indicator is reversed by
      // the scorecard (1 - value), which the scoring accounts for
      boolean cost = q.system().indicator(ind).direction() == Direction.COST;
      scores.put(ind, q.scoring().agreement(s / n, points, cost));
      double[] share = new double[points];
      for (int l = 0; l < points; l++) {
        share[l] = total == 0 ? 0 : count[l] / (double) total;
      }
      shares.put(ind, share);
    }
    Map<String, ScaleReliability> rel = new LinkedHashMap<>();
    for (int d = 0; d < dims.size(); d++) {
      if (acc[d] == null) {
        continue;
      }
      List<String> cols = new ArrayList<>();
      for (int i : dimItems.get(d)) {
        cols.add(items.get(i).column());
      }
      OptionalDouble alpha = OptionalDouble.empty();
      double[] ifDeleted = new double[0];
      double[] itemTotal = new double[cols.size()];
      String note = "";
      if (acc[d].count() < 2) {
        note = "fewer than 2 respondents";
      } else {
        itemTotal = acc[d].correctedItemTotalCorrelations();
        try {
          alpha = OptionalDouble.of(acc[d].alpha());
          if (cols.size() >= 3) {
            ifDeleted = acc[d].alphaIfItemDeleted();
          }
        } catch (ValidationException e) {
          note = e.getMessage();
        }
      }
      rel.put(dims.get(d), new ScaleReliability(dims.get(d), cols, acc[d].count(), alpha, ifDeleted, itemTotal, note));
    }
    return new SurveyResult(q, policy, accepted, rejected, imputed, rejections, itemMeans, scores, shares, rel);
  }

  static ValidationException malformed(CSVException e) {
    return new ValidationException("survey", "csv", "malformed CSV: " + e.getMessage(), e);
  }
}
