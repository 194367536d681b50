package io.github.linli.benchmarks.alliance;

import io.github.linli.core.Actor;
import io.github.linli.core.alliance.Access;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.AllianceFigures;
import io.github.linli.core.alliance.BenefitCard;
import io.github.linli.core.alliance.Cadence;
import io.github.linli.core.alliance.Fulfilment;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The alliance at city scale: {@code opens} on a pledge with 100,000 recorded deliveries over three
 * years (the capacity check reads the per-day index, not the deliveries), and the registry's
 * figures for a community of 5,000 members, 20,000 pledges and 5,000 cards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AllianceBenchmark {
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);
  static final List<ServiceDomain> DOMAINS = ServiceDomain.defaults();

  /** A clock the set-up moves forward day by day. */
  static final class SteppingClock extends Clock {
    Instant now = Instant.parse("2024-01-01T02:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  Alliance busy;
  Alliance city;

  @Setup
  public void setUp() {
    SteppingClock clock = new SteppingClock();
    busy = Alliance.create("busy", clock);
    busy.apply(ADMIN, member("m-0", "lishan"));
    busy.admit(ADMIN, MemberId.of("m-0"));
    busy.pledge(ADMIN, pledge("p-0", "m-0", 0).capacity(1_000_000).cadence(Cadence.YEAR).build());
    for (int day = 0; day < 1000; day++) {
      for (int i = 0; i < 100; i++) {
        busy.recordDelivery(ADMIN, "p-0", 1);
      }
      clock.now = clock.now.plus(Duration.ofDays(1));
    }
    busy.issueCard(ADMIN, BenefitCard.builder().id("c-0").holder(ResidentId.of("r-0")).validUntil(LocalDate.of(2030, 1, 1)).build());

    city = Alliance.create("city", Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
    for (int m = 0; m < 5000; m++) {
      String id = String.format(Locale.ROOT, "m-%05d", m);
      city.apply(ADMIN, member(id, m % 10 == 0 ? "elsewhere" : "lishan"));
      city.admit(ADMIN, MemberId.of(id));
      for (int k = 0; k < 4; k++) {
        city.pledge(ADMIN, pledge(id + "-" + k, id, m + k).build());
      }
      city.issueCard(ADMIN, BenefitCard.builder().id("c-" + m).holder(ResidentId.of("r-" + m)).validUntil(LocalDate.of(2027, 1, 1)).build());
    }
  }

  static Member member(String id, String community) {
    return Member.builder().id(MemberId.of(id)).kind(MemberKind.values()[Math.abs(id.hashCode()) % MemberKind.values().length])
        .name(Label.of("单位" + id, "unit " + id)).community(community).build();
  }

  static Pledge.Builder pledge(String id, String member, int k) {
    return Pledge.builder().id(id).member(MemberId.of(member)).title(Label.of("服务", "service"))
        .domain(DOMAINS.get(k % DOMAINS.size())).addTier(MaslowTier.values()[k % 5])
        .price(k % 7 < 3 ? PledgePrice.free() : PledgePrice.discount(20)).capacity(10)
        .validity(Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2030, 1, 1)));
  }

  /** Whether a card opens a pledge with 100,000 deliveries recorded (capacity checked). */
  @Benchmark
  public Access opensBusyPledge() {
    return busy.opens("c-0", "p-0");
  }

  /** Delivered against pledged over one month of that pledge. */
  @Benchmark
  public Fulfilment fulfilmentOneMonth() {
    return busy.fulfilment("p-0", Period.month(YearMonth.of(2025, 3)));
  }

  /** Source 004's figures for a community of 4,500 active members and 18,000 pledges. */
  @Benchmark
  public AllianceFigures figuresCity() {
    return city.figures("lishan");
  }
}
