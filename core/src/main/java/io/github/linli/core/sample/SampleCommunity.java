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
   * @param clock the alliance's clock
   * @return the alliance
   */
  public io.github.linli.core.alliance.Alliance alliance(java.time.Clock clock) {
    checkNotNull(clock, "clock");
    return SampleAlliance.build(this, clock);
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
   * @param month the month
   * @return a new list of about {@code 400 × scale} needs
   */
  public List<SampleNeed> needs(YearMonth month) {
    checkNotNull(month, "month");
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
    for (int i = 0; i < n; i++) {
      NeedTemplates.Template t = NeedTemplates.ALL.get(r.nextInt(NeedTemplates.ALL.size()));
      SampleResident who = residents.get(r.nextInt(residents.size()));
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
