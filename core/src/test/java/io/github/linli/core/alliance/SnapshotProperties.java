package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.linli.core.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Snapshot and restore against the membership and card chains (their action generators, their
 * models): after any sequence of actions, {@code restore(snapshot())} answers every query as the
 * original does; and after a fork (a copy restored from a snapshot) the same further actions on the
 * original and on the copy give the same events, deliveries, cards and refusals: each copy is
 * checked against its own copy of the model (so the refusals the model predicts happen in both),
 * and the two alliances are compared after every step.
 */
class SnapshotProperties {

  /** The original world and, after a fork, its restored copy. */
  static final class Twin<W> {
    final W original;
    W copy;
    int forks;

    Twin(W original) {
      this.original = original;
    }

    @Override
    public String toString() {
      return "Twin{" + original + ", forks=" + forks + "}";
    }
  }

  /** The same action, applied to the original and, once forked, to the copy. */
  static <W> Action.Independent<Twin<W>> both(Action.Independent<W> action) {
    return () -> action.transformer().map(t -> Transformer.mutate(t.transformation(), tw -> {
      t.apply(tw.original);
      if (tw.copy != null) {
        t.apply(tw.copy);
      }
    }));
  }

  static <W> Action.Independent<Twin<W>> fork(Function<W, W> copy) {
    return () -> net.jqwik.api.Arbitraries.just(Transformer.<Twin<W>>mutate("fork (restore a snapshot)", tw -> {
      tw.copy = copy.apply(tw.original);
      tw.forks++;
    }));
  }

  static <W> void sameAnswers(Twin<W> tw, Function<W, Alliance> alliance, Function<W, Clock> clock) {
    Alliance original = alliance.apply(tw.original);
    AllianceSnapshot s = original.snapshot();
    Alliance restored = Alliance.restore(s, clock.apply(tw.original));
    assertEquals(s, restored.snapshot(), "restore(s).snapshot() equals s");
    assertSameAnswers(original, restored);
    if (tw.copy != null) {
      assertSameAnswers(original, alliance.apply(tw.copy));
    }
  }

  // ----------------------------------------------------------------------------- membership

  @Property(tries = 120)
  void membership_restoredCopy_answersAndBehavesAlike(@ForAll("membershipChains") ActionChain<Twin<MembershipProperties.World>> chain) {
    chain.withInvariant("same answers", tw -> sameAnswers(tw, w -> w.alliance, w -> w.clock))
        .withInvariant("copy matches its model", tw -> {
          if (tw.copy != null) {
            MembershipProperties.matchesModel(tw.copy);
            MembershipProperties.historyIsSound(tw.copy);
          }
        })
        .run();
  }

  @Provide
  Arbitrary<ActionChain<Twin<MembershipProperties.World>>> membershipChains() {
    return ActionChain.<Twin<MembershipProperties.World>>startWith(() -> new Twin<>(new MembershipProperties.World()))
        .withAction(3, both(new MembershipProperties.ApplyAction()))
        .withAction(5, both(new MembershipProperties.ChangeAction()))
        .withAction(2, both(new MembershipProperties.EnactAction()))
        .withAction(1, both(Action.just(Transformer.mutate("advance clock",
            w -> w.clock.advance(java.time.Duration.ofHours(7))))))
        .withAction(1, fork(MembershipProperties.World::new))
        .withMaxTransformations(40);
  }

  // ----------------------------------------------------------------------------- cards

  @Property(tries = 120)
  void cards_restoredCopy_answersAndBehavesAlike(@ForAll("cardChains") ActionChain<Twin<CardProperties.World>> chain) {
    chain.withInvariant("same answers", tw -> sameAnswers(tw, w -> w.alliance, w -> w.clock))
        .withInvariant("copy matches its model", tw -> {
          if (tw.copy != null) {
            CardProperties.invariants(tw.copy);
          }
        })
        .run();
  }

  @Provide
  Arbitrary<ActionChain<Twin<CardProperties.World>>> cardChains() {
    return ActionChain.<Twin<CardProperties.World>>startWith(() -> new Twin<>(new CardProperties.World()))
        .withAction(3, both(CardProperties.issue()))
        .withAction(3, both(CardProperties.move()))
        .withAction(1, both(CardProperties.renew()))
        .withAction(6, both(CardProperties.use()))
        .withAction(1, both(CardProperties.erase()))
        .withAction(2, both(Action.just(Transformer.mutate("next day", w -> w.clock.advance(java.time.Duration.ofDays(1))))))
        .withAction(1, fork(CardProperties.World::new))
        .withMaxTransformations(50);
  }

  // ----------------------------------------------------------------------------- comparison

  /** Every query of the alliance's API answers alike on both. */
  static void assertSameAnswers(Alliance a, Alliance b) {
    assertEquals(a.id(), b.id());
    assertEquals(a.roles(), b.roles());
    assertEquals(a.today(), b.today());
    assertEquals(a.toString(), b.toString());
    assertEquals(a.members(), b.members());
    assertEquals(a.communities(), b.communities());
    assertEquals(a.events(), b.events());
    assertEquals(a.snapshot(), b.snapshot());
    for (Member m : a.members()) {
      assertEquals(a.member(m.id()), b.member(m.id()));
      assertEquals(a.status(m.id()), b.status(m.id()), "status of " + m.id());
      assertEquals(a.history(m.id()), b.history(m.id()), "history of " + m.id());
      assertEquals(a.followersOf(m.id()), b.followersOf(m.id()), "followers of " + m.id());
      for (MembershipEvent e : a.history(m.id())) {
        assertEquals(a.statusAt(m.id(), e.at()), b.statusAt(m.id(), e.at()));
        assertEquals(a.statusAt(m.id(), e.at().minusNanos(1)), b.statusAt(m.id(), e.at().minusNanos(1)));
      }
    }
    for (MembershipEvent e : a.events()) {
      e.resolutionId().ifPresent(r -> assertEquals(a.enacted(r), b.enacted(r), "enacted " + r));
    }
    List<Period> periods = periods(a.today());
    assertEquals(a.pledges(), b.pledges());
    for (Pledge p : a.pledges()) {
      assertEquals(a.pledge(p.id()), b.pledge(p.id()));
      assertEquals(a.deliveries(p.id()), b.deliveries(p.id()), "deliveries of " + p.id());
      for (Period period : periods) {
        Fulfilment fa = a.fulfilment(p.id(), period);
        Fulfilment fb = b.fulfilment(p.id(), period);
        assertEquals(List.of(fa.pledgeId(), fa.period(), fa.pledged(), fa.delivered(), fa.ratio()),
            List.of(fb.pledgeId(), fb.period(), fb.pledged(), fb.delivered(), fb.ratio()), "fulfilment of " + p.id());
        assertEquals(a.delivered(p.member(), period), b.delivered(p.member(), period));
      }
    }
    assertEquals(a.cards(), b.cards());
    for (BenefitCard c : a.cards()) {
      assertEquals(a.card(c.id()), b.card(c.id()));
      for (Pledge p : a.pledges()) {
        assertEquals(a.opens(c.id(), p.id()), b.opens(c.id(), p.id()), "opens " + c.id() + " x " + p.id());
      }
    }
    for (String community : a.communities()) {
      assertEquals(figures(a.figures(community)), figures(b.figures(community)), "figures of " + community);
      for (int days : new int[] {-30, -1, 7}) {
        LocalDate d = a.today().plusDays(days);
        assertEquals(figures(a.figures(community, d)), figures(b.figures(community, d)), "figures of " + community + " on " + d);
      }
      for (Period period : periods) {
        assertEquals(a.usageObservations(community, period), b.usageObservations(community, period), "usage " + period);
      }
    }
  }

  static List<Period> periods(LocalDate today) {
    List<Period> out = new ArrayList<>();
    out.add(Period.of(Cadence.WEEK.start(today), Cadence.WEEK.next(today)));
    out.add(Period.month(YearMonth.from(today)));
    out.add(Period.of(today.minusDays(60), today.plusDays(1)));
    out.add(Period.year(today.getYear()));
    return out;
  }

  /** AllianceFigures has no equals: its parts. */
  static List<Object> figures(AllianceFigures f) {
    return List.of(f.community(), f.asOf(), f.members(), f.membersByKind(), f.projects(), f.freeProjects(), f.projectsByDomain(),
        f.freeProjectsByDomain(), f.projectsByKind(), f.cardHolders(), f.observations(Period.year(f.asOf().getYear())));
  }
}
