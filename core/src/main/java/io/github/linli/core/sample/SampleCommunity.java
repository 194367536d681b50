package io.github.linli.core.sample;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.ResidentId;
import io.github.linli.core.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded synthetic community shaped like source 004's Lishan community in Ji'nan: 5,000
 * residents on a 3 × 3 street grid of cells (网格), about a fifth of them over 60, with household
 * flags and benefit cards, and a steady stream of needs in Chinese and English over all tiers and
 * domains. It scales ({@code scale} 10 gives 50,000 residents) for benchmarks. The same seed and
 * scale always give the same community.
 *
 * <p>Immutable and thread-safe. Generating costs time linear in the number of residents; {@link
 * #needs(YearMonth)} generates a month on each call, linear in its size.
 *
 * @since 0.1.0
 */
public final class SampleCommunity {
  /** Residents at scale 1. */
  public static final int RESIDENTS_PER_SCALE = 5_000;
  /** Needs per month at scale 1. */
  public static final int NEEDS_PER_MONTH_PER_SCALE = 400;
  /** The community id used for members and figures. */
  public static final String COMMUNITY = "lishan";
  /** The time zone of the community (Ji'nan). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final GeoPoint CENTRE = GeoPoint.of(36.6515, 117.1190);
  private static final double CELL_DEGREES = 0.003; // about 330 m north-south
  private static final String[] CELLS = {"A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3"};

  private final long seed;
  private final int scale;
  private final List<SampleResident> residents;

  private SampleCommunity(long seed, int scale) {
    this.seed = seed;
    this.scale = scale;
    this.residents = List.copyOf(generateResidents(new SplittableRandom(seed), scale));
  }

  /**
   * The community at scale 1.
   *
   * @param seed the seed
   * @return the community
   */
  public static SampleCommunity generate(long seed) {
    return generate(seed, 1);
  }

  /**
   * The community at a scale: {@code scale} × 5,000 residents and × 400 needs a month.
   *
   * @param seed the seed
   * @param scale from 1 to 1,000
   * @return the community
   * @throws IllegalArgumentException if the scale is out of range
   */
  public static SampleCommunity generate(long seed, int scale) {
    checkArgument(scale >= 1 && scale <= 1000, "scale must be in [1, 1000], was %s", scale);
    return new SampleCommunity(seed, scale);
  }

  /**
   * The seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The scale.
   *
   * @return the scale
   */
  public int scale() {
    return scale;
  }

  /**
   * The community's name.
   *
   * @return the name in Chinese and English
   */
  public io.github.linli.core.Label name() {
    return io.github.linli.core.Label.of("历山名郡社区（样例）", "Lishan Mingjun community (sample)");
  }

  /**
   * The grid cells, in order.
   *
   * @return the cell ids
   */
  public List<String> cells() {
    return List.of(CELLS);
  }

  /**
   * The centre of the community.
   *
   * @return the centre point
   */
  public GeoPoint centre() {
    return CENTRE;
  }

  /**
   * The residents.
   *
   * @return an unmodifiable list, by id
   */
  public List<SampleResident> residents() {
    return residents;
  }

  /**
   * A new alliance for this community, shaped like source 004's service club: 42 members of every
   * kind (× scale), 77 pledged projects of which 33 are free across the eight domains (× scale),
   * and a benefit card for every card-holding resident. Each call builds a fresh, mutable {@link
   * io.github.linli.core.alliance.Alliance}; the same seed and clock give the same alliance. Its
   * administrator is {@link #administrator()}.
   *
   * @param clock the alliance's clock, reading a day whose year is from -999,999,997 to
   *     999,999,997 (cards are valid for two years)
   * @return the alliance
   * @throws NullPointerException if {@code clock} is null
   * @throws io.github.linli.core.ValidationException if the clock reads a day too near the end of
   *     the supported dates
   */
  public io.github.linli.core.alliance.Alliance alliance(java.time.Clock clock) {
    checkNotNull(clock, "clock");
    return io.github.linli.core.internal.Checks.time("clock", clock.instant(), () -> SampleAlliance.build(this, clock));
  }

  /**
   * The actor that administers sample alliances.
   *
   * @return an actor with {@link io.github.linli.core.Role#ALLIANCE_ADMIN}
   */
  public static io.github.linli.core.Actor administrator() {
    return SampleAlliance.ADMIN;
  }

  GeoPoint pointIn(String cell, SplittableRandom r) {
    return pointIn(List.of(CELLS).indexOf(cell), r);
  }

  /** A uniformly random point in a grid cell. */
  private static GeoPoint pointIn(int cellIndex, SplittableRandom r) {
    int row = cellIndex / 3;
    int col = cellIndex % 3;
    double lat = CENTRE.latitude() + (row - 1) * CELL_DEGREES + (r.nextDouble() - 0.5) * CELL_DEGREES;
    double lon = CENTRE.longitude() + (col - 1) * CELL_DEGREES * 1.25 + (r.nextDouble() - 0.5) * CELL_DEGREES * 1.25;
    return GeoPoint.of(lat, lon);
  }

  /**
   * The needs submitted in a month, in order of submission. The same month always gives the same
   * needs.
   *
   * @param month the month, before {@code +999999999-12}
   * @return a new list of about {@code 400 × scale} needs
   * @throws NullPointerException if {@code month} is null
   * @throws io.github.linli.core.ValidationException if the month is the last the JDK can
   *     represent (its needs would fall after it)
   */
  public List<SampleNeed> needs(YearMonth month) {
    checkNotNull(month, "month");
    return io.github.linli.core.internal.Checks.time("month", month, () -> generateNeeds(month));
  }

  private List<SampleNeed> generateNeeds(YearMonth month) {
    SplittableRandom r = new SplittableRandom(seed * 31 + month.getYear() * 12L + month.getMonthValue());
    int n = NEEDS_PER_MONTH_PER_SCALE * scale;
    Instant start = month.atDay(1).atStartOfDay(ZONE).toInstant();
    long seconds = Duration.between(start, month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant()).getSeconds();
    long[] offsets = new long[n];
    for (int i = 0; i < n; i++) {
      offsets[i] = r.nextLong(seconds);
    }
    java.util.Arrays.sort(offsets);
    List<SampleNeed> out = new ArrayList<>(n);
    List<SampleResident> older = new ArrayList<>();
    for (SampleResident x : residents) {
      if (x.age() >= 60) {
        older.add(x);
      }
    }
    for (int i = 0; i < n; i++) {
      NeedTemplates.Template t = NeedTemplates.ALL.get(r.nextInt(NeedTemplates.ALL.size()));
      // Elderly-care needs come from older residents, as they do in a real community.
      List<SampleResident> from = t.domain.equals(io.github.linli.core.demand.ServiceDomain.ELDERLY_CARE) ? older : residents;
      SampleResident who = from.get(r.nextInt(from.size()));
      boolean zh = r.nextDouble() < 0.6;
      String text = fill(zh ? t.zh : t.en, r);
      Instant created = start.plusSeconds(offsets[i]);
      Duration lead = Duration.ofHours(t.urgency.ordinal() >= 3 ? 0 : 2 + r.nextInt(72));
      Duration length = Duration.ofHours(t.urgency.ordinal() >= 3 ? 2 : 4 + r.nextInt(44));
      out.add(
          new SampleNeed(
              String.format(Locale.ROOT, "need-%s-%05d", month, i + 1),
              who.id(),
              text,
              zh ? "zh" : "en",
              t.domain,
              t.tier,
              t.urgency,
              who.home(),
              who.cell(),
              created,
              TimeWindow.of(created.plus(lead), length)));
    }
    return out;
  }

  /**
   * Survey answers for the five-dimension governance index, as CSV: a header {@code
   * respondent,q01,…,q17} and one row per respondent, on a 1–5 scale, answering the scorecard's
   * built-in questionnaire ({@code Questionnaires.governanceIndex(5)}: q01–q05 multiple subjects,
   * q06–q08 consensus shaping, q09–q11 resource allocation, q12–q14 organisation management,
   * q15–q17 community coordination; q02 and q05 reverse-coded, and q12 worded so that agreement is
   * worse: "the community carries too many administrative tasks"). Each respondent has a general
   * attitude and each dimension a community-wide level (consensus and resources weakest, as source
   * 001 finds), plus noise; the same seed gives the same answers.
   *
   * @param respondents how many, from 1 to 1,000,000
   * @return the CSV text
   * @throws IllegalArgumentException if {@code respondents} is outside [1, 1,000,000] (a count the
   *     caller chose, not outside data), naming the value
   */
  public String governanceSurveyCsv(int respondents) {
    return survey(respondents, 'q', 17, new int[] {0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4},
        new double[] {0.35, -0.45, -0.25, 0.0, 0.2}, new int[] {2, 5, 12}, 101);
  }

  /**
   * Survey answers for Moore's public value scorecard, as CSV: a header {@code
   * respondent,p01,…,p12} and one row per respondent on a 1–5 scale, answering {@code
   * Questionnaires.publicValueScorecard(5)} (p01–p04 public value, p05–p09 legitimacy and support,
   * p10–p12 operational capacity; p02 and p09 reverse-coded). Legitimacy and support are weakest,
   * as source 000 finds.
   *
   * @param respondents how many, from 1 to 1,000,000
   * @return the CSV text
   * @throws IllegalArgumentException if {@code respondents} is outside [1, 1,000,000] (a count the
   *     caller chose, not outside data), naming the value
   */
  public String publicValueSurveyCsv(int respondents) {
    return survey(respondents, 'p', 12, new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2},
        new double[] {0.3, -0.4, -0.1}, new int[] {2, 9}, 202);
  }

  private String survey(int respondents, char prefix, int items, int[] dimensionOf, double[] level, int[] reverse, long salt) {
    checkArgument(respondents >= 1 && respondents <= 1_000_000, "respondents must be in [1, 1000000], was %s", respondents);
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + salt);
    StringBuilder csv = new StringBuilder(respondents * (items * 2 + 8));
    csv.append("respondent");
    for (int i = 1; i <= items; i++) {
      csv.append(',').append(prefix).append(String.format(Locale.ROOT, "%02d", i));
    }
    csv.append('\n');
    for (int p = 1; p <= respondents; p++) {
      double attitude = gaussian(r) * 0.6;
      csv.append(p);
      for (int i = 1; i <= items; i++) {
        double latent = 3 + level[dimensionOf[i - 1]] + attitude + gaussian(r) * 0.7;
        int answer = (int) Math.max(1, Math.min(5, Math.round(latent)));
        boolean reversed = false;
        for (int rev : reverse) {
          reversed |= i == rev;
        }
        csv.append(',').append(reversed ? 6 - answer : answer);
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  private static double gaussian(SplittableRandom r) {
    // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static String fill(String template, SplittableRandom r) {
    return template
        .replace("{b}", Integer.toString(1 + r.nextInt(24)))
        .replace("{f}", Integer.toString(1 + r.nextInt(6)))
        .replace("{n}", Integer.toString(1 + r.nextInt(9)));
  }

  private static List<SampleResident> generateResidents(SplittableRandom r, int scale) {
    int n = RESIDENTS_PER_SCALE * scale;
    List<SampleResident> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int cellIndex = r.nextInt(CELLS.length);
      GeoPoint home = pointIn(cellIndex, r);
      int age = r.nextDouble() < 0.21 ? 60 + r.nextInt(35) : r.nextDouble() < 0.2 ? r.nextInt(18) : 18 + r.nextInt(42);
      EnumSet<HouseholdFlag> flags = EnumSet.noneOf(HouseholdFlag.class);
      if (age >= 65 && r.nextDouble() < 0.25) {
        flags.add(HouseholdFlag.ELDERLY_LIVING_ALONE);
      }
      if (r.nextDouble() < 0.04) {
        flags.add(HouseholdFlag.DISABILITY);
      }
      if (age >= 25 && age < 50 && r.nextDouble() < 0.45) {
        flags.add(HouseholdFlag.CHILD);
      }
      if (r.nextDouble() < 0.07) {
        flags.add(HouseholdFlag.LOW_INCOME);
      }
      out.add(
          new SampleResident(
              ResidentId.of(String.format(Locale.ROOT, "r-%06d", i + 1)),
              home,
              CELLS[cellIndex],
              age,
              flags,
              r.nextDouble() < 0.97));
    }
    return out;
  }

  @Override
  public String toString() {
    return "SampleCommunity{seed=" + seed + ", scale=" + scale + ", residents=" + residents.size() + "}";
  }
}
