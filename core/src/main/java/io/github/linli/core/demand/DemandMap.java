package io.github.linli.core.demand;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.Observation;
import io.github.linli.core.Period;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The demand map (需求热力图): demands of a period aggregated by area × domain × tier, with the
 * count, the share not met and the mean time to close of each cell; exported as CSV and as an SVG
 * heat map that a browser shows as it is.
 *
 * <p>A demand belongs to the period when its creation day (in the given zone) lies in it; demands
 * not yet classified are counted in {@link #unclassified()} only. The area of a demand is its grid
 * cell unless another function is given; demands without one fall in {@value #UNKNOWN_AREA}.
 *
 * <p>Per cell: <b>unmet share</b> = (unmet + still open) / (count − withdrawn), the share of the
 * needs that were not met; <b>mean time to close</b> = the mean of close − submission over the
 * fulfilled and unmet demands (withdrawn ones are left out).
 *
 * <p>Building is linear in the number of demands (plus sorting the cells). Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class DemandMap {
  /** The area of demands without a grid cell. */
  public static final String UNKNOWN_AREA = "unknown";

  /** One cell of the map. Immutable and thread-safe. */
  public static final class Cell {
    private final String area;
    private final ServiceDomain domain;
    private final MaslowTier tier;
    private int count;
    private int fulfilled;
    private int unmet;
    private int withdrawn;
    private int open;
    private long closeSeconds;
    private int closedWithOutcome;

    Cell(String area, ServiceDomain domain, MaslowTier tier) {
      this.area = area;
      this.domain = domain;
      this.tier = tier;
    }

    void add(Demand d) {
      count++;
      switch (d.state()) {
        case FULFILLED:
          fulfilled++;
          break;
        case UNMET:
          unmet++;
          break;
        case WITHDRAWN:
          withdrawn++;
          break;
        default:
          open++;
      }
      if (d.state() == DemandState.FULFILLED || d.state() == DemandState.UNMET) {
        closeSeconds += d.timeToClose().map(Duration::getSeconds).orElse(0L);
        closedWithOutcome++;
      }
    }

    /**
     * The area (grid cell).
     *
     * @return the area id
     */
    public String area() {
      return area;
    }

    /**
     * The domain.
     *
     * @return the domain
     */
    public ServiceDomain domain() {
      return domain;
    }

    /**
     * The tier.
     *
     * @return the tier
     */
    public MaslowTier tier() {
      return tier;
    }

    /**
     * Demands in the cell.
     *
     * @return the count, at least 1
     */
    public int count() {
      return count;
    }

    /**
     * Fulfilled demands.
     *
     * @return the count
     */
    public int fulfilled() {
      return fulfilled;
    }

    /**
     * Demands closed as unmet.
     *
     * @return the count
     */
    public int unmet() {
      return unmet;
    }

    /**
     * Withdrawn demands.
     *
     * @return the count
     */
    public int withdrawn() {
      return withdrawn;
    }

    /**
     * Demands still open.
     *
     * @return the count
     */
    public int open() {
      return open;
    }

    /**
     * (unmet + open) / (count − withdrawn).
     *
     * @return the share in [0, 1], empty if every demand was withdrawn
     */
    public OptionalDouble unmetShare() {
      int base = count - withdrawn;
      return base == 0 ? OptionalDouble.empty() : OptionalDouble.of((unmet + open) / (double) base);
    }

    /**
     * The mean time from submission to close over fulfilled and unmet demands.
     *
     * @return the mean, empty if none closed with an outcome
     */
    public Optional<Duration> meanTimeToClose() {
      return closedWithOutcome == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(closeSeconds / closedWithOutcome));
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s/%s/%s: count=%d unmetShare=%s meanTimeToClose=%s",
          area,
          domain,
          tier,
          count,
          unmetShare().isPresent() ? String.format(Locale.ROOT, "%.2f", unmetShare().getAsDouble()) : "-",
          meanTimeToClose().map(Duration::toString).orElse("-"));
    }
  }

  private final Period period;
  private final List<Cell> cells;
  private final List<String> areas;
  private final List<ServiceDomain> domains;
  private final int unclassified;
  private final int total;

  private DemandMap(Period period, List<Cell> cells, List<String> areas, List<ServiceDomain> domains, int unclassified, int total) {
    this.period = period;
    this.cells = cells;
    this.areas = areas;
    this.domains = domains;
    this.unclassified = unclassified;
    this.total = total;
  }

  /**
   * Builds the map with grid cells as areas and the default eight domains as columns.
   *
   * @param demands the demands (others than the period's are ignored)
   * @param period the period
   * @param zone the zone in which creation days are taken
   * @return the map
   * @throws NullPointerException if an argument or element is null
   * @throws io.github.linli.core.ValidationException if a demand was created at an instant that
   *     has no date in the zone (within hours of {@link java.time.Instant#MIN} or {@code MAX})
   */
  public static DemandMap of(Collection<Demand> demands, Period period, ZoneId zone) {
    return of(demands, period, zone, d -> d.gridCell().orElse(UNKNOWN_AREA), DomainTaxonomy.defaultTaxonomy());
  }

  /**
   * Builds the map with a community's own areas and taxonomy.
   *
   * @param demands the demands
   * @param period the period
   * @param zone the zone in which creation days are taken
   * @param area the area of a demand (for example a street from its grid cell); never null
   * @param taxonomy the taxonomy whose domains are the columns; demands of other domains are
   *     added as extra columns
   * @return the map
   * @throws NullPointerException if an argument or element is null, or {@code area} returns null
   */
  public static DemandMap of(
      Collection<Demand> demands, Period period, ZoneId zone, Function<Demand, String> area, DomainTaxonomy taxonomy) {
    checkNotNull(demands, "demands");
    checkNotNull(period, "period");
    checkNotNull(zone, "zone");
    checkNotNull(area, "area");
    checkNotNull(taxonomy, "taxonomy");
    Map<String, Cell> byKey = new TreeMap<>();
    TreeSet<String> areaSet = new TreeSet<>();
    List<ServiceDomain> domainList = new ArrayList<>(taxonomy.domains());
    int unclassified = 0;
    int total = 0;
    int index = -1;
    for (Demand d : demands) {
      index++;
      checkNotNull(d, "demands element");
      // an instant near Instant.MIN or MAX has no date in some zones (issue 17): a typed refusal
      LocalDate day = io.github.linli.core.internal.Checks.time("demands[" + index + "].createdAt", d.createdAt(),
          () -> d.createdAt().atZone(zone).toLocalDate());
      if (!period.contains(day)) {
        continue;
      }
      total++;
      if (d.tier().isEmpty() || d.domain().isEmpty()) {
        unclassified++;
        continue;
      }
      String a = checkNotNull(area.apply(d), "area of demand %s", d.id());
      ServiceDomain dom = d.domain().get();
      if (!domainList.contains(dom)) {
        domainList.add(dom);
      }
      MaslowTier t = d.tier().get();
      areaSet.add(a);
      byKey.computeIfAbsent(a + '\u0000' + dom.id() + '\u0000' + t.ordinal(), k -> new Cell(a, dom, t)).add(d);
    }
    List<Cell> cells = new ArrayList<>(byKey.values());
    List<ServiceDomain> order = domainList;
    cells.sort(
        (x, y) -> {
          int c = x.area.compareTo(y.area);
          if (c == 0) {
            c = Integer.compare(order.indexOf(x.domain), order.indexOf(y.domain));
          }
          return c != 0 ? c : x.tier.compareTo(y.tier);
        });
    return new DemandMap(
        period,
        Collections.unmodifiableList(cells),
        List.copyOf(areaSet),
        List.copyOf(domainList),
        unclassified,
        total);
  }

  /**
   * The period.
   *
   * @return the period
   */
  public Period period() {
    return period;
  }

  /**
   * The non-empty cells, by area, domain, tier.
   *
   * @return an unmodifiable list
   */
  public List<Cell> cells() {
    return cells;
  }

  /**
   * The areas with at least one classified demand, sorted.
   *
   * @return the area ids
   */
  public List<String> areas() {
    return areas;
  }

  /**
   * The domain columns: the taxonomy's, then any other domain met.
   *
   * @return the domains
   */
  public List<ServiceDomain> domains() {
    return domains;
  }

  /**
   * Demands of the period that were not classified yet.
   *
   * @return the count
   */
  public int unclassified() {
    return unclassified;
  }

  /**
   * All demands of the period, classified or not.
   *
   * @return the count
   */
  public int total() {
    return total;
  }

  /**
   * Looks a cell up.
   *
   * @param area the area
   * @param domain the domain
   * @param tier the tier
   * @return the cell, empty if no demand fell in it
   * @throws NullPointerException if an argument is null
   */
  public Optional<Cell> cell(String area, ServiceDomain domain, MaslowTier tier) {
    checkNotNull(area, "area");
    checkNotNull(domain, "domain");
    checkNotNull(tier, "tier");
    for (Cell c : cells) {
      if (c.area.equals(area) && c.domain.equals(domain) && c.tier == tier) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The figures of the whole map as observations for the scorecard: {@code demand.count}, {@code
   * demand.unmet_share} and, when any demand closed, {@code demand.mean_hours_to_close}.
   *
   * @param scope the community or area id the figures are about
   * @return the observations, source {@code demand}
   * @throws io.github.linli.core.ValidationException if the scope is not a valid id
   */
  public List<Observation> observations(String scope) {
    int count = 0;
    int withdrawn = 0;
    int notMet = 0;
    long seconds = 0;
    int closed = 0;
    for (Cell c : cells) {
      count += c.count;
      withdrawn += c.withdrawn;
      notMet += c.unmet + c.open;
      seconds += c.closeSeconds;
      closed += c.closedWithOutcome;
    }
    List<Observation> out = new ArrayList<>();
    out.add(Observation.builder().indicatorId("demand.count").value(count).period(period).scope(scope).unit("count").source("demand").build());
    if (count > withdrawn) {
      out.add(
          Observation.builder()
              .indicatorId("demand.unmet_share")
              .value(notMet / (double) (count - withdrawn))
              .period(period)
              .scope(scope)
              .unit("share")
              .source("demand")
              .build());
    }
    if (closed > 0) {
      out.add(
          Observation.builder()
              .indicatorId("demand.mean_hours_to_close")
              .value(seconds / 3600.0 / closed)
              .period(period)
              .scope(scope)
              .unit("hours")
              .source("demand")
              .build());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The cells as CSV (RFC 4180, header line, {@code \n} line ends, numbers in the root locale):
   * {@code area,domain,tier,count,fulfilled,unmet,withdrawn,open,unmet_share,mean_hours_to_close}.
   * Text values that a spreadsheet would read as a formula are prefixed with {@code '} (the SDK's
   * one guarded CSV writer, as for the scorecard's CSV).
   *
   * @return the CSV text
   */
  public String toCsv() {
    io.github.linli.core.internal.Csv w = io.github.linli.core.internal.Csv.withLineEnd("\n")
        .texts("area", "domain", "tier", "count", "fulfilled", "unmet", "withdrawn", "open", "unmet_share", "mean_hours_to_close")
        .endRow();
    for (Cell c : cells) {
      w.texts(c.area, c.domain.id(), c.tier).number(c.count).number(c.fulfilled).number(c.unmet).number(c.withdrawn).number(c.open);
      w.number(c.unmetShare().isPresent() ? String.format(Locale.ROOT, "%.4f", c.unmetShare().getAsDouble()) : "");
      w.number(c.meanTimeToClose().map(x -> String.format(Locale.ROOT, "%.2f", x.getSeconds() / 3600.0)).orElse(""));
      w.endRow();
    }
    return w.toString();
  }

  /**
   * The map as a standalone SVG heat map: one row per area, one column group per domain with a
   * column per tier; the colour of a square shows the count, the dark bar under it the unmet
   * share. Labels are in Chinese for a {@code zh} locale, in English otherwise.
   *
   * @param locale the language of the labels
   * @return the SVG document
   * @throws NullPointerException if {@code locale} is null
   */
  public String toSvg(Locale locale) {
    return DemandMapSvg.render(this, checkNotNull(locale, "locale"));
  }

  @Override
  public String toString() {
    return "DemandMap{" + period + ", " + total + " demands, " + cells.size() + " cells, " + unclassified + " unclassified}";
  }
}
