package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.linli.core.Actor;
import io.github.linli.core.Label;
import io.github.linli.core.LinliException;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Consumer;
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
 * For random command sequences on two servers sharing one store (accepted and refused commands,
 * erasures, days passing, snapshots saved at random), the alliance loaded from the store equals the
 * live ones, and a refused command writes nothing.
 */
class AllianceStoreProperties {
  static final String[] MEMBERS = {"m-1", "m-2", "m-3"};
  static final String[] CARDS = {"c-1", "c-2", "c-3"};
  static final String[] RESIDENTS = {"r-1", "r-2"};
  static final Actor[] ACTORS = {
    Actor.of("staff", Role.ALLIANCE_ADMIN), Actor.of("rc", Role.RESIDENTS_COMMITTEE), Actor.of("rep-m-1", Role.MEMBER_REPRESENTATIVE),
    Actor.of("r-1", Role.RESIDENT), Actor.of("party", Role.PARTY_COMMITTEE)
  };
  static final Period VALID = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1));

  static final class World {
    final MutableClock clock = MutableClock.shanghai();
    final EventStore store = EventStores.inMemory(clock);
    final PersonalDataStore people = PersonalDataStore.inMemory(clock);
    final Alliance[] servers = {open(), open()};

    Alliance open() {
      return Alliance.builder("club", clock).store(store).personalData(people).snapshotEvery(0).build();
    }

    /** Runs a command on a server; a refused one must write nothing. */
    void run(int server, Consumer<Alliance> command) {
      Alliance a = servers[server];
      long head = store.head("club");
      try {
        command.accept(a);
      } catch (LinliException e) {
        assertEquals(head, store.head("club"), "a refused command wrote: " + e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "World{head " + store.head("club") + "}";
    }
  }

  @Property(tries = 60)
  void loadedFromStore_equalsLive(@ForAll("chains") ActionChain<World> chain) {
    chain.withInvariant("loaded equals live", AllianceStoreProperties::loadedEqualsLive).run();
  }

  static void loadedEqualsLive(World w) {
    Alliance loaded = w.open();
    for (Alliance a : w.servers) {
      a.refresh();
      assertEquals(a.snapshot(), loaded.snapshot());
      assertEquals(a.figures("lishan").toString(), loaded.figures("lishan").toString());
      assertEquals(a.usageObservations("lishan", VALID), loaded.usageObservations("lishan", VALID));
    }
  }

  @Provide
  Arbitrary<ActionChain<World>> chains() {
    return ActionChain.<World>startWith(World::new)
        .withAction(3, command("apply", Combinators.combine(Arbitraries.of(MEMBERS), Arbitraries.of(MEMBERS).injectNull(0.6),
            Arbitraries.of(true, false)).as((id, parent, follows) -> a -> {
              Member.Builder b = Member.builder().id(MemberId.of(id)).kind(MemberKind.MERCHANT).name(Label.of(id, id)).community("lishan")
                  .addRepresentative("rep-" + id);
              if (parent != null && !parent.equals(id)) {
                b.parent(MemberId.of(parent)).followsParent(follows);
              }
              if (id.equals("m-2")) {
                b.contact(Contact.of("李四", "13700000000"));
              }
              a.apply(ACTORS[0], b.build());
            })))
        .withAction(4, command("change", Combinators.combine(Arbitraries.of(ACTORS), Arbitraries.of(MEMBERS),
            Arbitraries.of(MembershipAction.ADMIT, MembershipAction.SUSPEND, MembershipAction.REINSTATE, MembershipAction.WITHDRAW))
            .as((actor, id, action) -> a -> a.change(actor, MemberId.of(id), action))))
        .withAction(2, command("pledge", Arbitraries.of(MEMBERS).map(id -> a -> a.pledge(ACTORS[0], Pledge.builder().id("p-" + id)
            .member(MemberId.of(id)).title(Label.of("义诊", "clinic")).domain(ServiceDomain.HEALTHCARE).addTier(MaslowTier.SAFETY)
            .price(PledgePrice.free()).capacity(3).cadence(Cadence.WEEK).eligibility(PledgeEligibility.builder().minAge(60).build())
            .validity(VALID).build()))))
        .withAction(3, command("issue", Combinators.combine(Arbitraries.of(CARDS), Arbitraries.of(RESIDENTS), Arbitraries.of(ACTORS),
            Arbitraries.of(true, false)).as((id, r, actor, born) -> a -> {
              BenefitCard.Builder b = BenefitCard.builder().id(id).holder(ResidentId.of(r)).validUntil(a.today().plusDays(20));
              if (born) {
                b.birthDate(LocalDate.of(1950, 1, 1)).area("cell-1");
              }
              a.issueCard(actor, b.build());
            })))
        .withAction(2, command("card", Combinators.combine(Arbitraries.of(CARDS), Arbitraries.integers().between(0, 3))
            .as((id, k) -> a -> {
              if (k == 0) {
                a.suspendCard(ACTORS[0], id);
              } else if (k == 1) {
                a.reinstateCard(ACTORS[0], id);
              } else if (k == 2) {
                a.revokeCard(ACTORS[0], id);
              } else {
                a.renewCard(ACTORS[0], id, a.today().plusDays(40));
              }
            })))
        .withAction(4, command("use", Combinators.combine(Arbitraries.of(CARDS), Arbitraries.of(MEMBERS))
            .as((c, m) -> a -> a.recordUse(ACTORS[0], c, "p-" + m))))
        .withAction(1, command("deliver", Arbitraries.of(MEMBERS).map(m -> a -> a.recordDelivery(ACTORS[0], "p-" + m, 2))))
        .withAction(1, command("erase", Combinators.combine(Arbitraries.of(RESIDENTS), Arbitraries.of(ACTORS))
            .as((r, actor) -> a -> a.erasePersonalData(actor, ResidentId.of(r)))))
        .withAction(1, command("eraseContact", Arbitraries.of(ACTORS).map(actor -> a -> a.eraseContact(actor, MemberId.of("m-2")))))
        .withAction(1, command("retry", Combinators.combine(Arbitraries.of("k-1", "k-2"), Arbitraries.of(MEMBERS))
            .as((key, m) -> a -> a.withCommandId(key).admit(ACTORS[0], MemberId.of(m)))))
        .withAction(1, command("snapshot", Arbitraries.just(Alliance::saveSnapshots)))
        .withAction(2, Action.just(Transformer.mutate("next day", w -> w.clock.advance(Duration.ofDays(1)))))
        .withMaxTransformations(40);
  }

  static Action.Independent<World> command(String name, Arbitrary<Consumer<Alliance>> commands) {
    return () -> Combinators.combine(commands, Arbitraries.integers().between(0, 1))
        .as((c, server) -> Transformer.mutate(name + " on server " + server, w -> w.run(server, c)));
  }
}
