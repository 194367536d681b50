package io.github.linli.core.governance.budget;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;
import io.github.linli.core.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes Pabulib {@code .pb} files (<a href="https://pabulib.org/format">pabulib.org
 * format</a>), the format of the public library of participatory-budgeting elections.
 *
 * <p>A file has three sections, in order: {@code META} ({@code key;value} rows, including {@code
 * budget} and {@code vote_type}), {@code PROJECTS} (columns {@code project_id}, {@code cost} and
 * any others) and {@code VOTES} (columns {@code voter_id}, {@code vote}, {@code points} for
 * cumulative and scoring votes, and any others). Each section starts with its name on a line of
 * its own, then a header row. Fields are separated by {@code ;}; a field may be quoted with
 * {@code "} (a doubled {@code ""} inside stands for one quote, and a quoted field may span
 * lines). The reader accepts what real files contain: a UTF-8 byte-order mark, CRLF or LF line
 * ends, blank lines, spaces around fields, decimal commas ({@code 1000000,5}), empty votes
 * (abstentions), and upper or lower case section names.
 *
 * <p>Bad input is refused with a {@link ValidationException} whose field names the line (for
 * example {@code "line 12"}) and whose message says what is wrong: a missing or repeated section,
 * a vote for an unknown project, a repeated project or voter id, a malformed number, an
 * unterminated quote. Nothing is returned on error.
 *
 * <p>Writing gives UTF-8 without BOM, LF line ends, decimal points, and quotes only where needed;
 * {@code read(write(e))} equals {@code e}. Further columns are kept as text in {@link
 * BudgetProject#attributes()} and {@link BudgetBallot#attributes()}; an unquoted empty cell is an
 * absent value, a quoted one ({@code ""}) an empty value.
 *
 * <p>Thread-safe (stateless). Reading and writing are linear in the file size.
 *
 * @since 0.1.0
 */
public final class Pabulib {
  static final Set<String> PROJECT_OWN_COLUMNS = Set.of("project_id", "cost", "name");
  static final Set<String> VOTE_OWN_COLUMNS = Set.of("voter_id", "vote", "points");
  private static final List<String> SECTIONS = List.of("meta", "projects", "votes");

  private Pabulib() {}

  /**
   * Reads a {@code .pb} file.
   *
   * @param file the file
   * @return the election
   * @throws ValidationException if the file is not valid Pabulib (the field names the line)
   * @throws UncheckedIOException if the file cannot be read
   * @throws NullPointerException if {@code file} is null
   */
  public static BudgetElection read(Path file) {
    checkNotNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getFileName(), e);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ValidationException("file", String.valueOf(file.getFileName()), "is not UTF-8 text", e);
    }
    return parse(text);
  }

  /**
   * Parses the text of a {@code .pb} file.
   *
   * @param text the file's content
   * @return the election
   * @throws ValidationException if the text is not valid Pabulib (the field names the line)
   * @throws NullPointerException if {@code text} is null
   */
  public static BudgetElection parse(String text) {
    checkNotNull(text, "text");
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new Reader(tokenize(text)).read();
  }

  /**
   * Writes an election as a {@code .pb} file (UTF-8, LF line ends), replacing the file.
   *
   * @param election the election
   * @param file the file
   * @throws UncheckedIOException if the file cannot be written
   * @throws NullPointerException if an argument is null
   */
  public static void write(BudgetElection election, Path file) {
    checkNotNull(file, "file");
    String text = format(election);
    try {
      Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file.getFileName(), e);
    }
  }

  /**
   * The {@code .pb} text of an election.
   *
   * @param election the election
   * @return the text, LF line ends
   * @throws NullPointerException if {@code election} is null
   */
  public static String format(BudgetElection election) {
    checkNotNull(election, "election");
    StringBuilder out = new StringBuilder();
    out.append("META\nkey;value\n");
    for (Map.Entry<String, String> e : election.meta().entrySet()) {
      row(out, List.of(e.getKey(), e.getValue()), false);
    }
    out.append("PROJECTS\n");
    boolean names = election.projects().stream().anyMatch(p -> p.name().isPresent());
    Set<String> projectColumns = new LinkedHashSet<>();
    election.projects().forEach(p -> projectColumns.addAll(p.attributes().keySet()));
    List<String> header = new ArrayList<>(List.of("project_id", "cost"));
    if (names) {
      header.add("name");
    }
    header.addAll(projectColumns);
    row(out, header, false);
    for (BudgetProject p : election.projects()) {
      List<String> cells = new ArrayList<>();
      cells.add(p.id());
      cells.add(p.cost().toPlainString());
      if (names) {
        cells.add(p.name().orElse(null));
      }
      for (String c : projectColumns) {
        cells.add(p.attributes().get(c));
      }
      row(out, cells, true);
    }
    out.append("VOTES\n");
    boolean points = election.voteType().hasPoints();
    Set<String> voteColumns = new LinkedHashSet<>();
    election.ballots().forEach(b -> voteColumns.addAll(b.attributes().keySet()));
    boolean channelColumn =
        voteColumns.remove("voting_method")
            | election.ballots().stream().anyMatch(b -> b.channel().isPresent());
    header = new ArrayList<>(List.of("voter_id", "vote"));
    if (points) {
      header.add("points");
    }
    header.addAll(voteColumns);
    if (channelColumn) {
      header.add("voting_method");
    }
    row(out, header, false);
    for (BudgetBallot b : election.ballots()) {
      List<String> cells = new ArrayList<>();
      cells.add(b.voterId());
      cells.add(String.join(",", b.projectIds()));
      if (points) {
        List<String> pts = new ArrayList<>();
        b.points().forEach(x -> pts.add(x.toPlainString()));
        cells.add(String.join(",", pts));
      }
      for (String c : voteColumns) {
        cells.add(b.attributes().get(c));
      }
      if (channelColumn) {
        String method = b.attributes().get("voting_method");
        cells.add(method != null ? method : b.channel().map(BallotChannel::pabulibName).orElse(null));
      }
      row(out, cells, true);
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> cells, boolean quoteEmpty) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(';');
      }
      String v = cells.get(i);
      if (v == null) {
        continue;
      }
      boolean quote =
          (quoteEmpty && v.isEmpty() && i >= 2)
              || v.indexOf(';') >= 0
              || v.indexOf('"') >= 0
              || v.indexOf('\n') >= 0
              || v.indexOf('\r') >= 0
              || !v.strip().equals(v);
      if (quote) {
        out.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        out.append(v);
      }
    }
    out.append('\n');
  }

  /** Parses a Pabulib number: decimal point or a single decimal comma. */
  static BigDecimal decimal(String raw) {
    String s = raw.strip();
    if (s.indexOf(',') >= 0 && s.indexOf('.') < 0 && s.indexOf(',') == s.lastIndexOf(',')) {
      s = s.replace(',', '.');
    }
    if (s.isEmpty() || !s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
      throw new NumberFormatException(raw);
    }
    BigDecimal d = new BigDecimal(s);
    if (!withinDigits(d)) {
      throw new NumberFormatException(raw);
    }
    return d;
  }

  /**
   * A field of a value's own check without the ids in it ({@code ballot.points(v-1)} gives {@code
   * ballot.points}): in a file the line names the row, and an id cell may hold anything (issue 17).
   */
  static String withoutIds(String field) {
    return field.replaceAll("\\([^)]*\\)", "").replaceAll("\\[[^]]*\\]", "[…]");
  }

  /** The most digits a Pabulib number may have before, and after, the point. */
  static final int MAX_DIGITS = 30;

  /**
   * Whether a number has at most {@link #MAX_DIGITS} digits before and after the point (issue 9:
   * {@code 1e999999999} would otherwise take gigabytes when printed or counted).
   */
  static boolean withinDigits(BigDecimal d) {
    BigDecimal n = d.stripTrailingZeros();
    return n.precision() - n.scale() <= MAX_DIGITS && n.scale() <= MAX_DIGITS;
  }

  // ---------------------------------------------------------------------------------------------
  // tokenizer

  static final class Cell {
    final String value;
    final boolean quoted;

    Cell(String value, boolean quoted) {
      this.value = value;
      this.quoted = quoted;
    }
  }

  static final class Row {
    final int line;
    final List<Cell> cells;

    Row(int line, List<Cell> cells) {
      this.line = line;
      this.cells = cells;
    }

    String get(int i) {
      return i < cells.size() ? cells.get(i).value : "";
    }

    boolean blank() {
      return cells.stream().allMatch(c -> c.value.isEmpty() && !c.quoted);
    }
  }

  static List<Row> tokenize(String text) {
    List<Row> rows = new ArrayList<>();
    int i = 0;
    int line = 1;
    int len = text.length();
    while (i < len) {
      int rowLine = line;
      List<Cell> cells = new ArrayList<>();
      while (true) {
        int j = i;
        while (j < len && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        if (j < len && text.charAt(j) == '"') {
          int startLine = line;
          StringBuilder b = new StringBuilder();
          i = j + 1;
          while (true) {
            if (i >= len) {
              throw new ValidationException("line " + startLine, null, "quoted field is never closed");
            }
            char ch = text.charAt(i);
            if (ch == '"') {
              if (i + 1 < len && text.charAt(i + 1) == '"') {
                b.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (ch == '\n' || (ch == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n'))) {
              line++;
            }
            b.append(ch);
            i++;
          }
          while (i < len && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
          }
          if (i < len && text.charAt(i) != ';' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            throw new ValidationException("line " + line, Checks.WITHHELD, "text after a closing quote");
          }
          cells.add(new Cell(b.toString(), true));
        } else {
          int start = i;
          while (i < len && text.charAt(i) != ';' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
          }
          cells.add(new Cell(text.substring(start, i).strip(), false));
        }
        if (i < len && text.charAt(i) == ';') {
          i++;
          continue;
        }
        if (i < len && text.charAt(i) == '\r') {
          i++;
        }
        if (i < len && text.charAt(i) == '\n') {
          i++;
        }
        line++;
        break;
      }
      rows.add(new Row(rowLine, cells));
    }
    return rows;
  }

  // ---------------------------------------------------------------------------------------------
  // reader

  private static final class Reader {
    private final List<Row> rows;
    private final BudgetElection.Builder builder = BudgetElection.builder();
    private final Map<String, String> meta = new LinkedHashMap<>();
    private final Map<String, Integer> metaLine = new HashMap<>();
    private final Map<String, Integer> projectLine = new HashMap<>();
    private final Map<String, Integer> voterLine = new HashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<BudgetBallot> ballots = new ArrayList<>();
    private VoteType voteType;
    private int lastLine;

    Reader(List<Row> rows) {
      this.rows = rows;
    }

    BudgetElection read() {
      String section = null;
      List<String> header = null;
      boolean expectHeader = false;
      Set<String> seen = new HashSet<>();
      for (Row row : rows) {
        lastLine = row.line;
        if (row.blank()) {
          continue;
        }
        String first = row.get(0).strip().toLowerCase(Locale.ROOT);
        boolean restBlank = true;
        for (int k = 1; k < row.cells.size(); k++) {
          restBlank &= row.cells.get(k).value.isBlank();
        }
        if (restBlank && SECTIONS.contains(first) && !row.cells.get(0).quoted) {
          if (!seen.add(first)) {
            throw new ValidationException("line " + row.line, row.get(0), "section appears twice");
          }
          int expected = seen.size() - 1;
          if (SECTIONS.indexOf(first) != expected) {
            throw new ValidationException(
                "line " + row.line,
                row.get(0),
                "section out of order: expected " + SECTIONS.get(expected).toUpperCase(Locale.ROOT));
          }
          if (expectHeader) {
            throw new ValidationException(
                "line " + row.line, row.get(0), "the previous section has no header row");
          }
          if ("projects".equals(first)) {
            endMeta(row.line);
          }
          section = first;
          expectHeader = true;
          continue;
        }
        if (section == null) {
          throw new ValidationException("line " + row.line, Checks.WITHHELD, "data before the META section");
        }
        if (expectHeader) {
          header = header(row, section);
          expectHeader = false;
          continue;
        }
        for (int k = header.size(); k < row.cells.size() && !"meta".equals(section); k++) {
          if (!row.cells.get(k).value.isEmpty() || row.cells.get(k).quoted) {
            throw new ValidationException(
                "line " + row.line,
                row.cells.size(),
                "has " + row.cells.size() + " fields but the " + section.toUpperCase(Locale.ROOT)
                    + " header has " + header.size());
          }
        }
        try {
          switch (section) {
            case "meta":
              metaRow(row);
              break;
            case "projects":
              projectRow(row, header);
              break;
            default:
              voteRow(row, header);
          }
        } catch (ValidationException e) {
          if (e.field().startsWith("line ")) {
            throw e;
          }
          // the inner message names the value, which is a cell (issue 17): field and problem only
          throw new ValidationException("line " + row.line, Checks.WITHHELD, withoutIds(e.field()) + ": " + e.problem());
        }
      }
      for (String s : SECTIONS) {
        if (!seen.contains(s)) {
          throw new ValidationException(
              "line " + (lastLine + 1),
              s.toUpperCase(Locale.ROOT),
              "section is missing (a .pb file has META, PROJECTS and VOTES)");
        }
      }
      if (expectHeader) {
        throw new ValidationException("line " + (lastLine + 1), "VOTES", "section has no header row");
      }
      builder.addBallots(ballots);
      return builder.build();
    }

    private List<String> header(Row row, String section) {
      List<String> header = new ArrayList<>();
      for (Cell c : row.cells) {
        String name = c.value.strip();
        if (header.contains(name) && !name.isEmpty()) {
          // a data row read as a header holds a voter's cells: positions, not names
          throw new ValidationException("line " + row.line, Checks.WITHHELD,
              "columns " + (header.indexOf(name) + 1) + " and " + (header.size() + 1) + " of the header have the same name");
        }
        header.add(name);
      }
      List<String> required =
          "meta".equals(section)
              ? List.of()
              : "projects".equals(section)
                  ? List.of("project_id", "cost")
                  : voteType.hasPoints() ? List.of("voter_id", "vote", "points") : List.of("voter_id", "vote");
      for (String r : required) {
        if (!header.contains(r)) {
          throw new ValidationException(
              "line " + row.line,
              Checks.WITHHELD,
              section.toUpperCase(Locale.ROOT) + " header (" + header.size() + " columns) lacks the column " + r);
        }
      }
      return header;
    }

    private void metaRow(Row row) {
      String key = row.get(0).strip();
      if (row.cells.size() < 2) {
        throw new ValidationException("line " + row.line, Checks.WITHHELD, "a META row needs key;value");
      }
      if (key.isEmpty()) {
        throw new ValidationException("line " + row.line, Checks.WITHHELD, "META key is empty");
      }
      if (meta.containsKey(key)) {
        throw new ValidationException(
            "line " + row.line, Checks.WITHHELD, "META key repeats (first on line " + metaLine.get(key) + ")");
      }
      // a META value with an unquoted ';' keeps its parts (pabutools would keep the first only)
      StringBuilder value = new StringBuilder(row.get(1));
      for (int k = 2; k < row.cells.size(); k++) {
        value.append(';').append(row.get(k));
      }
      meta.put(key, value.toString());
      metaLine.put(key, row.line);
    }

    private void endMeta(int line) {
      if (!meta.containsKey("budget")) {
        throw new ValidationException("line " + line, "budget", "META lacks the budget");
      }
      if (!meta.containsKey("vote_type")) {
        throw new ValidationException("line " + line, "vote_type", "META lacks the vote_type");
      }
      String raw = meta.get("budget");
      BigDecimal budget;
      try {
        budget = decimal(raw);
      } catch (NumberFormatException e) {
        throw new ValidationException("line " + metaLine.get("budget"), Checks.WITHHELD, "budget is not a number of at most " + MAX_DIGITS + " digits before and after the point");
      }
      if (budget.signum() < 0) {
        throw new ValidationException("line " + metaLine.get("budget"), Checks.WITHHELD, "budget is negative");
      }
      try {
        voteType = VoteType.fromPabulib(meta.get("vote_type"));
      } catch (ValidationException e) {
        throw new ValidationException("line " + metaLine.get("vote_type"), Checks.WITHHELD, "vote_type: " + e.problem());
      }
      builder.budget(budget).voteType(voteType);
      for (Map.Entry<String, String> e : meta.entrySet()) {
        try {
          builder.meta(e.getKey(), e.getValue());
        } catch (ValidationException x) {
          throw new ValidationException("line " + metaLine.get(e.getKey()), Checks.WITHHELD, withoutIds(x.field()) + ": " + x.problem());
        }
      }
    }

    private void projectRow(Row row, List<String> header) {
      String id = null;
      String cost = null;
      String name = null;
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int k = 0; k < header.size(); k++) {
        String column = header.get(k);
        Cell cell = k < row.cells.size() ? row.cells.get(k) : null;
        String v = cell == null ? "" : cell.value;
        boolean present = cell != null && (cell.quoted || !v.isEmpty());
        if (column.equals("project_id")) {
          id = v.strip();
        } else if (column.equals("cost")) {
          cost = v;
        } else if (column.equals("name")) {
          name = present ? v : null;
        } else if (present && !column.isEmpty()) {
          attributes.put(column, v);
        }
      }
      if (id.isEmpty()) {
        throw new ValidationException("line " + row.line, id, "project_id is empty");
      }
      if (projectLine.containsKey(id)) {
        throw new ValidationException(
            "line " + row.line, Checks.WITHHELD, "project_id repeats (first on line " + projectLine.get(id) + ")");
      }
      BigDecimal c;
      try {
        c = decimal(cost);
      } catch (NumberFormatException e) {
        throw new ValidationException("line " + row.line, Checks.WITHHELD, "column cost: the cost is not a number of at most " + MAX_DIGITS + " digits before and after the point");
      }
      BudgetProject project =
          BudgetProject.builder().id(id).cost(c).name(java.util.Optional.ofNullable(name))
              .putAllAttributes(attributes).build();
      builder.addProject(project);
      projectLine.put(id, row.line);
      index.put(id, index.size());
    }

    private void voteRow(Row row, List<String> header) {
      String voter = null;
      String vote = "";
      String points = "";
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int k = 0; k < header.size(); k++) {
        String column = header.get(k);
        Cell cell = k < row.cells.size() ? row.cells.get(k) : null;
        String v = cell == null ? "" : cell.value;
        boolean present = cell != null && (cell.quoted || !v.isEmpty());
        if (column.equals("voter_id")) {
          voter = v.strip();
        } else if (column.equals("vote")) {
          vote = v;
        } else if (column.equals("points")) {
          points = v;
        } else if (present && !column.isEmpty()) {
          attributes.put(column, v);
        }
      }
      if (voter.isEmpty()) {
        throw new ValidationException("line " + row.line, voter, "voter_id is empty");
      }
      if (voterLine.containsKey(voter)) {
        throw new ValidationException(
            "line " + row.line,
            Checks.WITHHELD,
            "voter_id repeats (first on line " + voterLine.get(voter) + "): one person, one ballot");
      }
      List<String> ids = new ArrayList<>();
      Set<String> distinct = new HashSet<>();
      for (String part : vote.split(",", -1)) {
        String id = part.strip();
        if (id.isEmpty()) {
          continue;
        }
        if (!index.containsKey(id)) {
          throw new ValidationException(
              "line " + row.line, Checks.WITHHELD, "column vote: the voter votes for a project that is not listed");
        }
        if (!distinct.add(id)) {
          throw new ValidationException(
              "line " + row.line, Checks.WITHHELD, "column vote: the voter lists a project twice");
        }
        ids.add(id);
      }
      BudgetBallot.Builder b = BudgetBallot.builder().voterId(voter).addAllProjectIds(ids);
      if (voteType.hasPoints()) {
        List<String> parts = new ArrayList<>();
        for (String part : points.split(",", -1)) {
          if (!part.isBlank()) {
            parts.add(part.strip());
          }
        }
        if (parts.size() != ids.size()) {
          throw new ValidationException(
              "line " + row.line,
              Checks.WITHHELD,
              "column points: the voter has " + parts.size() + " points for " + ids.size() + " projects");
        }
        for (String part : parts) {
          try {
            b.addPoints(decimal(part));
          } catch (NumberFormatException e) {
            throw new ValidationException("line " + row.line, Checks.WITHHELD, "column points: points are not a number of at most " + MAX_DIGITS + " digits before and after the point");
          }
        }
      }
      String method = attributes.get("voting_method");
      if (method != null) {
        java.util.Optional<BallotChannel> channel = BallotChannel.fromPabulib(method);
        channel.ifPresent(b::channel);
        if (channel.isPresent() && channel.get().pabulibName().equals(method)) {
          attributes.remove("voting_method");
        }
      }
      BudgetBallot ballot = b.putAllAttributes(attributes).build();
      BudgetElection.checkShape(ballot, voteType, index);
      voterLine.put(voter, row.line);
      ballots.add(ballot);
    }
  }
}
