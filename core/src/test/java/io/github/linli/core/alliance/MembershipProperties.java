package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Label;
import io.github.linli.core.LinliException;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.governance.Charter;
import io.github.linli.core.governance.Choice;
import io.github.linli.core.governance.DecisionRule;
import io.github.linli.core.governance.JointMeeting;
import io.github.linli.core.governance.Motion;
import io.github.linli.core.governance.MotionKind;
import io.github.linli.core.governance.Outcome;
import io.github.linli.core.governance.Party;
import io.github.linli.core.governance.QuorumRule;
import io.github.linli.core.governance.Resolution;
import io.github.linli.core.governance.Seat;
import io.github.linli.core.governance.Tally;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The membership lifecycle against a model: random applications, changes and resolutions by random
 * actors. Invariants: no illegal state or transition, no change without authority (a role allowed
 * for the action, or an enacted resolution), following sub-units share their parent's status, a
 * failed call changes nothing, the history is complete and ordered.
 */
class MembershipProperties {
  static final List<String> TOP = List.of("m0", "m1", "m2", "m3");
  static final List<String> SUBS = List.of("s0", "s1", "s2");
  static final List<String> ALL_IDS = List.of("m0", "m1", "m2", "m3", "s0", "s1", "s2", "ghost");
  static final List<Actor> ACTORS = List.of(
      Actor.of("admin", Role.ALLIANCE_ADMIN),
      Actor.of("party", Role.PARTY_COMMITTEE),
      Actor.of("rc", Role.RESIDENTS_COMMITTEE),
      Actor.of("coord", Role.COORDINATOR),
      Actor.of("resident", Role.RESIDENT),
      Actor.of("rep-m0", Role.MEMBER_REPRESENTATIVE),
      Actor.of("rep-s1", Role.MEMBER_REPRESENTATIVE),
      Actor.system());
  static final List<MembershipAction> CHANGES = List.of(
      MembershipAction.ADMIT, MembershipAction.SUSPEND, MembershipAction.REINSTATE, MembershipAction.WITHDRAW, MembershipAction.EXPEL);
  static final List<MotionKind> MEMBER_MOTIONS =
      List.of(MotionKind.ADMIT_MEMBER, MotionKind.SUSPEND_MEMBER, MotionKind.REINSTATE_MEMBER, MotionKind.EXPEL_MEMBER);

  /** The system under test and its model. */
  static final class World {
    final MutableClock clock;
    final Alliance alliance;
    final Map<MemberId, MemberStatus> model = new HashMap<>();
    final Map<MemberId, MemberId> follows = new HashMap<>();
    int meetings;

    World() {
      clock = MutableClock.shanghai();
      alliance = Alliance.create("club", clock);
    }

    /** A copy of another world: its alliance restored from a snapshot, its model copied. */
    World(World original) {
      clock = new MutableClock(original.clock.instant(), original.clock.getZone());
      alliance = Alliance.restore(original.alliance.snapshot(), clock);
      model.putAll(original.model);
      follows.putAll(original.follows);
      meetings = original.meetings;
    }

    @Override
    public String toString() {
      return "World" + model;
    }
  }

  @Property(tries = 150)
  void lifecycle_neverIllegal_neverWithoutAuthority(@ForAll("chains") ActionChain<World> chain) {
    chain.withInvariant("model", MembershipProperties::matchesModel).withInvariant("history", MembershipProperties::historyIsSound).run();
  }

  @Provide
  Arbitrary<ActionChain<World>> chains() {
    return ActionChain.<World>startWith(World::new)
        .withAction(3, new ApplyAction())
        .withAction(5, new ChangeAction())
        .withAction(2, new EnactAction())
        .withAction(1, Action.just(Transformer.mutate("advance clock", w -> w.clock.advance(Duration.ofHours(7)))))
        .withMaxTransformations(40);
  }

  static boolean allowed(Actor actor, String memberId, MembershipAction action) {
    for (Role r : actor.roles()) {
      if (action.defaultRoles().contains(r) && (r != Role.MEMBER_REPRESENTATIVE || actor.id().equals("rep-" + memberId))) {
        return true;
      }
    }
    return false;
  }

  static Member profile(String id, MemberId parent, boolean follows) {
    Member.Builder b = Member.builder().id(MemberId.of(id)).kind(MemberKind.RESIDENT_UNIT).name(Label.of("单位" + id, "unit " + id))
        .community("lishan").addRepresentative("rep-" + id);
    if (parent != null) {
      b.parent(parent).followsParent(follows);
    }
    return b.build();
  }

  /** Runs a call the model predicts: success, or exactly the predicted error with nothing changed. */
  static <T> Optional<T> expect(World w, Class<? extends LinliException> predicted, java.util.function.Supplier<T> call) {
    int events = w.alliance.events().size();
    Map<MemberId, MemberStatus> before = statuses(w);
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
      assertEquals(events, w.alliance.events().size(), "a failed call recorded an event");
      assertEquals(before, statuses(w), "a failed call changed a status");
      return Optional.empty();
    }
  }

  static Map<MemberId, MemberStatus> statuses(World w) {
    Map<MemberId, MemberStatus> m = new HashMap<>();
    for (Member member : w.alliance.members()) {
      m.put(member.id(), w.alliance.status(member.id()));
    }
    return m;
  }

  static void cascade(World w, MemberId parent) {
    for (Map.Entry<MemberId, MemberId> e : w.follows.entrySet()) {
      if (e.getValue().equals(parent)) {
        w.model.put(e.getKey(), w.model.get(parent));
        cascade(w, e.getKey());
      }
    }
  }

  /** Predicts a role-less change: null for success, else the error class. */
  static Class<? extends LinliException> predictTransition(World w, MemberId id, MembershipAction action) {
    if (!w.model.containsKey(id)) {
      return NotFoundException.class;
    }
    if (w.follows.containsKey(id) || !action.allowedFrom(w.model.get(id))) {
      return ConflictException.class;
    }
    return null;
  }

  static void applyToModel(World w, MemberId id, MembershipAction action) {
    w.model.put(id, action.to());
    cascade(w, id);
  }

  static final class ApplyAction implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      Arbitrary<String> ids = Arbitraries.of(ALL_IDS.subList(0, 7));
      Arbitrary<String> parents = Arbitraries.of("m0", "m1", "m2", "m3", "s0");
      return Combinators.combine(ids, Arbitraries.of(ACTORS), parents, Arbitraries.of(true, false))
          .as((id, actor, parentId, follows) -> Transformer.mutate(
              "apply " + id + (id.startsWith("s") ? " under " + parentId + (follows ? " following" : "") : "") + " by " + actor.id(),
              w -> {
                boolean sub = id.startsWith("s") && !parentId.equals(id);
                MemberId parent = sub ? MemberId.of(parentId) : null;
                Member m = profile(id, parent, sub && follows);
                Class<? extends LinliException> predicted = null;
                if (w.model.containsKey(m.id())) {
                  predicted = ConflictException.class;
                } else if (parent != null && !w.model.containsKey(parent)) {
                  predicted = NotFoundException.class;
                } else if (!allowed(actor, id, MembershipAction.APPLY)) {
                  predicted = PermissionDeniedException.class;
                } else if (m.followsParent() && w.model.get(parent).isFinal()) {
                  predicted = ConflictException.class;
                }
                Optional<MembershipEvent> e = expect(w, predicted, () -> w.alliance.apply(actor, m));
                if (e.isPresent()) {
                  w.model.put(m.id(), m.followsParent() ? w.model.get(parent) : MemberStatus.APPLIED);
                  if (m.followsParent()) {
                    w.follows.put(m.id(), parent);
                    assertEquals(parent, e.get().inheritedFrom().orElseThrow());
                  }
                }
              }));
    }
  }

  static final class ChangeAction implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      return Combinators.combine(Arbitraries.of(ALL_IDS), Arbitraries.of(CHANGES), Arbitraries.of(ACTORS))
          .as((id, action, actor) -> Transformer.mutate(action + " " + id + " by " + actor.id(), w -> {
            MemberId mid = MemberId.of(id);
            Class<? extends LinliException> predicted;
            if (!w.model.containsKey(mid)) {
              predicted = NotFoundException.class;
            } else if (!allowed(actor, id, action)) {
              predicted = PermissionDeniedException.class;
            } else {
              predicted = predictTransition(w, mid, action);
            }
            Optional<MembershipEvent> e = expect(w, predicted, () -> w.alliance.change(actor, mid, action));
            if (e.isPresent()) {
              assertEquals(action.to(), e.get().to());
              applyToModel(w, mid, action);
            }
          }));
    }
  }

  /** A three-seat meeting votes on a member motion; if adopted, the resolution is enacted (twice). */
  static final class EnactAction implements Action.Independent<World> {
    @Override
    public Arbitrary<Transformer<World>> transformer() {
      Arbitrary<Choice> choice = Arbitraries.of(Choice.values()).injectNull(0.25);
      return Combinators.combine(Arbitraries.of(ALL_IDS), Arbitraries.of(MEMBER_MOTIONS), choice.list().ofSize(3))
          .as((id, kind, votes) -> Transformer.mutate(kind + " " + id + " votes " + votes, w -> {
            Actor sec = Actor.of("sec", Role.MEETING_SECRETARY);
            List<Seat> seats = List.of(Seat.of("p", Party.PARTY_COMMITTEE), Seat.of("r", Party.RESIDENTS_COMMITTEE),
                Seat.of("v", Party.RESIDENT_REPRESENTATIVES));
            JointMeeting meeting = JointMeeting.convene(sec, "jm-" + (++w.meetings), Charter.of(QuorumRule.atLeast(2, 3),
                DecisionRule.MAJORITY_OF_VOTES_CAST), seats, w.clock);
            MemberId mid = MemberId.of(id);
            Motion motion;
            switch (kind) {
              case ADMIT_MEMBER:
                motion = Motion.admitMember(mid);
                break;
              case SUSPEND_MEMBER:
                motion = Motion.suspendMember(mid);
                break;
              case REINSTATE_MEMBER:
                motion = Motion.reinstateMember(mid);
                break;
              default:
                motion = Motion.expelMember(mid);
            }
            String motionId = meeting.propose(sec, motion);
            int yes = 0;
            int no = 0;
            int present = 0;
            for (int i = 0; i < 3; i++) {
              Choice c = votes.get(i);
              if (c != null) {
                meeting.vote(Actor.of(seats.get(i).participantId(), Role.RESIDENT), motionId, c);
                present++;
                yes += c == Choice.YES ? 1 : 0;
                no += c == Choice.NO ? 1 : 0;
              }
            }
            Tally t = meeting.close(sec, motionId);
            Outcome expected = present < 2 ? Outcome.NO_QUORUM : yes > no ? Outcome.ADOPTED : Outcome.REJECTED;
            assertEquals(expected, t.outcome(), t.toString());
            assertEquals(expected == Outcome.ADOPTED, t.resolution().isPresent(), "a resolution exactly when adopted");
            if (t.resolution().isEmpty()) {
              return;
            }
            Resolution r = t.resolution().get();
            MembershipAction action = kind.membershipAction().orElseThrow();
            Class<? extends LinliException> predicted = predictTransition(w, mid, action);
            Optional<MembershipEvent> e = expect(w, predicted, () -> w.alliance.enact(sec, r));
            if (e.isPresent()) {
              assertEquals(r.id(), e.get().resolutionId().orElseThrow());
              applyToModel(w, mid, action);
              expect(w, ConflictException.class, () -> w.alliance.enact(sec, r));
            } else {
              assertFalse(w.alliance.enacted(r.id()));
            }
          }));
    }
  }

  static void matchesModel(World w) {
    assertEquals(w.model.size(), w.alliance.members().size());
    for (Map.Entry<MemberId, MemberStatus> e : w.model.entrySet()) {
      assertEquals(e.getValue(), w.alliance.status(e.getKey()), "status of " + e.getKey());
    }
    for (Map.Entry<MemberId, MemberId> f : w.follows.entrySet()) {
      assertEquals(w.alliance.status(f.getValue()), w.alliance.status(f.getKey()), f.getKey() + " follows " + f.getValue());
    }
  }

  static void historyIsSound(World w) {
    List<MembershipEvent> events = w.alliance.events();
    Map<MemberId, MemberStatus> replay = new HashMap<>();
    List<java.time.Instant> times = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      MembershipEvent e = events.get(i);
      assertEquals(i + 1L, e.sequence());
      times.add(e.at());
      assertEquals(Optional.ofNullable(replay.get(e.member())), e.from(), "event from = previous to");
      if (e.inheritedFrom().isEmpty()) {
        if (e.action() == MembershipAction.APPLY) {
          assertTrue(e.from().isEmpty());
          assertEquals(MemberStatus.APPLIED, e.to());
        } else {
          assertTrue(e.action().allowedFrom(e.from().orElseThrow()), "illegal transition " + e);
          assertEquals(e.action().to(), e.to());
        }
      } else {
        assertEquals(w.follows.get(e.member()), e.inheritedFrom().get());
        assertEquals(replay.get(e.inheritedFrom().get()), e.to(), "inherited status is the parent's");
      }
      if (e.resolutionId().isPresent()) {
        assertEquals("resolution " + e.resolutionId().get(), e.authority());
        assertTrue(w.alliance.enacted(e.resolutionId().get()));
      } else {
        Role r = Role.valueOf(e.authority().substring("role ".length()));
        assertTrue(e.action().defaultRoles().contains(r), "no authority for " + e);
      }
      replay.put(e.member(), e.to());
    }
    for (int i = 1; i < times.size(); i++) {
      assertFalse(times.get(i).isBefore(times.get(i - 1)), "history out of order");
    }
    assertEquals(w.model, replay, "replaying the history gives the statuses");
  }
}
