package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.Label;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * The JSON codec against the membership and card chains (their action generators): after any
 * sequence of actions, {@code fromJson(toJson(s))} equals the snapshot {@code s}, reads back to the
 * same document, and the document of a restored copy is the same string (deterministic output).
 * And for any text in the free-text fields and any coordinates, the round trip is exact.
 */
class SnapshotJsonProperties {

  static void roundTrips(Alliance alliance, java.time.Clock clock) {
    AllianceSnapshot s = alliance.snapshot();
    String json = s.toJson();
    AllianceSnapshot read = AllianceSnapshot.fromJson(json);
    assertEquals(s, read, "fromJson(toJson(s)) equals s");
    assertEquals(json, read.toJson(), "toJson(fromJson(json)) is the same document");
    assertEquals(json, s.toJson(), "toJson is deterministic");
    assertEquals(json, Alliance.restore(read, clock).snapshot().toJson(), "a restored copy gives the same document");
  }

  @Property(tries = 80)
  void membership_snapshotJson_roundTrips(@ForAll("membershipChains") ActionChain<MembershipProperties.World> chain) {
    chain.withInvariant("json round trip", w -> roundTrips(w.alliance, w.clock)).run();
  }

  @Provide
  Arbitrary<ActionChain<MembershipProperties.World>> membershipChains() {
    return ActionChain.startWith(MembershipProperties.World::new)
        .withAction(3, new MembershipProperties.ApplyAction())
        .withAction(5, new MembershipProperties.ChangeAction())
        .withAction(2, new MembershipProperties.EnactAction())
        .withAction(1, Action.just(Transformer.mutate("advance clock", w -> w.clock.advance(java.time.Duration.ofMinutes(421)))))
        .withMaxTransformations(30);
  }

  @Property(tries = 80)
  void cards_snapshotJson_roundTrips(@ForAll("cardChains") ActionChain<CardProperties.World> chain) {
    chain.withInvariant("json round trip", w -> roundTrips(w.alliance, w.clock)).run();
  }

  @Provide
  Arbitrary<ActionChain<CardProperties.World>> cardChains() {
    return ActionChain.startWith(CardProperties.World::new)
        .withAction(3, CardProperties.issue())
        .withAction(3, CardProperties.move())
        .withAction(1, CardProperties.renew())
        .withAction(6, CardProperties.use())
        .withAction(1, CardProperties.erase())
        .withAction(2, Action.just(Transformer.mutate("next day", w -> w.clock.advance(java.time.Duration.ofDays(1)))))
        .withMaxTransformations(40);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMinLength(1).ofMaxLength(12),                        // any char, lone surrogates too
        Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(6),
        Arbitraries.of("😀", "\"", "\\", "\\u0000", "\u2028", "a\"b\\c", "\uD83D", "\uDE00\uD83D"))
        .filter(s -> !s.isBlank());
  }

  @Property(tries = 300)
  void anyText_andCoordinates_roundTripExactly(@ForAll("text") String zh, @ForAll("text") String en, @ForAll("text") String name,
      @ForAll("text") String phone, @ForAll("text") String actor,
      @ForAll("latitudes") double lat, @ForAll("longitudes") double lon) {
    AllianceSnapshot small = SnapshotJsonTest.small();
    Member m = Member.builder().from(small.members().get(0)).name(Label.of(zh, en)).contact(Contact.of(name, phone)).build();
    Pledge p = Pledge.builder().from(small.pledges().get(1)).place(Place.at(GeoPoint.of(lat, lon))).schedule(Label.of(en, zh)).build();
    MembershipEvent e = MembershipEvent.builder().sequence(1).member(m.id()).action(MembershipAction.APPLY)
        .to(MemberStatus.APPLIED).actorId(actor).authority(zh + actor).at(SnapshotJsonTest.T).build();
    AllianceSnapshot s = AllianceSnapshot.builder().from(small).members(List.of(m, small.members().get(1)))
        .pledges(List.of(small.pledges().get(0), p)).events(List.of(e, small.events().get(1))).build();
    String json = s.toJson();
    AllianceSnapshot read = AllianceSnapshot.fromJson(json);
    assertEquals(s, read);
    assertEquals(json, read.toJson());
    assertEquals(zh, read.members().get(0).name().zh());
    assertEquals(name, read.members().get(0).contact().orElseThrow().name());
  }

  @Provide
  Arbitrary<Double> latitudes() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-90, 90), Arbitraries.of(-90.0, 90.0, 0.0, -0.0, 1e-300, Double.MIN_VALUE,
        31.230416666666667));
  }

  @Provide
  Arbitrary<Double> longitudes() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-180, 180), Arbitraries.of(-180.0, 180.0, -0.0, 121.47370000000001));
  }
}
