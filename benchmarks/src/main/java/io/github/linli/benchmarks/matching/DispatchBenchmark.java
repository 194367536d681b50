package io.github.linli.benchmarks.matching;

import io.github.linli.core.Actor;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.Cadence;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.sample.SampleCommunity;
import io.github.linli.core.sample.SampleNeed;
import io.github.linli.core.sample.SampleResident;
import io.github.linli.core.store.EventStores;
import io.github.linli.matching.Need;
import io.github.linli.matching.RequesterFacts;
import io.github.linli.matching.dispatch.DispatchOutcome;
import io.github.linli.matching.dispatch.DispatchPolicy;
import io.github.linli.matching.dispatch.Dispatcher;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One arrival answered by the dispatcher, in memory (issue 15: ≤ 1 ms median): the sample
 * community at scale 10 (770 pledges with a weekly cadence), its November needs arriving one by one
 * on an in-memory event store. Each iteration starts from an empty dispatch state, so the state an
 * arrival sees grows from none to the iteration's arrivals. JMH's sample mode reports the median
 * (p0.50) and the tail.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DispatchBenchmark {
  private List<Pledge> pledges;
  private List<Need> needs;
  private Clock clock;
  private Dispatcher dispatcher;
  private int next;
  private int round;

  /** The sample community and its month of needs. */
  @Setup(Level.Trial)
  public void setUp() {
    SampleCommunity community = SampleCommunity.generate(2026, 10);
    clock = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), SampleCommunity.ZONE);
    Alliance alliance = community.alliance(clock);
    pledges = new ArrayList<>();
    for (Pledge p : alliance.pledges()) {
      pledges.add(Pledge.builder().from(p).cadence(Cadence.WEEK).capacity(Math.max(1, p.capacity() / 8)).build());
    }
    Map<ResidentId, SampleResident> residents = new HashMap<>();
    community.residents().forEach(r -> residents.put(r.id(), r));
    needs = new ArrayList<>();
    for (SampleNeed s : community.needs(YearMonth.of(2026, 11))) {
      SampleResident r = residents.get(s.requester());
      needs.add(Need.builder().id(s.id()).neighbourhood(s.cell()).tier(s.tier()).urgency(s.urgency()).domain(s.domain())
          .place(s.place()).wanted(s.wanted()).requester(RequesterFacts.of(r.cardHolder(), r.age(), r.flags())).build());
    }
  }

  /** A fresh dispatch state with the pledges listed. */
  @Setup(Level.Iteration)
  public void fresh() {
    dispatcher = Dispatcher.open(EventStores.inMemory(clock), "lishan", clock, DispatchPolicy.preempt(SampleCommunity.ZONE));
    Actor coordinator = Actor.of("staff-1", Role.COORDINATOR);
    for (Pledge p : pledges) {
      dispatcher.listPledge(coordinator, p, 1500, 0);
    }
    next = 0;
    round++;
  }

  /** One arrival, answered. */
  @Benchmark
  public DispatchOutcome arrive() {
    Need n = needs.get(next % needs.size());
    String id = n.id() + "-" + round + "-" + (next / needs.size());
    next++;
    return dispatcher.arrive(Actor.system(), Need.builder().from(n).id(id).build());
  }
}
