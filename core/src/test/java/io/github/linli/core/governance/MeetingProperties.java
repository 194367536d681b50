package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Label;
import io.github.linli.core.LinliException;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.testing.MutableClock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Joint meetings against a model: random attendance, proxies, motions with random decision rules,
 * ballots by seated and non-seated people, closes and adjournment. Invariants: no double vote,
 * only seated participants' ballots, tallies add up, no resolution without quorum, a resolution
 * exactly when adopted, a failed call changes nothing.
 */
class MeetingProperties {
  static final List<Seat> SEATS = List.of(
      Seat.of("party-1", Party.PARTY_COMMITTEE),
      Seat.of("rc-1", Party.RESIDENTS_COMMITTEE),
      Seat.of("club-1", Party.ALLIANCE),
      Seat.of("unit-1", Party.MEMBER_UNITS),
      Seat.of("res-1", Party.RESIDENT_REPRESENTATIVES),
      Seat.of("res-2", Party.RESIDENT_REPRESENTATIVES));
  static final List<String> PEOPLE = List.of("party-1", "rc-1", "club-1", "unit-1", "res-1", "res-2", "stranger");
  static final Actor SECRETARY = Actor.of("sec", Role.MEETING_SECRETARY);

  /** The meeting and its model. */
  static final class World {
    final boolean proxiesAllowed;
    final MutableClock clock;
    final JointMeeting meeting;
    final Set<String> attendees = new HashSet<>();
    final Map<String, String> proxies = new HashMap<>();
    final Map<String, Map<String, Choice>> ballots = new LinkedHashMap<>();
    final Map<String, DecisionRule> rules = new HashMap<>();
    final Map<String, Outcome> closed = new HashMap<>();
    boolean adjourned;

    World(boolean proxiesAllowed) {
      this(proxiesAllowed, null, null);
    }

    /** A world whose meeting is kept in a store (in its own in-memory store if {@code store} is null). */
    World(boolean proxiesAllowed, io.github.linli.core.store.EventStore store, String tenant) {
      this.proxiesAllowed = proxiesAllowed;
      Charter c = proxiesAllowed
          ? Charter.of(QuorumRule.moreThanHalf().requiring(Party.PARTY_COMMITTEE), DecisionRule.MAJORITY_OF_VOTES_CAST).withProxies(2)
          : Charter.of(QuorumRule.atLeast(1, 3), DecisionRule.MAJORITY_OF_VOTES_CAST);
      clock = MutableClock.shanghai();
      meeting = store == null ? JointMeeting.convene(SECRETARY, "jm", c, SEATS, clock)
          : JointMeeting.convene(store, tenant, SECRETARY, "jm", c, SEATS, clock);
    }

    /** A copy of another world's model around another meeting (a restored copy) and its clock. */
    World(World from, JointMeeting meeting, MutableClock clock) {
      this.proxiesAllowed = from.proxiesAllowed;
      this.clock = clock;
      this.meeting = meeting;
      attendees.addAll(from.attendees);
      proxies.putAll(from.proxies);
      from.ballots.forEach((k, v) -> ballots.put(k, new LinkedHashMap<>(v)));
      rules.putAll(from.rules);
      closed.putAll(from.closed);
      adjourned = from.adjourned;
    }

    boolean seated(String id) {
      return !id.equals("stranger");
    }

    Set<String> present() {
      Set<String> p = new HashSet<>(attendees);
      proxies.forEach((principal, holder) -> {
        if (attendees.contains(holder)) {
          p.add(principal);
        }
      });
      return p;
    }

    boolean quorum() {
      Set<String> p = present();
      return proxiesAllowed ? 2 * p.size() > 6 && p.contains("party-1") : 3 * p.size() >= 6;
    }

    @Override
    public String toString() {
      return "World{attendees=" + attendees + ", proxies=" + proxies + ", ballots=" + ballots + ", closed=" + closed + "}";
    }
  }

  @Property(tries = 150)
  void meeting_withoutProxies_invariantsHold(@ForAll("withoutProxies") ActionChain<World> chain) {
    chain.withInvariant("model", MeetingProperties::invariants).run();
  }

  @Property(tries = 150)
  void meeting_withProxies_invariantsHold(@ForAll("withProxies") ActionChain<World> chain) {
    chain.withInvariant("model", MeetingProperties::invariants).run();
  }

  @Provide
  Arbitrary<ActionChain<World>> withoutProxies() {
    return chain(false);
  }

  @Provide
  Arbitrary<ActionChain<World>> withProxies() {
    return chain(true);
  }

  static Arbitrary<ActionChain<World>> chain(boolean proxies) {
    return chain(() -> new World(proxies));
  }

  static Arbitrary<ActionChain<World>> chain(Supplier<World> start) {
    return ActionChain.<World>startWith(start)
        .withAction(2, attend())
        .withAction(2, grantProxy())
        .withAction(2, propose())
        .withAction(8, vote())
        .withAction(3, voteFor())
        .withAction(2, close())
        .withAction(1, adjourn())
        .withMaxTransformations(40);
  }

  static Actor person(String id) {
    return Actor.of(id, Role.RESIDENT);
  }

  static <T> Optional<T> expect(World w, Class<? extends LinliException> predicted, Supplier<T> call) {
    String before = snapshot(w.meeting);
    try {
      T result = call.get();
      if (predicted != null) {
        fail("expected " + predicted.getSimpleName() + " but the call succeeded");
      }
      return Optional.of(result);
    } catch (LinliException e) {
      if (predicted == null || !predicted.isInstance(e)) {
        fail("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage() + " (predicted " + predicted + ")", e);
      }
      assertEquals(before, snapshot(w.meeting), "a failed call changed the meeting");
      return Optional.empty();
    }
  }

  static String snapshot(JointMeeting m) {
    StringBuilder b = new StringBuilder();
    b.append(new java.util.TreeSet<>(m.attendees())).append(new java.util.TreeMap<>(m.proxies())).append(m.isAdjourned());
    b.append(m.minutes());
    for (String id : m.motionIds()) {
      b.append(id).append(m.ballots(id)).append(m.tally(id).map(Tally::toString).orElse("open"));
    }
    return b.toString();
  }

  static Arbitrary<String> motionIds() {
    return Arbitraries.of("jm/1", "jm/2", "jm/3", "jm/4", "jm/9");
  }

  static Action.Independent<World> attend() {
    return () -> Arbitraries.of(PEOPLE).map(p -> Transformer.mutate("attend " + p, w -> {
      Class<? extends LinliException> predicted = !w.seated(p) ? PermissionDeniedException.class
          : w.adjourned ? ConflictException.class : null;
      if (expect(w, predicted, () -> w.meeting.attend(person(p))).isPresent()) {
        w.attendees.add(p);
      }
    }));
  }

  static Action.Independent<World> grantProxy() {
    return () -> Combinators.combine(Arbitraries.of(PEOPLE), Arbitraries.of(PEOPLE)).as((principal, holder) ->
        Transformer.mutate(principal + " gives proxy to " + holder, w -> {
          Class<? extends LinliException> predicted = null;
          if (!w.proxiesAllowed || !w.seated(principal)) {
            predicted = PermissionDeniedException.class;
          } else if (!w.seated(holder)) {
            predicted = NotFoundException.class;
          } else if (holder.equals(principal)) {
            predicted = ValidationException.class;
          } else if (w.adjourned || w.proxies.containsKey(principal) || w.proxies.containsKey(holder)
              || w.proxies.values().stream().filter(holder::equals).count() >= 2) {
            predicted = ConflictException.class;
          }
          if (expect(w, predicted, () -> {
            w.meeting.grantProxy(person(principal), holder);
            return true;
          }).isPresent()) {
            w.proxies.put(principal, holder);
          }
        }));
  }

  static Action.Independent<World> propose() {
    Arbitrary<DecisionRule> rule = Arbitraries.of(DecisionRule.values()).injectNull(0.3);
    Arbitrary<String> proposer = Arbitraries.of("party-1", "res-1", "stranger", "sec");
    return () -> Combinators.combine(proposer, rule).as((who, r) -> Transformer.mutate(who + " proposes (" + r + ")", w -> {
      Actor a = who.equals("sec") ? SECRETARY : person(who);
      Motion m = Motion.custom(Label.of("议题", "motion"), Map.of());
      Motion motion = r == null ? m : m.decidedBy(r);
      Class<? extends LinliException> predicted = who.equals("stranger") ? PermissionDeniedException.class
          : w.adjourned ? ConflictException.class : null;
      Optional<String> id = expect(w, predicted, () -> w.meeting.propose(a, motion));
      if (id.isPresent()) {
        assertEquals("jm/" + (w.ballots.size() + 1), id.get());
        w.ballots.put(id.get(), new LinkedHashMap<>());
        w.rules.put(id.get(), r == null ? DecisionRule.MAJORITY_OF_VOTES_CAST : r);
      }
    }));
  }

  static Action.Independent<World> vote() {
    return () -> Combinators.combine(Arbitraries.of(PEOPLE), motionIds(), Arbitraries.of(Choice.values())).as((voter, motion, choice) ->
        Transformer.mutate(voter + " votes " + choice + " on " + motion, w -> {
          Class<? extends LinliException> predicted = null;
          if (!w.seated(voter)) {
            predicted = PermissionDeniedException.class;
          } else if (!w.ballots.containsKey(motion)) {
            predicted = NotFoundException.class;
          } else if (w.closed.containsKey(motion) || w.proxies.containsKey(voter) || w.ballots.get(motion).containsKey(voter)) {
            predicted = ConflictException.class;
          }
          if (expect(w, predicted, () -> w.meeting.vote(person(voter), motion, choice)).isPresent()) {
            w.ballots.get(motion).put(voter, choice);
            w.attendees.add(voter);
          }
        }));
  }

  static Action.Independent<World> voteFor() {
    return () -> Combinators.combine(Arbitraries.of(PEOPLE), Arbitraries.of(PEOPLE), motionIds(), Arbitraries.of(Choice.values()))
        .as((holder, principal, motion, choice) -> Transformer.mutate(holder + " votes " + choice + " for " + principal + " on " + motion, w -> {
          Class<? extends LinliException> predicted = null;
          if (!w.proxiesAllowed || !w.seated(holder) || !holder.equals(w.proxies.get(principal))) {
            predicted = PermissionDeniedException.class;
          } else if (!w.ballots.containsKey(motion)) {
            predicted = NotFoundException.class;
          } else if (w.closed.containsKey(motion) || w.ballots.get(motion).containsKey(principal)) {
            predicted = ConflictException.class;
          }
          if (expect(w, predicted, () -> w.meeting.voteFor(person(holder), principal, motion, choice)).isPresent()) {
            w.ballots.get(motion).put(principal, choice);
            w.attendees.add(holder);
          }
        }));
  }

  static Action.Independent<World> close() {
    return () -> Combinators.combine(motionIds(), Arbitraries.of(true, true, true, false))
        .as((motion, bySecretary) -> Transformer.mutate("close " + motion + (bySecretary ? "" : " by a participant"), w -> {
          Class<? extends LinliException> predicted = !bySecretary ? PermissionDeniedException.class
              : !w.ballots.containsKey(motion) ? NotFoundException.class
              : w.closed.containsKey(motion) ? ConflictException.class : null;
          Optional<Tally> t = expect(w, predicted, () -> w.meeting.close(bySecretary ? SECRETARY : person("party-1"), motion));
          if (t.isEmpty()) {
            return;
          }
          Map<String, Choice> b = w.ballots.get(motion);
          int yes = (int) b.values().stream().filter(c -> c == Choice.YES).count();
          int no = (int) b.values().stream().filter(c -> c == Choice.NO).count();
          int abstain = b.size() - yes - no;
          assertEquals(yes, t.get().yes());
          assertEquals(no, t.get().no());
          assertEquals(abstain, t.get().abstain());
          assertEquals(w.present().size(), t.get().present());
          assertEquals(w.quorum(), t.get().quorumMet());
          Outcome expected;
          if (!w.quorum()) {
            expected = Outcome.NO_QUORUM;
          } else {
            boolean adopted;
            switch (w.rules.get(motion)) {
              case MAJORITY_OF_VOTES_CAST:
                adopted = yes > no;
                break;
              case ABSOLUTE_MAJORITY_OF_SEATS:
                adopted = yes >= 4;
                break;
              default:
                adopted = yes >= 1 && 3 * yes >= 2 * (yes + no);
            }
            expected = adopted ? Outcome.ADOPTED : Outcome.REJECTED;
          }
          assertEquals(expected, t.get().outcome());
          w.closed.put(motion, expected);
        }));
  }

  static Action.Independent<World> adjourn() {
    return () -> Arbitraries.just(Transformer.mutate("adjourn", w -> {
      Class<? extends LinliException> predicted = w.adjourned || w.closed.size() < w.ballots.size() ? ConflictException.class : null;
      if (expect(w, predicted, () -> {
        w.meeting.adjourn(SECRETARY);
        return true;
      }).isPresent()) {
        w.adjourned = true;
      }
    }));
  }

  static void invariants(World w) {
    JointMeeting m = w.meeting;
    assertEquals(w.attendees, m.attendees());
    assertEquals(w.proxies, m.proxies());
    assertEquals(w.present(), m.present());
    assertEquals(List.copyOf(w.ballots.keySet()), m.motionIds());
    int adopted = 0;
    for (String id : m.motionIds()) {
      List<Ballot> ballots = m.ballots(id);
      Set<String> voters = new HashSet<>();
      for (Ballot b : ballots) {
        assertTrue(voters.add(b.voterId()), "double vote by " + b.voterId());
        assertTrue(w.seated(b.voterId()), "ballot of a non-seated person");
        if (b.byProxy()) {
          assertEquals(w.proxies.get(b.voterId()), b.castBy());
        }
        assertEquals(w.ballots.get(id).get(b.voterId()), b.choice());
      }
      assertEquals(w.ballots.get(id).size(), ballots.size());
      Optional<Tally> t = m.tally(id);
      assertEquals(w.closed.containsKey(id), t.isPresent());
      if (t.isPresent()) {
        Tally tally = t.get();
        assertEquals(tally.yes() + tally.no() + tally.abstain(), tally.ballots());
        assertEquals(ballots.size(), tally.ballots(), "tally adds up to the ballots");
        assertTrue(tally.ballots() <= tally.present() && tally.present() <= tally.seats());
        if (!tally.quorumMet()) {
          assertEquals(Outcome.NO_QUORUM, tally.outcome());
          assertTrue(tally.resolution().isEmpty(), "resolution without quorum");
        }
        assertEquals(tally.outcome() == Outcome.ADOPTED, tally.resolution().isPresent());
        if (tally.resolution().isPresent()) {
          adopted++;
          Resolution r = tally.resolution().get();
          assertEquals(id, r.id());
          assertTrue(r.rule().adopts(r.yes(), r.no(), r.seats()));
        }
      }
    }
    assertEquals(adopted, m.resolutions().size());
    // the minutes: one entry per successful change, numbered from 1, the convening first
    List<MinutesEntry> minutes = m.minutes();
    Map<MinutesEntry.Kind, Integer> kinds = new java.util.EnumMap<>(MinutesEntry.Kind.class);
    Set<String> attended = new HashSet<>();
    for (int i = 0; i < minutes.size(); i++) {
      MinutesEntry e = minutes.get(i);
      assertEquals(i + 1L, e.sequence());
      assertEquals(i == 0, e.kind() == MinutesEntry.Kind.CONVENED);
      kinds.merge(e.kind(), 1, Integer::sum);
      if (e.kind() == MinutesEntry.Kind.ATTENDED) {
        assertTrue(attended.add(e.actorId()) && w.attendees.contains(e.actorId()), "attendance recorded twice or of an absentee");
      }
    }
    assertEquals(w.proxies.size(), kinds.getOrDefault(MinutesEntry.Kind.PROXY_GRANTED, 0));
    assertEquals(w.ballots.size(), kinds.getOrDefault(MinutesEntry.Kind.MOTION_PROPOSED, 0));
    assertEquals(w.ballots.values().stream().mapToInt(Map::size).sum(),
        kinds.getOrDefault(MinutesEntry.Kind.VOTED, 0) + kinds.getOrDefault(MinutesEntry.Kind.VOTED_BY_PROXY, 0));
    assertEquals(w.closed.size(), kinds.getOrDefault(MinutesEntry.Kind.MOTION_CLOSED, 0));
    assertEquals(w.adjourned ? 1 : 0, kinds.getOrDefault(MinutesEntry.Kind.ADJOURNED, 0));
    assertFalse(m.toString().isEmpty());
    assertEquals(w.adjourned, m.isAdjourned());
  }
}
