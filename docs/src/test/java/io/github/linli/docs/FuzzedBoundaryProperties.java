package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.Label;
import io.github.linli.core.LinliException;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.Actor;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.AllianceSnapshot;
import io.github.linli.core.alliance.BenefitCard;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.alliance.MembershipAction;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.governance.Charter;
import io.github.linli.core.governance.Choice;
import io.github.linli.core.governance.DecisionRule;
import io.github.linli.core.governance.JointMeeting;
import io.github.linli.core.governance.Motion;
import io.github.linli.core.governance.Party;
import io.github.linli.core.governance.QuorumRule;
import io.github.linli.core.governance.Seat;
import io.github.linli.core.demand.Classification;
import io.github.linli.core.demand.Demand;
import io.github.linli.core.demand.DemandClassifier;
import io.github.linli.core.demand.DemandIntake;
import io.github.linli.core.demand.DemandRequest;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.governance.budget.BudgetElection;
import io.github.linli.core.governance.budget.Pabulib;
import io.github.linli.matching.solver.MaxWeightBMatching;
import io.github.linli.scorecard.methods.Ahp;
import io.github.linli.scorecard.methods.AhpCompletion;
import io.github.linli.scorecard.methods.AhpResult;
import io.github.linli.scorecard.methods.CombinedWeights;
import io.github.linli.scorecard.methods.CriticWeights;
import io.github.linli.scorecard.methods.Direction;
import io.github.linli.scorecard.methods.EntropyWeights;
import io.github.linli.scorecard.methods.FuzzyEvaluation;
import io.github.linli.scorecard.methods.FuzzyOperator;
import io.github.linli.scorecard.methods.FuzzyResult;
import io.github.linli.scorecard.methods.GreyRelational;
import io.github.linli.scorecard.methods.PriorityMethod;
import io.github.linli.scorecard.methods.RandomIndex;
import io.github.linli.scorecard.methods.Reliability;
import io.github.linli.scorecard.methods.Topsis;
import io.github.linli.scorecard.survey.AnswerScoring;
import io.github.linli.scorecard.survey.Item;
import io.github.linli.scorecard.survey.MissingDataPolicy;
import io.github.linli.scorecard.survey.Questionnaire;
import io.github.linli.scorecard.survey.Questionnaires;
import io.github.linli.scorecard.survey.SurveyReader;
import io.github.linli.scorecard.survey.SurveyResult;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 9, a fuzzed boundary: malformed outside data at every parser and public entry point that
 * takes it (Pabulib files, survey CSV, the scorecard's numeric methods, the matching solver, the
 * core id, label and time factories). Each input either succeeds, with a sane result, or fails with
 * the SDK's typed error naming the problem; never another unchecked exception from inside, never a
 * changed input. Input sizes are bounded so nothing can hang. The number of inputs tried is printed
 * when the class finishes, for CI to show.
 */
class FuzzedBoundaryProperties {
  /** Inputs tried by every property of this class. */
  static final AtomicLong TRIED = new AtomicLong();

  @AfterContainer
  static void report() {
    System.out.println("[linli fuzzed boundary] " + TRIED.get() + " malformed inputs tried at the boundary of "
        + "Pabulib, survey CSV (text and files), scorecard methods, MaxWeightBMatching and the matchers, personal data, core factories, demand classifier and intake texts, alliance and joint-meeting snapshots and their JSON documents, stored alliance, meeting, budget-round, demand and taxonomy events, "
        + "dates, instants and durations at the edges, the ledger's range, the reliability accumulator's size, and CSV and SVG text");
  }

  /** Runs one call at the boundary: success, or one of the allowed exceptions with a message. */
  @SafeVarargs
  static <T> T boundary(String what, Object input, Supplier<T> call, Class<? extends RuntimeException>... allowed) {
    TRIED.incrementAndGet();
    try {
      return call.get();
    } catch (LinliException e) {
      assertMessage(what, input, e);
      if (e instanceof ValidationException v) {
        assertFalse(v.field() == null || v.field().isBlank(), what + ": a ValidationException names no field for " + show(input));
      }
      return null;
    } catch (RuntimeException e) {
      for (Class<? extends RuntimeException> c : allowed) {
        if (c.isInstance(e)) {
          assertMessage(what, input, e);
          return null;
        }
      }
      throw new AssertionError(what + " threw " + e + " for input " + show(input), e);
    } catch (StackOverflowError e) {
      throw new AssertionError(what + " overflowed the stack for input " + show(input), e);
    }
  }

  private static void assertMessage(String what, Object input, RuntimeException e) {
    if (e.getMessage() == null || e.getMessage().isBlank()) {
      fail(what + " threw " + e.getClass().getSimpleName() + " without naming the problem for " + show(input));
    }
  }

  static String show(Object input) {
    String s;
    if (input instanceof double[][] m) {
      s = Arrays.deepToString(m);
    } else if (input instanceof Object[] a) {
      s = Arrays.deepToString(a);
    } else if (input instanceof double[] d) {
      s = Arrays.toString(d);
    } else {
      s = String.valueOf(input);
    }
    return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }

  // ------------------------------------------------------------------------------------ Pabulib

  static final String PABULIB =
      "META\n"
          + "key;value\n"
          + "description;Fuzz PB\n"
          + "num_projects;3\n"
          + "num_votes;4\n"
          + "budget;1000,5\n"
          + "vote_type;approval\n"
          + "rule;greedy\n"
          + "min_length;1\n"
          + "max_length;2\n"
          + "PROJECTS\n"
          + "project_id;name;cost;votes;selected\n"
          + "1;\"Park \"\"Stok\"\"; phase II\";600,25;3;1\n"
          + "2;Library;400;2;1\n"
          + "3;Gym;500;1;0\n"
          + "VOTES\n"
          + "voter_id;age;sex;vote;voting_method\n"
          + "1;34;F;1,2;internet\n"
          + "2;51;M;1;paper\n"
          + "3;;M;;internet\n"
          + "4;19;F;1,3;internet\n";

  static final String PABULIB_POINTS =
      "META\nkey;value\nnum_projects;2\nnum_votes;2\nbudget;10\nvote_type;cumulative\nmax_sum_points;10\n"
          + "PROJECTS\nproject_id;cost\na;6\nb;5\n"
          + "VOTES\nvoter_id;vote;points\nv1;a,b;7,3\nv2;b;10\n";

  static final List<String> PAYLOADS = List.of(
      "", " ", ";", ";;;;;;;", "\"", "\"\"\"", "META", "PROJECTS", "VOTES", "key;value", "\uFEFF",
      "1e999999999", "99999999999999999999999999999999999999", "-1", "0", "NaN", "Infinity", "-0",
      "0,5", "1,2,3", "1.000,5", "1,000.5", "１２３", "\u0000", "项目;名称", "vote_type;ordinal",
      "vote_type;cumulative", "vote_type;scoring", "vote_type;nonsense", "budget;-5", "budget;",
      "num_projects;999999999999", "max_length;-3", "min_length;9", "points;x", "1;2;3;4;5;6;7;8",
      "project_id;cost", "voter_id;vote", "4;", "x;1", "1;1;1", "9;99;F;9,9,9;internet");

  @Provide
  Arbitrary<String> mangledPabulib() {
    Arbitrary<List<Tuple.Tuple3<Integer, Integer, String>>> edits = Combinators.combine(
            Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 10_000), Arbitraries.of(PAYLOADS))
        .as(Tuple::of)
        .list()
        .ofMaxSize(4);
    return Combinators.combine(Arbitraries.of(PABULIB, PABULIB_POINTS), edits, Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((base, es, bom, crlf) -> {
          List<String> lines = new ArrayList<>(Arrays.asList(base.split("\n", -1)));
          String text = null;
          for (var e : es) {
            int op = e.get1();
            int at = lines.isEmpty() ? 0 : e.get2() % lines.size();
            String p = e.get3();
            switch (op) {
              case 0 -> { if (!lines.isEmpty()) lines.remove(at); }
              case 1 -> { if (!lines.isEmpty()) lines.add(at, lines.get(at)); }
              case 2 -> { if (!lines.isEmpty()) lines.set(at, p); }
              case 3 -> lines.add(at, p);
              case 4 -> {
                if (!lines.isEmpty()) {
                  String[] f = lines.get(at).split(";", -1);
                  f[e.get2() % f.length] = p;
                  lines.set(at, String.join(";", f));
                }
              }
              case 5 -> {
                if (lines.size() > 1) {
                  int other = (e.get2() / 7) % lines.size();
                  String t = lines.get(at);
                  lines.set(at, lines.get(other));
                  lines.set(other, t);
                }
              }
              case 6 -> {
                String all = String.join("\n", lines);
                lines = new ArrayList<>(Arrays.asList(all.substring(0, e.get2() % (all.length() + 1)).split("\n", -1)));
              }
              default -> { if (!lines.isEmpty()) lines.set(at, lines.get(at).replace(";", p)); }
            }
          }
          text = String.join(crlf ? "\r\n" : "\n", lines);
          return bom ? "\uFEFF" + text : text;
        });
  }

  static final DemandClassifier CLASSIFIER = DemandClassifier.defaultClassifier();
  static final DemandIntake INTAKE = DemandIntake.create(
      java.time.Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), java.time.ZoneOffset.UTC));
  static final AtomicLong DEMAND_SEQ = new AtomicLong();

  @Provide
  Arbitrary<String> malformedNeedText() {
    Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(40);
    Arbitrary<String> surrogates = Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(10);
    Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(200);
    Arbitrary<String> pieces = Arbitraries.of("停水", "老人摔倒了", "😀", "👨‍👩‍👧", "水管 leak", "ไฟดับ", "Ωmega", "\u200b", "\ufeff",
        "\ud83d", "\ude00", "\r\n", "\t", "急", "%s", "'; DROP TABLE x;--", "\u202e");
    Arbitrary<String> mixed = Arbitraries.oneOf(pieces, controls, surrogates).list().ofMaxSize(30).map(l -> String.join("", l));
    Arbitrary<String> huge = Arbitraries.of("停水", "😀", "a", "\u0000", "\ud800").map(p -> p.repeat(100_000 / p.length()));
    return Arbitraries.frequencyOf(Tuple.of(40, mixed), Tuple.of(30, anyChars), Tuple.of(10, controls), Tuple.of(10, surrogates),
        Tuple.of(2, huge));
  }

  @Property(tries = 400)
  void demandClassifier_malformedText(@ForAll("malformedNeedText") String text) {
    Classification c = boundary("DemandClassifier.classify", text, () -> CLASSIFIER.classify(text));
    if (c != null) {
      assertTrue(c.confidence() >= 0 && c.confidence() <= 1, "confidence in [0, 1]");
    }
    Demand d = boundary("DemandIntake.submit", text, () -> INTAKE.submit(Actor.of("r-0007", Role.RESIDENT),
        DemandRequest.builder().id("d-" + DEMAND_SEQ.incrementAndGet()).requester(ResidentId.of("r-0007"))
            .text(text).gridCell("B2").build()));
    if (d != null) {
      boundary("DemandIntake.classify", text, () -> INTAKE.classify(Actor.of("staff-1", Role.COORDINATOR), d));
    }
  }

  @Property(tries = 3000)
  void pabulibParse_mangledFile(@ForAll("mangledPabulib") String text) {
    BudgetElection e = boundary("Pabulib.parse", text, () -> Pabulib.parse(text));
    if (e != null) {
      String again = boundary("Pabulib.format", text, () -> Pabulib.format(e));
      assertEquals(e, Pabulib.parse(again), "a parsed election must survive format and parse");
    }
  }

  @Property(tries = 150)
  void pabulibRead_mangledBytes(@ForAll("mangledPabulib") String text, @ForAll("byteNoise") byte[] noise) throws Exception {
    Path file = Files.createTempFile("linli-fuzz", ".pb");
    try {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      byte[] bytes = Arrays.copyOf(body, body.length + noise.length);
      System.arraycopy(noise, 0, bytes, body.length, noise.length);
      Files.write(file, bytes);
      boundary("Pabulib.read", text, () -> Pabulib.read(file), UncheckedIOException.class);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<byte[]> byteNoise() {
    return Arbitraries.oneOf(
        Arbitraries.just(new byte[0]),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(8),
        Arbitraries.just(new byte[] {(byte) 0xC3, (byte) 0x28}),
        Arbitraries.just(new byte[] {(byte) 0xFF, (byte) 0xFE, 0}));
  }

  // ---------------------------------------------------------------------------------- survey CSV

  static final Questionnaire SURVEY = Questionnaires.governanceIndex(5);

  static final List<String> CELLS = List.of(
      "1", "3", "5", "", " ", "0", "6", "9", "-1", "3.5", "2.0", " 4 ", "NaN", "Infinity", "-Infinity",
      "1e309", "4e-320", "99999999999999999999", "0x3", "三", "\"4\"", "\"", "3,0", "\uFEFF3", "5\n", "null");

  @Provide
  Arbitrary<String> mangledSurvey() {
    List<String> columns = new ArrayList<>();
    columns.add("respondent");
    for (Item i : SURVEY.items()) {
      columns.add(i.column());
    }
    Arbitrary<List<String>> header = Arbitraries.oneOf(
        Arbitraries.just(columns),
        Arbitraries.integers().between(0, columns.size() - 1).map(k -> {
          List<String> h = new ArrayList<>(columns);
          h.remove((int) k);
          return h;
        }),
        Arbitraries.integers().between(0, columns.size() - 1).map(k -> {
          List<String> h = new ArrayList<>(columns);
          h.add(h.get(k));
          return h;
        }),
        Arbitraries.just(List.of("respondent")));
    Arbitrary<List<String>> row = Arbitraries.oneOf(
            Arbitraries.of("1", "2", "3", "4", "5").list().ofSize(columns.size()),
            Arbitraries.of(CELLS).list().ofMinSize(0).ofMaxSize(columns.size() + 3))
        .map(r -> r);
    return Combinators.combine(header, row.list().ofMaxSize(12), Arbitraries.of("\n", "\r\n", "\r"), Arbitraries.of("", "\uFEFF"))
        .as((h, rows, eol, bom) -> bom + String.join(",", h) + eol
            + rows.stream().map(r -> String.join(",", r)).collect(Collectors.joining(eol)));
  }

  @Property(tries = 1200)
  void surveyRead_mangledCsv(@ForAll("mangledSurvey") String csv, @ForAll MissingDataPolicy policy,
      @ForAll AnswerScoring scoring) {
    SurveyResult r = boundary("SurveyReader.read", csv,
        () -> SurveyReader.read(new StringReader(csv), SURVEY.withScoring(scoring), policy));
    if (r != null) {
      assertTrue(r.accepted() > 0, "a result has accepted rows");
      r.itemMeans().values().forEach(v -> assertTrue(Double.isFinite(v), "item mean " + v + " for " + show(csv)));
      r.indicatorScores().values().forEach(v -> assertTrue(v >= 0 && v <= 1, "indicator score " + v + " for " + show(csv)));
    }
  }

  @Property(tries = 100)
  void surveyReadFile_mangledBytesAndCharsets(@ForAll("mangledSurvey") String csv, @ForAll("byteNoise") byte[] noise,
      @ForAll("charsets") String charset) throws Exception {
    Path file = Files.createTempFile("linli-fuzz", ".csv");
    try {
      byte[] body = csv.getBytes(java.nio.charset.Charset.forName(charset));
      byte[] bytes = Arrays.copyOf(noise, noise.length + body.length);
      System.arraycopy(body, 0, bytes, noise.length, body.length);
      Files.write(file, bytes);
      boundary("SurveyReader.read(path)", csv, () -> SurveyReader.read(file, java.nio.charset.Charset.forName(charset), SURVEY,
          MissingDataPolicy.PERSON_MEAN), UncheckedIOException.class);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<String> charsets() {
    return Arbitraries.of("UTF-8", "GBK", "UTF-16LE", "ISO-8859-1");
  }

  // ------------------------------------------------------------------------ personal data store

  @Property(tries = 300)
  void personalDataPut_outsideText(@ForAll("outsideText") String value, @ForAll io.github.linli.core.privacy.PersonalDataKind kind,
      @ForAll @IntRange(min = 0, max = 3) int size) {
    var store = io.github.linli.core.privacy.PersonalDataStore.inMemory(java.time.Clock.systemUTC());
    var actor = io.github.linli.core.Actor.of("staff-1", io.github.linli.core.Role.COORDINATOR);
    ResidentId r = ResidentId.of("r-1");
    String v = value == null ? null : value.repeat(size == 3 ? 400 : 1);
    Object ok = boundary("PersonalDataStore.put", v, () -> {
      store.put(actor, r, kind, v);
      return true;
    }, NullPointerException.class);
    assertEquals(ok != null, store.kindsHeld(r).contains(kind), "a refused value is not stored");
    String m = boundary("PersonalDataKind.mask", v, () -> kind.mask(v), NullPointerException.class);
    if (m != null && v != null && v.strip().length() >= 12) {
      assertFalse(m.equals(v), "the mask shows the whole value " + v);
    }
  }

  // ------------------------------------------------------------------ stored demand and taxonomy events

  static final List<String> DEMAND_EVENTS = List.of(
      "DemandSubmitted|1|{\"id\":\"d-1\",\"requester\":\"r-1\",\"gridCell\":\"B2\",\"wantedStart\":null,\"wantedEnd\":null,"
          + "\"personal\":\"pd-1\",\"at\":\"2026-12-07T08:30:15.123456Z\",\"actor\":\"staff-1\"}",
      "DemandClassified|2|{\"tier\":\"SAFETY\",\"domain\":\"DAILY_LIVING\",\"domainZh\":\"生活服务\",\"domainEn\":\"daily living\","
          + "\"domainParent\":null,\"urgency\":\"HIGH\",\"level\":\"BASIC\",\"confidence\":0.5,\"needsReview\":false,"
          + "\"at\":\"2026-12-07T09:00:00Z\",\"actor\":\"staff-1\"}",
      "DemandFulfilled|1|{\"satisfaction\":4,\"at\":\"2026-12-07T10:00:00Z\",\"actor\":\"v-1\"}",
      "TaxonomyRegistered|1|{\"id\":\"t\",\"version\":2,\"domains\":[{\"id\":\"A\",\"zh\":\"甲\",\"en\":\"a\",\"parent\":null}]}",
      "TaxonomyAdopted|1|{\"taxonomy\":\"t@2\",\"resolution\":\"res-1\",\"actor\":\"sec\",\"at\":\"2026-12-07T09:00:00Z\"}");

  @Provide
  Arbitrary<String> mangledStoredEvent() {
    Arbitrary<String> base = Arbitraries.of(DEMAND_EVENTS);
    Arbitrary<String> piece = Arbitraries.of("", "{", "}", "\"", ",", ":", "0", "-1", "1e999", "null", "true", "[", "]", "\"x\"",
        "\"LEVEL_9\"", "\"2026-13-01T00:00:00Z\"", "\"\"", "\u0000", "😀", "9999999999999999999999");
    return Combinators.combine(base, Arbitraries.integers().between(0, 400), Arbitraries.integers().between(0, 12), piece,
        Arbitraries.integers().between(1, 3))
        .as((b, at, cut, p, version) -> {
          String[] parts = b.split("\\|", 3);
          String json = parts[2];
          int i = Math.min(at, json.length());
          int j = Math.min(json.length(), i + cut);
          return parts[0] + "|" + (version == 3 ? parts[1] : String.valueOf(version)) + "|" + json.substring(0, i) + p + json.substring(j);
        });
  }

  /** A damaged stored event: loading is whole or a typed error naming where, never a partial load. */
  @Property(tries = 600)
  void storedDemandAndTaxonomyEvents_mangled(@ForAll("mangledStoredEvent") String row) {
    String[] parts = row.split("\\|", 3);
    var store = io.github.linli.core.store.EventStores.inMemory();
    boolean taxonomy = parts[0].startsWith("Taxonomy");
    var stream = io.github.linli.core.store.StreamId.of("t", taxonomy ? "taxonomy" : "demand", taxonomy ? "registry" : "d-1");
    io.github.linli.core.store.EventData e;
    try {
      e = io.github.linli.core.store.EventData.of(parts[0], Integer.parseInt(parts[1]), parts[2]);
    } catch (ValidationException refused) {
      return; // not even an event the store would take
    }
    if (!taxonomy && !parts[0].equals("DemandSubmitted")) {
      store.append(io.github.linli.core.store.AppendRequest.to(stream, 0,
          io.github.linli.core.store.EventData.of("DemandSubmitted", 1, DEMAND_EVENTS.get(0).split("\\|", 3)[2])));
    }
    store.append(io.github.linli.core.store.AppendRequest.to(stream, io.github.linli.core.store.AppendRequest.ANY, e));
    var clock = java.time.Clock.systemUTC();
    if (taxonomy) {
      boundary("TaxonomyRegistry.open", row, () -> io.github.linli.core.demand.TaxonomyRegistry.open(store, "t", clock));
    } else {
      var people = io.github.linli.core.privacy.PersonalDataStore.inMemory(clock);
      boundary("DemandIntake.open", row, () -> io.github.linli.core.demand.DemandIntake.open(store, "t", clock, people));
    }
  }

  // --------------------------------------------------------------------------- numeric methods

  static final double[] NUMBERS = {
    0, 1, 2, 3, 0.5, -1, 1e-300, 4.9e-324, 1e300, 1.7976931348623157e308, -1e300, Double.NaN,
    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9, 1.0 / 9, 7, 1.0 / 7, -0.0
  };

  static Arbitrary<Double> number() {
    return Arbitraries.oneOf(
        Arbitraries.of(Arrays.stream(NUMBERS).boxed().toList()),
        Arbitraries.doubles().between(-10, 10),
        Arbitraries.doubles().between(1, 9));
  }

  static Arbitrary<double[]> vector(int max) {
    return number().list().ofMaxSize(max).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Matrices, mostly rectangular, sometimes ragged, sometimes with a null row, sometimes null. */
  @Provide
  Arbitrary<double[][]> matrices() {
    Arbitrary<double[][]> rect = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 6), Arbitraries.longs())
        .flatAs((r, c, seed) -> number().list().ofSize(r * c).map(vs -> {
          double[][] m = new double[r][c];
          for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
              m[i][j] = vs.get(i * c + j);
            }
          }
          return m;
        }));
    Arbitrary<double[][]> ragged = vector(6).list().ofMaxSize(6).map(l -> l.toArray(new double[0][]));
    Arbitrary<double[][]> withNull = rect.filter(m -> m.length > 0).map(m -> {
      double[][] c = m.clone();
      c[c.length - 1] = null;
      return c;
    });
    return Arbitraries.frequencyOf(Tuple.of(12, rect), Tuple.of(4, ragged), Tuple.of(1, withNull), Tuple.of(1, Arbitraries.just((double[][]) null)));
  }

  @Provide
  Arbitrary<double[][]> reciprocalish() {
    return Combinators.combine(Arbitraries.integers().between(1, 7), Arbitraries.integers().between(0, 3))
        .flatAs((n, damage) -> number().list().ofSize(n * (n - 1) / 2).flatMap(upper -> Combinators.combine(
                Arbitraries.integers().between(0, 1000).list().ofSize(damage), number().list().ofSize(damage))
            .as((where, what) -> {
              double[][] m = new double[n][n];
              int k = 0;
              for (int i = 0; i < n; i++) {
                m[i][i] = 1;
                for (int j = i + 1; j < n; j++) {
                  double v = Math.abs(upper.get(k++));
                  m[i][j] = v;
                  m[j][i] = 1 / v;
                }
              }
              for (int d = 0; d < where.size(); d++) {
                int cell = where.get(d) % (n * n);
                m[cell / n][cell % n] = what.get(d);
              }
              return m;
            })));
  }

  static double[][] copy(double[][] m) {
    if (m == null) {
      return null;
    }
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i] == null ? null : m[i].clone();
    }
    return c;
  }

  static void assertFinite(String what, Object input, double[] out) {
    for (double v : out) {
      assertTrue(Double.isFinite(v), what + " returned " + Arrays.toString(out) + " for " + show(input));
    }
  }

  static Direction[] directions(int n, long seed) {
    Direction[] d = new Direction[Math.max(n, 0)];
    for (int i = 0; i < d.length; i++) {
      d[i] = ((seed >> (i % 60)) & 1) == 0 ? Direction.BENEFIT : Direction.COST;
    }
    return d;
  }

  static int columns(double[][] m) {
    return m == null || m.length == 0 || m[0] == null ? 0 : m[0].length;
  }

  @Property(tries = 400)
  void entropyAndCritic_malformedMatrices(@ForAll("matrices") double[][] m, @ForAll long seed) {
    double[][] before = copy(m);
    double[] e = boundary("EntropyWeights.of", m, () -> EntropyWeights.of(m));
    if (e != null) {
      assertFinite("EntropyWeights.of", m, e);
    }
    Direction[] dirs = directions(columns(m), seed);
    double[] e2 = boundary("EntropyWeights.of(directions)", m, () -> EntropyWeights.of(m, dirs));
    if (e2 != null) {
      assertFinite("EntropyWeights.of(directions)", m, e2);
    }
    double[] c = boundary("CriticWeights.of", m, () -> CriticWeights.of(m, dirs));
    if (c != null) {
      assertFinite("CriticWeights.of", m, c);
    }
    assertArrayEquals(before, m, "the input matrix must not change");
  }

  @Property(tries = 400)
  void topsisAndGrey_malformedMatrices(@ForAll("matrices") double[][] m, @ForAll("weights") double[] w, @ForAll long seed,
      @ForAll("rhos") double rho) {
    double[][] before = copy(m);
    double[] wBefore = w.clone();
    Direction[] dirs = directions(columns(m), seed);
    double[] t = boundary("Topsis.closeness", m, () -> Topsis.closeness(m, w, dirs));
    if (t != null) {
      assertFinite("Topsis.closeness", m, t);
    }
    double[] reference = m == null || m.length == 0 || m[0] == null ? new double[0] : m[0];
    double[][] rest = m == null ? null : Arrays.copyOfRange(m, Math.min(1, m.length), m.length);
    double[] g = boundary("GreyRelational.grades", m, () -> GreyRelational.grades(reference, rest, rho));
    if (g != null) {
      assertFinite("GreyRelational.grades", m, g);
    }
    double[] gw = boundary("GreyRelational.grades(weights)", m, () -> GreyRelational.grades(reference, rest, rho, w));
    if (gw != null) {
      assertFinite("GreyRelational.grades(weights)", m, gw);
    }
    assertArrayEquals(before, m, "the input matrix must not change");
    assertArrayEquals(wBefore, w, "the weights must not change");
  }

  @Provide
  Arbitrary<double[]> weights() {
    return vector(7);
  }

  @Provide
  Arbitrary<Double> rhos() {
    return Arbitraries.oneOf(Arbitraries.of(0.5, 0.0, 1.0, 1.5, -0.5, Double.NaN, Double.POSITIVE_INFINITY), Arbitraries.doubles().between(0, 1));
  }

  @Property(tries = 400)
  void reliability_malformedResponses(@ForAll("matrices") double[][] m) {
    double[][] before = copy(m);
    Double a = boundary("Reliability.cronbachAlpha", m, () -> Reliability.cronbachAlpha(m));
    if (a != null) {
      assertFalse(Double.isNaN(a), "alpha NaN for " + show(m));
    }
    double[] d = boundary("Reliability.alphaIfItemDeleted", m, () -> Reliability.alphaIfItemDeleted(m));
    if (d != null) {
      assertFinite("Reliability.alphaIfItemDeleted", m, d);
    }
    double[] r = boundary("Reliability.correctedItemTotalCorrelations", m, () -> Reliability.correctedItemTotalCorrelations(m));
    if (r != null) {
      assertFinite("Reliability.correctedItemTotalCorrelations", m, r);
    }
    Reliability.Accumulator acc = boundary("Reliability.accumulator", m, () -> Reliability.accumulator(columns(m)));
    if (acc != null && m != null) {
      for (double[] row : m) {
        long n = acc.count();
        Object added = boundary("Accumulator.add", row, () -> acc.add(row));
        if (added == null) {
          assertEquals(n, acc.count(), "a refused row must not be counted");
        }
      }
      Double alpha = boundary("Accumulator.alpha", m, acc::alpha);
      if (alpha != null) {
        assertFalse(Double.isNaN(alpha), "accumulated alpha NaN for " + show(m));
      }
    }
    double[][] likert = boundary("FuzzyEvaluation.likertMembership", m, () -> FuzzyEvaluation.likertMembership(m, 5));
    if (likert != null) {
      for (double[] row : likert) {
        assertFinite("FuzzyEvaluation.likertMembership", m, row);
      }
    }
    assertArrayEquals(before, m, "the input matrix must not change");
  }

  @Property(tries = 400)
  void fuzzyAndCombined_malformed(@ForAll("weights") double[] w, @ForAll("matrices") double[][] m, @ForAll FuzzyOperator op,
      @ForAll("weights") double[] other, @ForAll("rhos") double alpha) {
    double[][] before = copy(m);
    FuzzyResult f = boundary("FuzzyEvaluation.evaluate", m, () -> FuzzyEvaluation.evaluate(w, m, op));
    if (f != null) {
      assertFinite("FuzzyEvaluation.evaluate", m, f.raw());
      assertFinite("FuzzyEvaluation.evaluate", m, f.normalised());
    }
    double[] l = boundary("CombinedWeights.linear", Arrays.asList(w, other), () -> CombinedWeights.linear(w, other, alpha));
    if (l != null) {
      assertFinite("CombinedWeights.linear", w, l);
    }
    double[] x = boundary("CombinedWeights.multiplicative", Arrays.asList(w, other), () -> CombinedWeights.multiplicative(w, other));
    if (x != null) {
      assertFinite("CombinedWeights.multiplicative", w, x);
    }
    assertArrayEquals(before, m, "the input matrix must not change");
  }

  @Property(tries = 400)
  void ahp_malformedJudgments(@ForAll("reciprocalish") double[][] m, @ForAll PriorityMethod method, @ForAll RandomIndex table,
      @ForAll AhpCompletion completion, @ForAll("weights") double[] upper) {
    double[][] before = copy(m);
    AhpResult r = boundary("Ahp.analyse", m, () -> Ahp.analyse(m, method, table));
    if (r != null) {
      assertFinite("Ahp.analyse", m, r.weights());
      assertFalse(Double.isNaN(r.consistencyRatio()), "CR NaN for " + show(m));
    }
    AhpResult i = boundary("Ahp.analyseIncomplete", m, () -> Ahp.analyseIncomplete(m, completion, method, table));
    if (i != null) {
      assertFinite("Ahp.analyseIncomplete", m, i.weights());
    }
    double[][] rec = boundary("Ahp.reciprocal", upper, () -> Ahp.reciprocal(upper));
    if (rec != null) {
      for (double[] row : rec) {
        assertFinite("Ahp.reciprocal", upper, row);
      }
    }
    double[][] g = boundary("Ahp.group", m, () -> Ahp.group(m, m));
    if (g != null) {
      for (double[] row : g) {
        assertFinite("Ahp.group", m, row);
      }
    }
    assertArrayEquals(before, m, "the judgments must not change");
  }

  @Property(tries = 200)
  void ahp_malformedMatrices(@ForAll("matrices") double[][] m, @ForAll PriorityMethod method) {
    double[][] before = copy(m);
    AhpResult r = boundary("Ahp.analyse", m, () -> Ahp.analyse(m, method, RandomIndex.values()[0]));
    if (r != null) {
      assertFinite("Ahp.analyse", m, r.weights());
    }
    assertArrayEquals(before, m, "the judgments must not change");
  }

  // ---------------------------------------------------------------------- MaxWeightBMatching

  @Provide
  Arbitrary<int[]> smallInts() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-2, 8), Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE))
        .list().ofMaxSize(10).map(l -> l.stream().mapToInt(Integer::intValue).toArray());
  }

  @Provide
  Arbitrary<long[]> profits() {
    return Arbitraries.oneOf(
            Arbitraries.longs().between(-100, 100),
            Arbitraries.of(MaxWeightBMatching.MAX_ABS_PROFIT, -MaxWeightBMatching.MAX_ABS_PROFIT, MaxWeightBMatching.MAX_ABS_PROFIT + 1,
                Long.MIN_VALUE, Long.MAX_VALUE, 0L))
        .list().ofMaxSize(10).map(l -> l.stream().mapToLong(Long::longValue).toArray());
  }

  @Property(tries = 1500)
  void maxWeightBMatching_malformedArrays(@ForAll @IntRange(min = -2, max = 8) int demands, @ForAll("smallInts") int[] capacity,
      @ForAll("smallInts") int[] edgeDemand, @ForAll("smallInts") int[] edgeOffer, @ForAll("profits") long[] profit,
      @ForAll @IntRange(min = 0, max = 4) int nulls) {
    int[] cap = nulls == 1 ? null : capacity;
    int[] ed = nulls == 2 ? null : edgeDemand;
    int[] eo = nulls == 3 ? null : edgeOffer;
    int[] capBefore = capacity.clone();
    int[] edBefore = edgeDemand.clone();
    int[] eoBefore = edgeOffer.clone();
    long[] pBefore = profit.clone();
    Object input = Arrays.asList(demands, Arrays.toString(cap), Arrays.toString(ed), Arrays.toString(eo), Arrays.toString(profit));
    int[] chosen = boundary("MaxWeightBMatching.solve", input, () -> MaxWeightBMatching.solve(demands, cap, ed, eo, profit),
        IllegalArgumentException.class, NullPointerException.class);
    if (chosen != null) {
      assertEquals(demands, chosen.length);
      int[] used = new int[capacity.length];
      for (int d = 0; d < chosen.length; d++) {
        int e = chosen[d];
        if (e >= 0) {
          assertEquals(d, edgeDemand[e], "edge " + e + " serves demand " + d);
          assertTrue(profit[e] > 0, "only positive edges are chosen");
          used[edgeOffer[e]]++;
        }
      }
      for (int o = 0; o < used.length; o++) {
        assertTrue(used[o] <= capacity[o], "offer " + o + " over capacity for " + input);
      }
    }
    assertArrayEquals(capBefore, capacity);
    assertArrayEquals(edBefore, edgeDemand);
    assertArrayEquals(eoBefore, edgeOffer);
    assertArrayEquals(pBefore, profit);
  }

  // ------------------------------------------------------------------------------ matchers

  static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
  static final List<io.github.linli.core.demand.ServiceDomain> DOMAINS = List.of(io.github.linli.core.demand.ServiceDomain.HEALTHCARE,
      io.github.linli.core.demand.ServiceDomain.ELDERLY_CARE, io.github.linli.core.demand.ServiceDomain.LEGAL);

  @Provide
  Arbitrary<List<io.github.linli.matching.Need>> needs() {
    Arbitrary<io.github.linli.matching.Need> need = Combinators.combine(
            Arbitraries.of("n-1", "n-2", "n-3", "n-4"), Arbitraries.of(io.github.linli.core.demand.MaslowTier.class),
            Arbitraries.of(DOMAINS), Arbitraries.of(io.github.linli.core.demand.Urgency.class),
            Arbitraries.doubles().between(-0.5, 0.5), Arbitraries.integers().between(-600, 600), Arbitraries.integers().between(1, 5000),
            Arbitraries.of(89.99, 0.0, -89.99, 36.65))
        .as((id, tier, domain, urgency, dLat, start, minutes, lat) -> io.github.linli.matching.Need.builder().id(id).neighbourhood("A1")
            .tier(tier).domain(domain).urgency(urgency).place(GeoPoint.of(lat, 179.999 - Math.abs(dLat)))
            .wanted(TimeWindow.of(T0.plusSeconds(60L * start), Duration.ofMinutes(minutes))).build());
    return need.list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<io.github.linli.matching.Offer>> offers() {
    Arbitrary<io.github.linli.matching.Offer> offer = Combinators.combine(
            Arbitraries.of("o-1", "o-2", "o-3"), Arbitraries.of(DOMAINS).set().ofMinSize(1),
            Arbitraries.integers().between(0, 3), Arbitraries.of(1e-9, 1.0, 1500.0, 2.1e7, 1e300), Arbitraries.of(89.99, 0.0, -89.99, 36.65),
            Arbitraries.integers().between(-600, 600), Arbitraries.integers().between(1, 5000))
        .as((id, domains, capacity, radius, lat, start, minutes) -> io.github.linli.matching.Offer.builder().id(id)
            .provider(MemberId.of("m-" + id)).domains(domains).capacity(capacity).place(GeoPoint.of(lat, -179.999))
            .radiusMetres(radius).availability(TimeWindow.of(T0.plusSeconds(60L * start), Duration.ofMinutes(minutes))).build());
    return offer.list().ofMaxSize(4);
  }

  @Property(tries = 300)
  void matchers_oddButValidInput(@ForAll("needs") List<io.github.linli.matching.Need> needs,
      @ForAll("offers") List<io.github.linli.matching.Offer> offers) {
    List<Object> input = List.of(needs, offers);
    for (io.github.linli.matching.Matcher m : List.of(io.github.linli.matching.Matcher.exact(),
        io.github.linli.matching.Matcher.greedy(io.github.linli.matching.MatchingPolicy.defaults()))) {
      io.github.linli.matching.MatchResult r = boundary("Matcher.match", input, () -> m.match(needs, offers));
      if (r != null) {
        assertEquals(needs.size(), r.assignments().size() + r.unmatched().size(), "every need is assigned or unmatched: " + r);
      }
    }
  }

  // ------------------------------------------------------------------------ core factories

  @Provide
  Arbitrary<String> outsideText() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "\t", "r-1", "R 1", "张三", "a/b", "../etc", "x".repeat(300), "\u0000", "\uFEFFr-1", "r-1\n",
            "-", "_", ".", "a..b", "ok_id-9", "\uD800", "😀"),
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(20),
        Arbitraries.just((String) null));
  }

  @Property(tries = 500)
  void coreIdsAndLabels_outsideText(@ForAll("outsideText") String a, @ForAll("outsideText") String b) {
    ResidentId r = boundary("ResidentId.of", a, () -> ResidentId.of(a));
    if (r != null) {
      assertEquals(r, ResidentId.of(r.value()));
    }
    MemberId m = boundary("MemberId.of", a, () -> MemberId.of(a));
    if (m != null) {
      assertEquals(m, MemberId.of(m.value()));
    }
    Label l = boundary("Label.of", Arrays.asList(a, b), () -> Label.of(a, b), IllegalArgumentException.class, NullPointerException.class);
    if (l != null) {
      assertEquals(a, l.zh());
      assertEquals(b, l.en());
      assertEquals(a, l.in(Locale.CHINESE));
    }
  }

  @Property(tries = 500)
  void coreGeoAndTime_outsideNumbers(@ForAll("numbersForGeo") double lat, @ForAll("numbersForGeo") double lon,
      @ForAll @IntRange(min = -3, max = 3) int days, @ForAll long seconds) {
    GeoPoint g = boundary("GeoPoint.of", Arrays.asList(lat, lon), () -> GeoPoint.of(lat, lon));
    if (g != null) {
      assertTrue(Double.isFinite(g.latitude()) && Double.isFinite(g.longitude()));
    }
    LocalDate start = LocalDate.of(2026, 1, 1);
    boundary("Period.of", days, () -> Period.of(start, start.plusDays(days)), NullPointerException.class);
    boundary("Period.of(null)", null, () -> Period.of(null, start), NullPointerException.class);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    boundary("TimeWindow.of", seconds, () -> TimeWindow.of(t, t.plusSeconds(seconds % 1_000_000_000L)), NullPointerException.class);
    boundary("TimeWindow.of(duration)", seconds, () -> TimeWindow.of(t, Duration.ofSeconds(seconds % 1_000_000_000L)), NullPointerException.class);
  }

  @Provide
  Arbitrary<Double> numbersForGeo() {
    return Arbitraries.oneOf(number(), Arbitraries.doubles().between(-200, 200), Arbitraries.of(90.0, -90.0, 180.0, -180.0, 90.0000001));
  }
  // ------------------------------------------------------------------------- alliance snapshots

  /** A small alliance with every part a snapshot holds: a following branch, a resolution, a revoked card. */
  static AllianceSnapshot sampleSnapshot() {
    java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
    Actor admin = Actor.of("staff-1", Role.ALLIANCE_ADMIN);
    Alliance a = Alliance.create("club", clock);
    for (String id : List.of("m0", "s0", "m1", "m2")) {
      Member.Builder b = Member.builder().id(MemberId.of(id)).kind(MemberKind.MERCHANT).name(Label.of("单位", "unit")).community("lishan");
      if (id.startsWith("s")) {
        b.parent(MemberId.of("m0")).followsParent(true);
      }
      a.apply(admin, b.build());
    }
    a.admit(admin, MemberId.of("m0"));
    a.admit(admin, MemberId.of("m1"));
    a.suspend(admin, MemberId.of("m1"));
    Actor sec = Actor.of("sec", Role.MEETING_SECRETARY);
    JointMeeting jm = JointMeeting.convene(sec, "jm-1", Charter.of(QuorumRule.atLeast(1, 1), DecisionRule.MAJORITY_OF_VOTES_CAST),
        List.of(Seat.of("p", Party.PARTY_COMMITTEE)), clock);
    String motion = jm.propose(sec, Motion.admitMember(MemberId.of("m2")));
    jm.vote(Actor.of("p", Role.RESIDENT), motion, Choice.YES);
    a.enact(sec, jm.close(sec, motion).resolution().orElseThrow());
    for (String p : List.of("p0", "p1")) {
      a.pledge(admin, Pledge.builder().id(p).member(MemberId.of(p.equals("p0") ? "m0" : "m2")).title(Label.of("义诊", "clinic"))
          .domain(io.github.linli.core.demand.ServiceDomain.HEALTHCARE).addTier(io.github.linli.core.demand.MaslowTier.SAFETY)
          .price(PledgePrice.free()).capacity(9).validity(Period.year(2026)).build());
    }
    for (String c : List.of("c0", "c1", "c2")) {
      a.issueCard(admin, BenefitCard.builder().id(c).holder(ResidentId.of(c.equals("c2") ? "r1" : "r" + c.charAt(1)))
          .validUntil(LocalDate.of(2027, 1, 1)).build());
      if (c.equals("c1")) {
        a.revokeCard(admin, c);
      }
    }
    a.recordUse(admin, "c0", "p0");
    a.recordUse(admin, "c2", "p1");
    a.recordDelivery(admin, "p1", 4);
    return a.snapshot();
  }

  static final AllianceSnapshot SNAPSHOT = sampleSnapshot();

  /** One edit of a list: drop, duplicate, swap with another element, or move to the end. */
  static <T> List<T> mangle(List<T> list, int op, int i, int j) {
    List<T> out = new ArrayList<>(list);
    if (out.isEmpty()) {
      return out;
    }
    i = Math.floorMod(i, out.size());
    j = Math.floorMod(j, out.size());
    switch (op) {
      case 0 -> out.remove(i);
      case 1 -> out.add(j, out.get(i));
      case 2 -> java.util.Collections.swap(out, i, j);
      default -> out.add(out.remove(i));
    }
    return out;
  }

  @Property(tries = 600)
  void allianceRestore_mangledSnapshot(@ForAll @IntRange(min = 0, max = 6) int part, @ForAll @IntRange(min = 0, max = 3) int op,
      @ForAll @IntRange(min = 0, max = 20) int i, @ForAll @IntRange(min = 0, max = 20) int j,
      @ForAll @IntRange(min = 0, max = 6) int part2, @ForAll @IntRange(min = 0, max = 3) int op2) {
    AllianceSnapshot.Builder b = AllianceSnapshot.builder();
    b.from(SNAPSHOT);
    for (int[] edit : new int[][] {{part, op}, {part2, op2}}) {
      switch (edit[0]) {
        case 0 -> b.members(mangle(SNAPSHOT.members(), edit[1], i, j));
        case 1 -> b.events(mangle(SNAPSHOT.events(), edit[1], i, j));
        case 2 -> b.pledges(mangle(SNAPSHOT.pledges(), edit[1], i, j));
        case 3 -> b.cards(mangle(SNAPSHOT.cards(), edit[1], i, j));
        case 4 -> b.deliveries(mangle(SNAPSHOT.deliveries(), edit[1], i, j));
        case 5 -> b.enactedResolutions(edit[1] == 0 ? Set.of() : Set.copyOf(List.of("jm-1/1", "jm-" + i + "/" + j)));
        default -> {
          java.util.Map<MembershipAction, Set<Role>> roles = new java.util.EnumMap<>(SNAPSHOT.roles());
          roles.remove(MembershipAction.values()[Math.floorMod(i, MembershipAction.values().length)]);
          b.roles(roles);
        }
      }
    }
    AllianceSnapshot s = b.build();
    java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
    Alliance restored = boundary("Alliance.restore", s, () -> Alliance.restore(s, clock));
    if (restored != null) {
      assertEquals(s, restored.snapshot(), "a restored alliance gives back the snapshot it was restored from");
    }
  }

  // -------------------------------------------------------------------- alliance snapshot JSON

  /** The sample snapshot with personal data and Chinese text in it, as its JSON document (UTF-8). */
  static final byte[] SNAPSHOT_JSON;

  static {
    Member m0 = Member.builder().from(SNAPSHOT.members().get(0)).name(Label.of("王记\"老\"店😀", "Wang's \\ shop"))
        .contact(io.github.linli.core.alliance.Contact.of("欧阳娜娜", "13912347788")).build();
    List<Member> members = new ArrayList<>(SNAPSHOT.members());
    members.set(0, m0);
    BenefitCard c0 = BenefitCard.builder().from(SNAPSHOT.cards().get(0)).birthDate(LocalDate.of(1949, 12, 31))
        .addHouseholdFlag(io.github.linli.core.HouseholdFlag.LOW_INCOME).area("xingfuli-7").build();
    List<BenefitCard> cards = new ArrayList<>(SNAPSHOT.cards());
    cards.set(0, c0);
    SNAPSHOT_JSON = AllianceSnapshot.builder().from(SNAPSHOT).members(members).cards(cards).build().toJson()
        .getBytes(StandardCharsets.UTF_8);
  }

  static final List<String> JSON_PAYLOADS = List.of("", "\"", "\\", "{", "}", "[", "]", ",", ":", "null", "true", "0", "-", "-0",
      "1e999", "99999999999999999999", "1.5", "\"\\u0000\"", "\\ud800", "\\u12", "\uFEFF", "[".repeat(40), "{\"a\":".repeat(20),
      "\"x\":1,", "\"format\":\"linli.alliance-snapshot\",", "\"version\":2", "居委会", "😀", "\u0000", "\n", " ", "\"DISABILITY\"",
      "\"2026-02-30\"", "\"2026-11-24T25:00:00Z\"");

  @Provide
  Arbitrary<byte[]> mangledSnapshotJson() {
    return mangled(SNAPSHOT_JSON);
  }

  static Arbitrary<byte[]> mangled(byte[] source) {
    Arbitrary<List<Tuple.Tuple4<Integer, Integer, Integer, String>>> edits = Combinators.combine(
            Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 1_000_000),
            Arbitraries.integers().between(0, 255), Arbitraries.of(JSON_PAYLOADS))
        .as(Tuple::of)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
    return edits.map(es -> {
      byte[] b = source;
      for (var e : es) {
        int at = b.length == 0 ? 0 : e.get2() % b.length;
        byte[] payload = e.get4().getBytes(StandardCharsets.UTF_8);
        b = switch (e.get1()) {
          case 0 -> Arrays.copyOf(b, at);                                                    // truncate
          case 1 -> concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + e.get3() % 24), b.length)); // delete
          case 2 -> concat(concat(Arrays.copyOf(b, at), payload), Arrays.copyOfRange(b, at, b.length));       // insert
          case 3 -> {                                                                         // replace a byte by any byte
            byte[] c = b.clone();
            if (c.length > 0) {
              c[at] = (byte) (int) e.get3();
            }
            yield c;
          }
          case 4 -> concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.max(0, at - e.get3()), b.length)); // duplicate a slice
          default -> concat(concat(Arrays.copyOf(b, at), payload),                            // overwrite with a payload
              Arrays.copyOfRange(b, Math.min(b.length, at + payload.length), b.length));
        };
      }
      return b;
    });
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Property(tries = 1500)
  void allianceSnapshotFromJson_mangledDocument(@ForAll("mangledSnapshotJson") byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);   // as a portal reads a text column (invalid bytes replaced)
    AllianceSnapshot s = boundary("AllianceSnapshot.fromJson", text, () -> AllianceSnapshot.fromJson(text));
    if (s != null) {
      assertEquals(s, AllianceSnapshot.fromJson(s.toJson()), "a document that reads gives a snapshot that round-trips");
      java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
      Alliance restored = boundary("Alliance.restore(fromJson)", s, () -> Alliance.restore(s, clock));
      if (restored != null) {
        assertEquals(s, restored.snapshot());
      }
    }
  }

  // ------------------------------------------------------------------ alliance stored events

  /** The events the sample snapshot's alliance keeps in its store, in feed order. */
  static final List<io.github.linli.core.store.RecordedEvent> STORED = storedEvents();

  static List<io.github.linli.core.store.RecordedEvent> storedEvents() {
    java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
    io.github.linli.core.store.EventStore store = io.github.linli.core.store.EventStores.inMemory(clock);
    Alliance.restore(SNAPSHOT, clock, store, io.github.linli.core.privacy.PersonalDataStore.inMemory(clock));
    return store.feed(SNAPSHOT.id(), 0, io.github.linli.core.store.EventStore.MAX_READ);
  }

  /**
   * A stored alliance event damaged (bytes changed, cut, or its type version changed), the rest as
   * written: loading gives an alliance or a typed error naming the stream, never another exception
   * and never a partial load.
   */
  @Property(tries = 400)
  void allianceOpen_damagedStoredEvent(@ForAll @IntRange(min = 0, max = 10_000) int which, @ForAll("byteNoise") byte[] noise,
      @ForAll @IntRange(min = 0, max = 3) int op, @ForAll @IntRange(min = 0, max = 100_000) int at) {
    java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
    io.github.linli.core.store.EventStore store = io.github.linli.core.store.EventStores.inMemory(clock);
    int target = Math.floorMod(which, STORED.size());
    String damaged = null;
    for (int k = 0; k < STORED.size(); k++) {
      io.github.linli.core.store.RecordedEvent e = STORED.get(k);
      String json = e.json();
      int version = e.typeVersion();
      if (k == target) {
        int cut = Math.floorMod(at, json.length() + 1);
        switch (op) {
          case 0 -> json = json.substring(0, cut) + new String(noise, StandardCharsets.UTF_8) + json.substring(Math.min(json.length(), cut + noise.length));
          case 1 -> json = json.substring(0, cut);
          case 2 -> version = 1 + Math.floorMod(at, 4);
          default -> json = json.replace("\"", "'");
        }
        damaged = json;
      }
      io.github.linli.core.store.EventData data;
      try {
        data = io.github.linli.core.store.EventData.of(e.type(), version, json);
      } catch (ValidationException refused) {
        return;   // the store's own boundary refused the row
      }
      store.append(io.github.linli.core.store.AppendRequest.to(e.stream(), io.github.linli.core.store.AppendRequest.ANY, data));
    }
    String shown = damaged;
    io.github.linli.core.store.StreamId stream = STORED.get(target).stream();
    try {
      TRIED.incrementAndGet();
      Alliance a = Alliance.open(store, SNAPSHOT.id(), clock, io.github.linli.core.privacy.PersonalDataStore.inMemory(clock));
      assertEquals(SNAPSHOT.members().size(), a.members().size(), "a load that succeeds is whole");
    } catch (io.github.linli.core.ConsistencyException e) {
      assertTrue(e.getMessage().contains(stream.toString()) && e.getMessage().contains(SNAPSHOT.id()),
          "the error names the stream and tenant: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new AssertionError("Alliance.open threw " + e + " for a damaged " + STORED.get(target) + ": " + show(shown), e);
    }
  }

  // ------------------------------------------------------------------ joint meeting snapshots

  /** A meeting with proxies, every kind of entry but the adjournment, and an open motion. */
  static io.github.linli.core.governance.JointMeetingSnapshot sampleMeeting() {
    Actor sec = Actor.of("sec-1", Role.MEETING_SECRETARY);
    io.github.linli.core.governance.JointMeeting jm = io.github.linli.core.governance.JointMeeting.convene(sec, "jm-1",
        io.github.linli.core.governance.Charter.standard().withProxies(1), List.of(
            io.github.linli.core.governance.Seat.of("party-1", io.github.linli.core.governance.Party.PARTY_COMMITTEE),
            io.github.linli.core.governance.Seat.of("rc-1", io.github.linli.core.governance.Party.RESIDENTS_COMMITTEE),
            io.github.linli.core.governance.Seat.of("unit-1", io.github.linli.core.governance.Party.MEMBER_UNITS, MemberId.of("m0")),
            io.github.linli.core.governance.Seat.of("res-1", io.github.linli.core.governance.Party.RESIDENT_REPRESENTATIVES)),
        java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai")));
    jm.attend(Actor.of("party-1", Role.RESIDENT));
    jm.grantProxy(Actor.of("unit-1", Role.MEMBER_REPRESENTATIVE), "res-1");
    String m1 = jm.propose(sec, io.github.linli.core.governance.Motion.expelMember(MemberId.of("m2")));
    jm.vote(Actor.of("party-1", Role.RESIDENT), m1, io.github.linli.core.governance.Choice.YES);
    jm.vote(Actor.of("rc-1", Role.RESIDENT), m1, io.github.linli.core.governance.Choice.YES);
    jm.voteFor(Actor.of("res-1", Role.RESIDENT), "unit-1", m1, io.github.linli.core.governance.Choice.NO);
    jm.close(sec, m1);
    String m2 = jm.propose(Actor.of("rc-1", Role.RESIDENT), io.github.linli.core.governance.Motion.approveBudget("b-1", java.math.BigDecimal.TEN));
    jm.vote(Actor.of("res-1", Role.RESIDENT), m2, io.github.linli.core.governance.Choice.ABSTAIN);
    return jm.snapshot();
  }

  static final io.github.linli.core.governance.JointMeetingSnapshot MEETING = sampleMeeting();
  static final byte[] MEETING_JSON = MEETING.toJson().getBytes(StandardCharsets.UTF_8);

  @Property(tries = 500)
  void meetingRestore_mangledMinutes(@ForAll @IntRange(min = 0, max = 3) int op, @ForAll @IntRange(min = 0, max = 20) int i,
      @ForAll @IntRange(min = 0, max = 20) int j, @ForAll @IntRange(min = 0, max = 3) int op2,
      @ForAll @IntRange(min = 0, max = 2) int renumber) {
    List<io.github.linli.core.governance.MinutesEntry> minutes = mangle(mangle(MEETING.minutes(), op, i, j), op2, j, i);
    if (renumber > 0) {   // numbered again from 1, so the replay (not the sequence check) meets the edit
      List<io.github.linli.core.governance.MinutesEntry> out = new ArrayList<>();
      for (io.github.linli.core.governance.MinutesEntry e : minutes) {
        out.add(io.github.linli.core.governance.MinutesEntry.builder().from(e).sequence(out.size() + 1L).build());
      }
      minutes = out;
    }
    io.github.linli.core.governance.JointMeetingSnapshot.Builder b = io.github.linli.core.governance.JointMeetingSnapshot.builder();
    b.from(MEETING).minutes(minutes);
    io.github.linli.core.governance.JointMeetingSnapshot s = b.build();
    java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
    io.github.linli.core.governance.JointMeeting restored = boundary("JointMeeting.restore", s,
        () -> io.github.linli.core.governance.JointMeeting.restore(s, clock));
    if (restored != null) {
      assertEquals(s, restored.snapshot(), "a restored meeting gives back the snapshot it was restored from");
    }
  }

  @Provide
  Arbitrary<byte[]> mangledMeetingJson() {
    return mangled(MEETING_JSON);
  }

  @Property(tries = 800)
  void meetingSnapshotFromJson_mangledDocument(@ForAll("mangledMeetingJson") byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    io.github.linli.core.governance.JointMeetingSnapshot s = boundary("JointMeetingSnapshot.fromJson", text,
        () -> io.github.linli.core.governance.JointMeetingSnapshot.fromJson(text));
    if (s != null) {
      assertEquals(s, io.github.linli.core.governance.JointMeetingSnapshot.fromJson(s.toJson()), "a document that reads round-trips");
      java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
      io.github.linli.core.governance.JointMeeting restored = boundary("JointMeeting.restore(fromJson)", s,
          () -> io.github.linli.core.governance.JointMeeting.restore(s, clock));
      if (restored != null) {
        assertEquals(s, restored.snapshot());
      }
    }
  }

  // ------------------------------------------------ stored events of meetings and budget rounds

  /** The events of a stored meeting with every kind of event, and of a closed budget round. */
  static final List<io.github.linli.core.store.RecordedEvent> MEETING_EVENTS;
  static final List<io.github.linli.core.store.RecordedEvent> ROUND_EVENTS;

  static {
    java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
    io.github.linli.core.store.EventStore store = io.github.linli.core.store.EventStores.inMemory(clock);
    io.github.linli.core.governance.JointMeetingSnapshot s = MEETING;
    Actor sec = Actor.of("sec-1", Role.MEETING_SECRETARY);
    io.github.linli.core.governance.JointMeeting jm = io.github.linli.core.governance.JointMeeting.convene(store, "t", sec, "jm-1",
        s.charter(), s.seats(), clock);
    jm.attend(Actor.of("party-1", Role.RESIDENT));
    jm.grantProxy(Actor.of("unit-1", Role.MEMBER_REPRESENTATIVE), "res-1");
    String m1 = jm.propose(sec, io.github.linli.core.governance.Motion.expelMember(MemberId.of("m2")));
    jm.vote(Actor.of("party-1", Role.RESIDENT), m1, io.github.linli.core.governance.Choice.YES);
    jm.vote(Actor.of("rc-1", Role.RESIDENT), m1, io.github.linli.core.governance.Choice.YES);
    jm.voteFor(Actor.of("res-1", Role.RESIDENT), "unit-1", m1, io.github.linli.core.governance.Choice.NO);
    jm.close(sec, m1);
    jm.adjourn(sec);
    MEETING_EVENTS = store.readAll(io.github.linli.core.store.StreamId.of("t", "meeting", "jm-1"));
    Actor rc = Actor.of("rc", Role.RESIDENTS_COMMITTEE);
    io.github.linli.core.governance.budget.BudgetRound round = io.github.linli.core.governance.budget.BudgetRound.open(store, "t", rc,
        "pb-1", java.math.BigDecimal.valueOf(1000), io.github.linli.core.governance.budget.BudgetRule.equalShares(
        io.github.linli.core.governance.budget.Completion.ADD1, true), clock);
    round.submit(rc, io.github.linli.core.governance.budget.BudgetProject.of("p-1", 600));
    round.submit(rc, io.github.linli.core.governance.budget.BudgetProject.builder().id("p-2").cost(new java.math.BigDecimal("450.5"))
        .name("图书角").build());
    round.cast(Actor.of("v-1", Role.RESIDENT), io.github.linli.core.governance.budget.BudgetBallot.approval("v-1", "p-1", "p-2"));
    round.cast(Actor.of("clerk", Role.COORDINATOR), io.github.linli.core.governance.budget.BudgetBallot.builder().voterId("v-2").addProjectIds("p-2")
        .channel(io.github.linli.core.governance.budget.BallotChannel.PAPER).build());
    round.close(rc);
    ROUND_EVENTS = store.readAll(io.github.linli.core.store.StreamId.of("t", "budget", "pb-1"));
  }

  /** The events copied to a fresh store with one document mangled; null if the store refuses the mangled document. */
  static io.github.linli.core.store.EventStore withMangled(List<io.github.linli.core.store.RecordedEvent> events, int index, byte[] json) {
    io.github.linli.core.store.EventStore store = io.github.linli.core.store.EventStores.inMemory();
    for (io.github.linli.core.store.RecordedEvent e : events) {
      io.github.linli.core.store.EventData data = e.data();
      if (e.version() == index % events.size() + 1) {
        String text = new String(json, StandardCharsets.UTF_8);
        data = boundary("EventData.of", text, () -> io.github.linli.core.store.EventData.of(e.type(), e.typeVersion(), text));
        if (data == null) {
          return null;
        }
      }
      store.append(io.github.linli.core.store.AppendRequest.to(e.stream(), e.version() - 1, data));
    }
    return store;
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Integer, byte[]>> mangledMeetingEvent() {
    return Arbitraries.integers().between(0, 1000).flatMap(i -> mangled(MEETING_EVENTS.get(i % MEETING_EVENTS.size()).json()
        .getBytes(StandardCharsets.UTF_8)).map(b -> Tuple.of(i, b)));
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Integer, byte[]>> mangledRoundEvent() {
    return Arbitraries.integers().between(0, 1000).flatMap(i -> mangled(ROUND_EVENTS.get(i % ROUND_EVENTS.size()).json()
        .getBytes(StandardCharsets.UTF_8)).map(b -> Tuple.of(i, b)));
  }

  @Property(tries = 600)
  void meetingLoad_mangledStoredEvent(@ForAll("mangledMeetingEvent") Tuple.Tuple2<Integer, byte[]> edit) {
    io.github.linli.core.store.EventStore store = withMangled(MEETING_EVENTS, edit.get1(), edit.get2());
    if (store != null) {
      java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
      io.github.linli.core.governance.JointMeeting m = boundary("JointMeeting.load", edit,
          () -> io.github.linli.core.governance.JointMeeting.load(store, "t", "jm-1", clock));
      if (m != null) {
        assertEquals(MEETING_EVENTS.size(), m.minutes().size(), "a meeting that loads has applied every event");
      }
    }
  }

  @Property(tries = 600)
  void budgetRoundLoad_mangledStoredEvent(@ForAll("mangledRoundEvent") Tuple.Tuple2<Integer, byte[]> edit) {
    io.github.linli.core.store.EventStore store = withMangled(ROUND_EVENTS, edit.get1(), edit.get2());
    if (store != null) {
      java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
      io.github.linli.core.governance.budget.BudgetRound r = boundary("BudgetRound.load", edit,
          () -> io.github.linli.core.governance.budget.BudgetRound.load(store, "t", "pb-1", clock));
      if (r != null) {
        assertEquals(ROUND_EVENTS.size(), r.version(), "a round that loads has applied every event");
      }
    }
  }

  @Property(tries = 200)
  void allianceSnapshotFromJson_truncatedAtEveryPlace(@ForAll @IntRange(min = 0, max = 100_000) int cut) {
    String text = new String(SNAPSHOT_JSON, StandardCharsets.UTF_8);
    String head = text.substring(0, cut % (text.length() - 1));   // at least the closing "}\n" goes
    assertEquals(null, boundary("AllianceSnapshot.fromJson(truncated)", head, () -> AllianceSnapshot.fromJson(head)),
        "a truncated document is refused");
  }

  // ------------------------------------------------------------- issue 17: dates and durations

  static final List<java.time.LocalDate> EDGE_DAYS = List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.MAX.minusDays(1),
      LocalDate.MIN.plusDays(1), LocalDate.of(999_999_999, 6, 1), LocalDate.of(-999_999_999, 6, 1), LocalDate.of(2026, 2, 28),
      LocalDate.EPOCH);
  static final List<Instant> EDGE_INSTANTS = List.of(Instant.MIN, Instant.MAX, Instant.MAX.minusSeconds(1), Instant.MIN.plusSeconds(1),
      Instant.EPOCH, Instant.parse("2026-11-24T02:00:00Z"), Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000));
  static final List<Duration> EDGE_DURATIONS = List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(-1), Duration.ofDays(1),
      Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MIN_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
      Duration.ofDays(365L * 300_000));

  @Property(tries = 400)
  void datesAndTimes_atTheEdges(@ForAll("edgeDays") LocalDate day, @ForAll("edgeDays") LocalDate other,
      @ForAll("edgeInstants") Instant instant, @ForAll("edgeDurations") Duration length,
      @ForAll io.github.linli.core.alliance.Cadence cadence) {
    YearMonth month = YearMonth.from(day);
    boundary("Period.month", month, () -> Period.month(month));
    Period p = boundary("Period.of", List.of(day, other), () -> Period.of(day, other));
    if (p != null) {
      boundary("Period.next", p, p::next);
    }
    boundary("Period.year", day.getYear(), () -> Period.year(day.getYear()));
    boundary("TimeWindow.of(duration)", List.of(instant, length), () -> TimeWindow.of(instant, length));
    boundary("TimeWindow.of", instant, () -> TimeWindow.of(instant, instant.plusNanos(instant.equals(Instant.MAX) ? 0 : 1)));
    boundary("Cadence.start", day, () -> cadence.start(day));
    boundary("Cadence.next", day, () -> cadence.next(day));
    java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneId.of("Asia/Shanghai"));
    Alliance a = Alliance.restore(SNAPSHOT, clock);
    boundary("Alliance.figures", day, () -> a.figures("lishan", day));
    if (p != null) {
      boundary("Alliance.usageObservations", p, () -> a.usageObservations("lishan", p));
    }
    io.github.linli.timebank.TimeBank bank = io.github.linli.timebank.TimeBank.inMemory(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
    io.github.linli.timebank.AccountId x = io.github.linli.timebank.AccountId.of("x");
    io.github.linli.timebank.AccountId y = io.github.linli.timebank.AccountId.of("y");
    bank.openAccount(x, io.github.linli.timebank.Credits.ofHours(5));
    bank.openAccount(y);
    bank.transfer(io.github.linli.timebank.TransferId.of("t"), x, y, io.github.linli.timebank.Credits.ofMinutes(30));
    io.github.linli.timebank.Credits at = boundary("TimeBank.balanceAt", instant, () -> bank.balanceAt(y, instant));
    if (at != null) {
      assertEquals(instant.isBefore(T0) ? 0 : 30, at.minutes(), "the balance at " + instant);
    }
    if (p != null) {
      boundary("TimeBank.statement", p, () -> bank.statement(y, p));
      boundary("TimeBank.figures", p, () -> bank.figures(p, "lishan"));
    }
    io.github.linli.timebank.TransferResult r = boundary("TimeBank.submit(pending)", length, () -> bank.submit(
        io.github.linli.timebank.TransferRequest.pending(io.github.linli.timebank.TransferId.of("p-" + TRIED.get()), x, y,
            io.github.linli.timebank.Credits.ofMinutes(1), length)));
    if (r != null && r.status().isOk()) {
      assertTrue(bank.lookup(r.id()).orElseThrow().expiresAt().map(e -> !e.isBefore(T0)).orElse(true));
    }
    assertTrue(bank.verify().isConsistent());
  }

  @Provide
  Arbitrary<LocalDate> edgeDays() {
    return Arbitraries.oneOf(Arbitraries.of(EDGE_DAYS),
        Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay));
  }

  @Provide
  Arbitrary<Instant> edgeInstants() {
    return Arbitraries.oneOf(Arbitraries.of(EDGE_INSTANTS),
        Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()).map(Instant::ofEpochSecond));
  }

  @Provide
  Arbitrary<Duration> edgeDurations() {
    return Arbitraries.oneOf(Arbitraries.of(EDGE_DURATIONS), Arbitraries.longs().map(Duration::ofSeconds));
  }

  @Property(tries = 60)
  void sampleCommunity_extremeMonthsAndClocks(@ForAll("edgeDays") LocalDate day, @ForAll("edgeInstants") Instant instant) {
    YearMonth month = YearMonth.from(day);
    boundary("SampleCommunity.needs", month, () -> SAMPLE.needs(month));
    boundary("SampleCommunity.alliance", instant,
        () -> SAMPLE.alliance(java.time.Clock.fixed(instant, java.time.ZoneId.of("Asia/Shanghai"))));
  }

  static final io.github.linli.core.sample.SampleCommunity SAMPLE = io.github.linli.core.sample.SampleCommunity.generate(17);

  // ----------------------------------------------------------------- issue 17: ledger's range

  @Property(tries = 60)
  void ledger_amountsNearItsRange_neverWrap(@ForAll("hugeTransfers") List<Tuple.Tuple3<Integer, Integer, Long>> transfers) {
    io.github.linli.timebank.TimeBank bank = io.github.linli.timebank.TimeBank.inMemory(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
    List<io.github.linli.timebank.AccountId> ids = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      ids.add(io.github.linli.timebank.AccountId.of("a" + k));
      bank.openAccount(ids.get(k), io.github.linli.timebank.Credits.ofUnits(io.github.linli.timebank.Credits.MAX_UNITS));
    }
    int n = 0;
    for (var t : transfers) {
      for (int repeat = 0; repeat < 400; repeat++) {   // enough round trips of 10^15 to reach a long's end
        io.github.linli.timebank.TransferResult r = boundary("TimeBank.transfer", t, () -> bank.transfer(
            io.github.linli.timebank.TransferId.of("t" + TRIED.get()), ids.get(t.get1()), ids.get(t.get2()),
            io.github.linli.timebank.Credits.ofUnits(t.get3())));
        n++;
        if (r == null || !r.status().isOk()) {
          break;
        }
      }
    }
    for (io.github.linli.timebank.Account a : bank.accounts()) {
      assertTrue(a.debitsPosted() >= 0 && a.creditsPosted() >= 0, "a total wrapped: " + a);
      assertTrue(Math.abs(a.balance().units()) <= io.github.linli.timebank.Credits.MAX_UNITS);
    }
    assertTrue(bank.verify().isConsistent(), "after " + n + " transfers");
  }

  @Provide
  Arbitrary<List<Tuple.Tuple3<Integer, Integer, Long>>> hugeTransfers() {
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
            Arbitraries.oneOf(Arbitraries.of(io.github.linli.timebank.Credits.MAX_UNITS, io.github.linli.timebank.Credits.MAX_UNITS - 1, 1L,
                io.github.linli.timebank.Credits.MAX_UNITS / 2), Arbitraries.longs().between(1, io.github.linli.timebank.Credits.MAX_UNITS)))
        .as(Tuple::of).list().ofMaxSize(60);
  }

  // ------------------------------------------------------- issue 17: sizes, CSV and SVG text

  @Property(tries = 200)
  void reliabilityAccumulator_anyItemCount(@ForAll int items) {
    Reliability.Accumulator a = boundary("Reliability.accumulator", items, () -> Reliability.accumulator(items));
    if (a != null) {
      assertTrue(items >= 2 && items <= Reliability.MAX_ITEMS);
    }
  }

  @Provide
  Arbitrary<String> labelText() {
    return Arbitraries.oneOf(outsideText().filter(t -> t != null && !t.isBlank()),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30).filter(t -> !t.isBlank()),
        Arbitraries.of("=1+2", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "a\u0001b", "\uD800x", "x\uFFFF", "\"<&>'"));
  }

  @Property(tries = 300)
  void scorecardCsvAndCharts_outsideText(@ForAll("labelText") String community, @ForAll("labelText") String zh,
      @ForAll("labelText") String en) throws Exception {
    io.github.linli.scorecard.IndicatorSystem system = boundary("IndicatorSystem.label", List.of(zh, en),
        () -> io.github.linli.scorecard.IndicatorSystem.builder().from(io.github.linli.scorecard.IndicatorSystems.governanceIndex())
            .label(Label.of(zh, en)).build());
    if (system == null) {
      return;
    }
    io.github.linli.scorecard.Scorecard card = boundary("Scorecard.evaluate", community, () -> io.github.linli.scorecard.Scorecard.evaluate(
        system, community, Period.month(java.time.YearMonth.of(2026, 10)),
        java.util.Map.of(io.github.linli.scorecard.IndicatorSystems.SERVED_SHARE, 0.7)));
    if (card == null) {
      return;
    }
    String csv = io.github.linli.scorecard.Reports.csv(card);
    for (org.apache.commons.csv.CSVRecord rec : org.apache.commons.csv.CSVFormat.DEFAULT.parse(new StringReader(csv))) {
      for (String cell : rec) {
        assertFalse(!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0, "a formula cell " + cell + " in " + csv);
        assertFalse(cell.startsWith("-") && !cell.matches("-[0-9.]+"), "a formula cell " + cell);
      }
    }
    for (Locale l : List.of(Locale.CHINA, Locale.ENGLISH)) {
      for (String svg : List.of(io.github.linli.scorecard.Charts.radar(card, l), io.github.linli.scorecard.Charts.bars(card, l))) {
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new org.xml.sax.InputSource(new StringReader(svg)));
      }
    }
  }
}
