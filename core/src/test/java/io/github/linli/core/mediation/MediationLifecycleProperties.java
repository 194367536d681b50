package io.github.linli.core.mediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.LinliException;
import io.github.linli.core.MemberId;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.store.StreamId;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of case operations by random actors, on a case between three parties (two
 * residents and a merchant). Every operation either succeeds or fails with a typed Linli error and
 * appends nothing. Invariants after every step: no agreement is in force without every party's
 * acceptance; no assigned mediator has a conflict of interest; a closed case reopens only by a
 * breach found at a follow-up or by a party within the window; the ladder only goes up; and a desk
 * loaded from the store equals the live one.
 */
class MediationLifecycleProperties {
  static final Actor COORD = Actor.of("coord", Role.COORDINATOR);
  static final Actor RC = Actor.of("rc", Role.RESIDENTS_COMMITTEE);
  static final Actor PC = Actor.of("pc", Role.PARTY_COMMITTEE);
  static final Actor ZHANG = Actor.of("r-zhang", Role.RESIDENT);
  static final Actor LI = Actor.of("r-li", Role.RESIDENT);
  static final Actor GRILL = Actor.of("rep-grill", Role.MEMBER_REPRESENTATIVE);
  static final Actor MED = Actor.of("med-ok", Role.RESIDENT);
  static final Actor MED_MEMBER = Actor.of("med-member", Role.MEMBER_REPRESENTATIVE);
  static final Actor OTHER = Actor.of("r-other", Role.RESIDENT);
  static final Actor EVAL = Actor.of("eval", Role.EVALUATOR);
  static final Actor[] ACTORS = {COORD, RC, PC, ZHANG, LI, GRILL, MED, MED_MEMBER, OTHER, EVAL};
  static final String[] PARTIES = {"r-zhang", "r-li", "m-grill", "m-nobody"};
  /** Only med-ok may mediate: the others are a party, act for one, belong to one, or are not authorised. */
  static final String[] MEDIATORS = {"med-ok", "med-member", "rep-grill", "r-zhang", "unlisted"}; // med-ok drawn 6 times in 10
  static final Duration WINDOW = MediationRules.defaults().reopenWindow();

  enum Op { ASSIGN, SESSION, PROPOSE, ACCEPT, DECLINE, FOLLOW_UP, CLOSE, REOPEN, ESCALATE, WITHDRAW, FLAG, WAIT }

  static final class World {
    final MutableClock clock = MutableClock.shanghai();
    final EventStore store = EventStores.inMemory(clock);
    final PersonalDataStore people = PersonalDataStore.inMemory(clock);
    final Mediation desk = Mediation.open(store, "lishan", clock, people);
    DisputeCase current;
    int steps;

    World() {
      desk.authoriseMediator(RC, Mediator.peoples("med-ok"));
      desk.authoriseMediator(RC, Mediator.ofMember("med-member", MemberId.of("m-grill")));
      desk.authoriseMediator(RC, Mediator.communityWorker("rep-grill"));
      desk.authoriseMediator(RC, Mediator.peoples("r-zhang"));
      current = desk.file(ZHANG, CaseFiling.builder().id("c-1")
          .addParty(DisputeParty.resident(ResidentId.of("r-zhang")))
          .addParty(DisputeParty.resident(ResidentId.of("r-li")))
          .addParty(DisputeParty.organisation(PartyKind.MERCHANT, MemberId.of("m-grill"), "rep-grill"))
          .category(DisputeCategory.NOISE).facts("楼下烧烤店每晚十二点还在营业，吵得老人睡不着").gridCell("B2").build());
      // start in mediation with a proposal pending, so that short chains reach agreements and breaches
      desk.assignMediator(COORD, "c-1", "med-ok");
      current = desk.propose(MED, "c-1", List.of(AgreementTerm.of("t0", "m-grill", LocalDate.of(2026, 12, 31), "晚上十点后停止营业")));
    }

    long version() {
      return store.version(StreamId.of("lishan", "dispute", "c-1"));
    }

    World apply(Op op, Actor actor, int pick, int days, boolean breach) {
      DisputeCase before = current;
      long version = version();
      Instant now = clock.instant();
      DisputeCase after;
      try {
        after = run(op, actor, pick, days, breach);
      } catch (LinliException e) {
        assertEquals(before, desk.find(COORD, "c-1").orElseThrow(), op + " by " + actor + " failed (" + e + ") but changed the case");
        assertEquals(version, version(), op + " failed but appended");
        return this;
      }
      if (op == Op.WAIT) {
        return this;
      }
      steps++;
      // a closed case reopens only by a breach found at a follow-up, or by a party within the window
      if (before.state() == CaseState.CLOSED && after.state() != CaseState.CLOSED) {
        boolean breached = op == Op.FOLLOW_UP && after.followUps().get(after.followUps().size() - 1).breached();
        boolean byParty = op == Op.REOPEN && before.involves(actor.id())
            && !now.isAfter(before.closedAt().orElseThrow().plus(WINDOW));
        assertTrue(breached || byParty, "closed case moved to " + after.state() + " by " + op + " of " + actor);
        assertEquals(CaseState.MEDIATING, after.state());
      }
      if (op == Op.ASSIGN) {
        assertEquals("med-ok", after.mediator().orElseThrow(), "only the mediator without a conflict of interest is assigned");
      }
      current = after;
      return this;
    }

    private DisputeCase run(Op op, Actor actor, int pick, int days, boolean breach) {
      // mostly the party the actor acts for, sometimes another (which must be refused)
      String own = actor == ZHANG ? "r-zhang" : actor == LI ? "r-li" : actor == GRILL ? "m-grill" : null;
      String party = own != null && pick % 4 != 3 ? own : PARTIES[pick % PARTIES.length];
      switch (op) {
        case ASSIGN:
          return desk.assignMediator(actor, "c-1", MEDIATORS[Math.max(0, pick % 10 - 5)]);
        case SESSION:
          return desk.recordSession(actor, "c-1", pick % 2 == 0 ? Set.of("r-zhang", "m-grill") : Set.of(party));
        case PROPOSE: {
          LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
          List<AgreementTerm> terms = new ArrayList<>();
          for (int i = 0; i <= pick % 3; i++) {
            terms.add(AgreementTerm.of("t" + i, PARTIES[(pick + i) % 3], today.plusDays(days - 5), "条款" + i));
          }
          return desk.propose(actor, "c-1", terms);
        }
        case ACCEPT:
          return desk.accept(actor, "c-1", party);
        case DECLINE:
          return desk.decline(actor, "c-1", party);
        case FOLLOW_UP: {
          Map<String, TermCheck> checks = new LinkedHashMap<>();
          List<AgreementTerm> terms = current.latestAgreement().map(MediationAgreement::terms).orElse(List.of());
          for (int i = 0; i < terms.size(); i++) {
            checks.put(terms.get(i).id(), breach && i == pick % terms.size() ? TermCheck.BREACHED : TermCheck.KEPT);
          }
          if (pick % 7 == 0) {
            checks.put("t-unknown", TermCheck.KEPT);
          }
          return desk.followUp(actor, "c-1", checks, pick % 6 == 5 ? OptionalInt.of(9) : OptionalInt.of(1 + pick % 5));
        }
        case CLOSE:
          return desk.close(actor, "c-1");
        case REOPEN:
          return desk.reopen(actor, "c-1", party);
        case ESCALATE:
          return desk.escalate(actor, "c-1", EscalationLevel.values()[pick % EscalationLevel.values().length],
              EscalationReason.values()[pick % EscalationReason.values().length]);
        case WITHDRAW:
          return desk.withdraw(actor, "c-1");
        case FLAG:
          return desk.flagRisk(actor, "c-1", RiskFlag.values()[pick % RiskFlag.values().length]);
        default:
          clock.advance(Duration.ofDays(days));
          return current;
      }
    }
  }

  @Property(tries = 120)
  void caseLifecycle_keepsItsRules(@ForAll("chains") ActionChain<World> chain) {
    chain.withInvariant("every party accepted every agreement in force", w -> {
      Set<String> parties = new HashSet<>();
      w.current.parties().forEach(p -> parties.add(p.id()));
      for (MediationAgreement a : w.current.agreements()) {
        boolean concluded = a.status() == AgreementStatus.IN_FORCE || a.status() == AgreementStatus.BREACHED;
        assertEquals(concluded, a.concludedAt().isPresent(), "agreement " + a.number());
        if (concluded) {
          assertEquals(parties, a.acceptedBy(), "agreement " + a.number() + " in force without every party");
        } else {
          assertFalse(a.acceptedBy().equals(parties), "every party accepted, yet not in force");
        }
      }
      if (w.current.state() == CaseState.AGREED) {
        assertEquals(AgreementStatus.IN_FORCE, w.current.latestAgreement().orElseThrow().status());
      }
      if (w.current.state() == CaseState.PROPOSED) {
        assertEquals(AgreementStatus.PROPOSED, w.current.latestAgreement().orElseThrow().status());
      }
    }).withInvariant("no mediator with a conflict of interest", w -> w.current.mediator().ifPresent(id -> {
      Mediator m = w.desk.mediators().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
      assertTrue(m.conflictWith(w.current.parties()).isEmpty(), id + " mediates with a conflict of interest");
    })).withInvariant("the ladder only goes up", w -> {
      EscalationLevel level = EscalationLevel.GRID;
      for (Escalation e : w.current.escalations()) {
        assertEquals(level, e.from());
        assertTrue(e.to().compareTo(e.from()) > 0);
        level = e.to();
      }
      assertEquals(level, w.current.level());
    }).withInvariant("replay equals live", w -> {
      Mediation reloaded = Mediation.open(w.store, "lishan", w.clock, w.people);
      assertEquals(w.current, reloaded.find(COORD, "c-1").orElseThrow());
      assertEquals(w.desk.cases(RC), reloaded.cases(RC));
    }).run();
    World end = chain.finalState().orElseThrow();
    net.jqwik.api.statistics.Statistics.label("state reached").collect(end.current.state());
    net.jqwik.api.statistics.Statistics.label("agreements").collect(Math.min(end.current.agreements().size(), 3));
    net.jqwik.api.statistics.Statistics.label("reopenings").collect(Math.min(end.current.reopenings(), 2));
  }

  @Provide
  Arbitrary<ActionChain<World>> chains() {
    Supplier<World> start = World::new;
    return ActionChain.<World>startWith(start).withAction(new Step()).withMaxTransformations(60);
  }

  /** One operation by one actor. Operations that move the case forward are drawn more often. */
  static final class Step implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      Arbitrary<Op> ops = Arbitraries.frequency(
          net.jqwik.api.Tuple.of(8, Op.ASSIGN), net.jqwik.api.Tuple.of(4, Op.SESSION), net.jqwik.api.Tuple.of(12, Op.PROPOSE),
          net.jqwik.api.Tuple.of(30, Op.ACCEPT), net.jqwik.api.Tuple.of(2, Op.DECLINE), net.jqwik.api.Tuple.of(12, Op.FOLLOW_UP),
          net.jqwik.api.Tuple.of(8, Op.CLOSE), net.jqwik.api.Tuple.of(6, Op.REOPEN), net.jqwik.api.Tuple.of(3, Op.ESCALATE),
          net.jqwik.api.Tuple.of(1, Op.WITHDRAW), net.jqwik.api.Tuple.of(2, Op.FLAG), net.jqwik.api.Tuple.of(8, Op.WAIT));
      Arbitrary<Actor> actors = Arbitraries.frequency(
          net.jqwik.api.Tuple.of(4, COORD), net.jqwik.api.Tuple.of(2, RC), net.jqwik.api.Tuple.of(1, PC),
          net.jqwik.api.Tuple.of(3, ZHANG), net.jqwik.api.Tuple.of(3, LI), net.jqwik.api.Tuple.of(3, GRILL),
          net.jqwik.api.Tuple.of(3, MED), net.jqwik.api.Tuple.of(1, MED_MEMBER), net.jqwik.api.Tuple.of(1, OTHER),
          net.jqwik.api.Tuple.of(1, EVAL));
      return Combinators.combine(ops, actors, Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 240),
              Arbitraries.of(true, false, false, false))
          .as((op, actor, pick, days, breach) -> Transformer.transform(op + " by " + actor.id() + " pick " + pick + " days " + days
              + (breach ? " breach" : ""), w -> ((World) w).apply(op, actor, pick, days, breach)));
    }
  }

  /** The property would prove little if the chains never reached the interesting states. */
  @Property(tries = 1)
  void chains_reachAgreementsBreachesAndReopenings() {
    World w = new World();
    w.apply(Op.ASSIGN, COORD, 6, 0, false);
    assertEquals(CaseState.PROPOSED, w.current.state(), "med-member belongs to m-grill: refused");
    w.apply(Op.DECLINE, LI, 0, 0, false);
    w.apply(Op.ASSIGN, COORD, 0, 0, false);
    w.apply(Op.PROPOSE, MED, 0, 30, false);
    w.apply(Op.ACCEPT, ZHANG, 0, 0, false);
    w.apply(Op.ACCEPT, LI, 1, 0, false);
    assertEquals(CaseState.PROPOSED, w.current.state(), "two of three parties are not an agreement");
    w.apply(Op.ACCEPT, GRILL, 2, 0, false);
    assertEquals(CaseState.AGREED, w.current.state());
    w.apply(Op.CLOSE, MED, 0, 0, false);
    w.apply(Op.WAIT, COORD, 0, 200, false);
    w.apply(Op.REOPEN, ZHANG, 0, 0, false);
    assertEquals(CaseState.CLOSED, w.current.state(), "past the window");
    w.apply(Op.FOLLOW_UP, COORD, 1, 0, true);
    assertEquals(CaseState.MEDIATING, w.current.state(), "a breach reopens");
    assertEquals(1, w.current.reopenings());
  }
}
