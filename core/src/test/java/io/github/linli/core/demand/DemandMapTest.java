package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.sample.SampleCommunity;
import io.github.linli.core.sample.SampleNeed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DemandMapTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-10-01T00:00:00Z"));
  private final DemandIntake intake = DemandIntake.create(clock);
  private final Actor staff = Actor.of("staff", Role.COORDINATOR);

  private Demand submit(String id, String cell, String text) {
    return intake.submit(staff, DemandRequest.builder().id(id).requester(ResidentId.of("r-" + id)).text(text).gridCell(cell).build());
  }

  @Test
  void of_aggregatesCountsUnmetShareAndMeanTimeToClose() {
    List<Demand> ds = new ArrayList<>();
    Demand a = intake.classify(staff, submit("1", "A1", "停水两天了"));
    clock.advance(Duration.ofHours(10));
    ds.add(intake.fulfil(staff, intake.startService(staff, intake.match(staff, a)), 4)); // closed after 10 h
    Demand b = intake.classify(staff, submit("2", "A1", "3号楼又停水了"));
    clock.advance(Duration.ofHours(20));
    ds.add(intake.markUnmet(staff, b, 1)); // closed after 20 h
    ds.add(intake.classify(staff, submit("3", "A1", "楼里停水，做不了饭"))); // open
    ds.add(intake.withdraw(staff, intake.classify(staff, submit("4", "A1", "停水了")))); // withdrawn
    ds.add(submit("5", "B2", "停水")); // not classified
    DemandMap map = DemandMap.of(ds, Period.month(YearMonth.of(2026, 10)), SHANGHAI);
    DemandMap.Cell c = map.cell("A1", ServiceDomain.DAILY_LIVING, MaslowTier.PHYSIOLOGICAL).orElseThrow();
    assertEquals(4, c.count());
    assertEquals(1, c.fulfilled());
    assertEquals(1, c.unmet());
    assertEquals(1, c.withdrawn());
    assertEquals(1, c.open());
    assertEquals(2.0 / 3.0, c.unmetShare().getAsDouble(), 1e-12);
    assertEquals(Duration.ofHours(15), c.meanTimeToClose().orElseThrow());
    assertEquals(1, map.unclassified());
    assertEquals(5, map.total());
    assertEquals(List.of("A1"), map.areas());
    List<Observation> obs = map.observations("lishan");
    assertEquals("demand.count", obs.get(0).indicatorId());
    assertEquals(4, obs.get(0).value());
    assertEquals(2.0 / 3.0, obs.get(1).value(), 1e-12);
    assertEquals(15.0, obs.get(2).value(), 1e-9);
  }

  @Test
  void of_leavesOutDemandsOfOtherPeriodsByLocalDay() {
    clock.advance(Duration.ofHours(-1)); // 2026-09-30T23:00Z is 2026-10-01 07:00 in Shanghai
    Demand d = intake.classify(staff, submit("1", "A1", "停水"));
    assertEquals(1, DemandMap.of(List.of(d), Period.month(YearMonth.of(2026, 10)), SHANGHAI).total());
    assertEquals(0, DemandMap.of(List.of(d), Period.month(YearMonth.of(2026, 10)), ZoneId.of("UTC")).total());
  }

  @Test
  void toCsv_quotesAndDefusesFormulas() {
    Demand d = intake.classify(staff, submit("1", "A1", "停水"));
    DemandMap map =
        DemandMap.of(List.of(d), Period.month(YearMonth.of(2026, 10)), SHANGHAI, x -> "=HYPERLINK(\"x\"),1", DomainTaxonomy.defaultTaxonomy());
    String csv = map.toCsv();
    String[] lines = csv.split("\n");
    assertEquals("area,domain,tier,count,fulfilled,unmet,withdrawn,open,unmet_share,mean_hours_to_close", lines[0]);
    assertEquals("\"'=HYPERLINK(\"\"x\"\"),1\",DAILY_LIVING,PHYSIOLOGICAL,1,0,0,0,1,1.0000,", lines[1]);
  }

  @Test
  void toSvg_isWellFormedXmlAndEscapesAreas() throws Exception {
    Demand d = intake.classify(staff, submit("1", "A1", "停水"));
    DemandMap map = DemandMap.of(List.of(d), Period.month(YearMonth.of(2026, 10)), SHANGHAI, x -> "<A&1>", DomainTaxonomy.defaultTaxonomy());
    for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.UK)) {
      Document doc = parse(map.toSvg(l));
      assertEquals("svg", doc.getDocumentElement().getNodeName());
    }
    assertTrue(map.toSvg(Locale.UK).contains("&lt;A&amp;1&gt;"));
    assertTrue(map.toSvg(Locale.CHINA).contains("需求热力图"));
    assertTrue(parse(DemandMap.of(List.of(), Period.month(YearMonth.of(2026, 10)), SHANGHAI).toSvg(Locale.UK)).hasChildNodes());
  }

  @Test
  void of_null_throwsNpeNamingArgument() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> DemandMap.of(null, Period.year(2026), SHANGHAI));
    assertEquals("demands", e.getMessage());
  }

  /** A month of the sample community, classified and closed at random (seeded): the example in the docs. */
  @Test
  void sampleCommunity_mapIsWrittenForTheDocs() throws Exception {
    SampleCommunity community = SampleCommunity.generate(2026);
    YearMonth month = YearMonth.of(2026, 10);
    MutableClock c = new MutableClock(month.atDay(1).atStartOfDay(SampleCommunity.ZONE).toInstant());
    DemandIntake in = DemandIntake.create(c);
    SplittableRandom r = new SplittableRandom(7);
    List<Demand> ds = new ArrayList<>();
    int agree = 0;
    for (SampleNeed n : community.needs(month)) {
      Duration untilNow = Duration.between(c.instant(), n.createdAt());
      c.advance(untilNow.isNegative() ? Duration.ZERO : untilNow);
      Demand d = in.classify(Actor.system(), in.submit(Actor.system(), DemandRequest.builder().id(n.id()).requester(n.requester()).text(n.text()).gridCell(n.cell()).build()));
      agree += d.tier().orElseThrow() == n.tier() && d.domain().orElseThrow().equals(n.domain()) ? 1 : 0;
      double u = r.nextDouble();
      Demand closed = d;
      if (u < 0.75) {
        Demand s = in.startService(Actor.system(), in.match(Actor.system(), d));
        closed = u < 0.65 ? new Closer(c, in, r).fulfil(s) : new Closer(c, in, r).unmet(s);
      } else if (u < 0.8) {
        closed = in.withdraw(Actor.system(), d);
      }
      ds.add(closed);
    }
    DemandMap map = DemandMap.of(ds, Period.month(month), SampleCommunity.ZONE);
    assertEquals(ds.size(), map.total());
    int sum = map.cells().stream().mapToInt(DemandMap.Cell::count).sum();
    assertEquals(ds.size(), sum);
    assertTrue(agree > ds.size() * 0.85, "classifier agrees with the sample's labels on " + agree + " of " + ds.size());
    Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs");
    if (Files.isDirectory(docs) && Boolean.getBoolean("linli.writeDocs")) {
      Files.writeString(docs.resolve("demand-map-example.svg"), map.toSvg(Locale.SIMPLIFIED_CHINESE));
      Files.writeString(docs.resolve("demand-map-example-en.svg"), map.toSvg(Locale.UK));
    }
    Path out = Path.of("target", "demand-map-example.svg");
    Files.createDirectories(out.getParent());
    Files.writeString(out, map.toSvg(Locale.SIMPLIFIED_CHINESE));
    Files.writeString(Path.of("target", "demand-map-example-en.svg"), map.toSvg(Locale.UK));
    Files.writeString(Path.of("target", "demand-map-example.csv"), map.toCsv());
    assertFalse(map.toCsv().isEmpty());
  }

  /** Closes demands after a random service time. */
  private static final class Closer {
    final MutableClock clock;
    final DemandIntake intake;
    final SplittableRandom r;

    Closer(MutableClock clock, DemandIntake intake, SplittableRandom r) {
      this.clock = clock;
      this.intake = intake;
      this.r = r;
    }

    Demand fulfil(Demand s) {
      return restoreClock(() -> intake.fulfil(Actor.system(), s, 3 + r.nextInt(3)));
    }

    Demand unmet(Demand s) {
      return restoreClock(() -> intake.markUnmet(Actor.system(), s, 1 + r.nextInt(2)));
    }

    private Demand restoreClock(java.util.function.Supplier<Demand> op) {
      Duration d = Duration.ofMinutes(30 + r.nextInt(72 * 60));
      clock.advance(d);
      try {
        return op.get();
      } finally {
        clock.advance(d.negated());
      }
    }
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
