package io.github.linli.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Snapshot and restore against the meeting chains of {@link MeetingProperties} (their action
 * generators, their model): after any sequence of actions, {@code restore(snapshot())} answers every
 * query as the original does; and after a fork (a copy restored mid-run) the same further actions
 * on the original and on the copy give the same results and refusals: each copy is checked against
 * its own copy of the model (so the refusals it predicts happen in both), and the two meetings are
 * compared after every step; every snapshot's JSON document reads back equal. The clocks move a minute before every action, so every entry has its
 * own instant and the replay clock is exercised.
 */
class MeetingSnapshotProperties {

  /** The original world and, after a fork, its restored copy. */
  static final class Twin {
    final MeetingProperties.World original;
    MeetingProperties.World copy;
    int forks;

    Twin(MeetingProperties.World original) {
      this.original = original;
    }

    @Override
    public String toString() {
      return "Twin{" + original + ", forks=" + forks + "}";
    }
  }

  @Property(tries = 120)
  void withoutProxies_restoredCopy_answersAndBehavesAlike(@ForAll("withoutProxies") ActionChain<Twin> chain) {
    run(chain);
  }

  @Property(tries = 120)
  void withProxies_restoredCopy_answersAndBehavesAlike(@ForAll("withProxies") ActionChain<Twin> chain) {
    run(chain);
  }

  static void run(ActionChain<Twin> chain) {
    chain.withInvariant("same answers", MeetingSnapshotProperties::sameAnswers)
        .withInvariant("original matches its model", tw -> MeetingProperties.invariants(tw.original))
        .withInvariant("copy matches its model", tw -> {
          if (tw.copy != null) {
            MeetingProperties.invariants(tw.copy);
          }
        })
        .run();
  }

  @Provide
  Arbitrary<ActionChain<Twin>> withoutProxies() {
    return chain(false);
  }

  @Provide
  Arbitrary<ActionChain<Twin>> withProxies() {
    return chain(true);
  }

  static Arbitrary<ActionChain<Twin>> chain(boolean proxies) {
    return ActionChain.<Twin>startWith(() -> new Twin(new MeetingProperties.World(proxies)))
        .withAction(2, both(MeetingProperties.attend()))
        .withAction(2, both(MeetingProperties.grantProxy()))
        .withAction(2, both(MeetingProperties.propose()))
        .withAction(8, both(MeetingProperties.vote()))
        .withAction(3, both(MeetingProperties.voteFor()))
        .withAction(2, both(MeetingProperties.close()))
        .withAction(1, both(MeetingProperties.adjourn()))
        .withAction(2, fork())
        .withMaxTransformations(40);
  }

  /** The same action, a minute later, on the original and, once forked, on the copy. */
  static Action.Independent<Twin> both(Action.Independent<MeetingProperties.World> action) {
    return () -> action.transformer().map(t -> Transformer.mutate(t.transformation(), tw -> {
      tw.original.clock.advance(Duration.ofMinutes(1));
      t.apply(tw.original);
      if (tw.copy != null) {
        tw.copy.clock.advance(Duration.ofMinutes(1));
        t.apply(tw.copy);
      }
    }));
  }

  /** Restores a copy from the original's snapshot, with its own clock at the same instant. */
  static Action.Independent<Twin> fork() {
    return () -> Arbitraries.just(Transformer.<Twin>mutate("fork (restore a snapshot)", tw -> {
      MutableClock clock = new MutableClock(tw.original.clock.instant(), tw.original.clock.getZone());
      JointMeeting restored = JointMeeting.restore(tw.original.meeting.snapshot(), clock);
      tw.copy = new MeetingProperties.World(tw.original, restored, clock);
      tw.forks++;
    }));
  }

  static void sameAnswers(Twin tw) {
    JointMeeting original = tw.original.meeting;
    JointMeetingSnapshot s = original.snapshot();
    JointMeeting restored = JointMeeting.restore(s, tw.original.clock);
    assertEquals(s, restored.snapshot(), "restore(s).snapshot() equals s");
    assertEquals(s, JointMeetingSnapshot.fromJson(s.toJson()), "the JSON document reads back equal");
    assertSameAnswers(original, restored);
    if (tw.copy != null) {
      assertSameAnswers(original, tw.copy.meeting);
    }
  }

  static void assertSameAnswers(JointMeeting a, JointMeeting b) {
    assertEquals(a.id(), b.id());
    assertEquals(a.charter(), b.charter());
    assertEquals(a.seats(), b.seats());
    assertEquals(a.convenedAt(), b.convenedAt());
    assertEquals(a.convenedBy(), b.convenedBy());
    assertEquals(a.attendees(), b.attendees());
    assertEquals(a.present(), b.present());
    assertEquals(a.quorumMet(), b.quorumMet());
    assertEquals(a.proxies(), b.proxies());
    assertEquals(a.motionIds(), b.motionIds());
    for (String id : a.motionIds()) {
      assertEquals(a.motion(id), b.motion(id));
      assertEquals(a.ballots(id), b.ballots(id));
      Optional<Tally> ta = a.tally(id);
      Optional<Tally> tb = b.tally(id);
      assertEquals(ta.map(Tally::toString), tb.map(Tally::toString));
      assertEquals(ta.flatMap(Tally::resolution), tb.flatMap(Tally::resolution));
      assertEquals(ta.flatMap(Tally::resolution).map(Resolution::toString), tb.flatMap(Tally::resolution).map(Resolution::toString));
    }
    assertEquals(a.resolutions(), b.resolutions());
    assertEquals(a.isAdjourned(), b.isAdjourned());
    assertEquals(a.minutes(), b.minutes());
    assertEquals(a.toString(), b.toString());
  }
}
