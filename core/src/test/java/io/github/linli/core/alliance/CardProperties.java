package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Label;
import io.github.linli.core.LinliException;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Benefit cards against a model: issue, suspend, reinstate, revoke, renew, uses, time passing.
 * Invariants: at most one live card per resident; statuses and validity as the model says; a use is
 * recorded only when the card opens the pledge; uses never exceed the weekly capacity.
 */
class CardProperties {
  static final Actor ADMIN = Actor.of("staff-1", Role.ALLIANCE_ADMIN);
  static final List<String> CARDS = List.of("c0", "c1", "c2", "c3", "c4", "c5");
  static final List<String> RESIDENTS = List.of("r0", "r1", "r2");
  static final int CAPACITY = 3;

  static final class CardModel {
    final String resident;
    LocalDate birth;
    CardStatus status = CardStatus.ACTIVE;
    LocalDate validUntil;

    CardModel(String resident, LocalDate birth, LocalDate validUntil) {
      this.resident = resident;
      this.birth = birth;
      this.validUntil = validUntil;
    }
  }

  static final class World {
    final MutableClock clock;
    final Alliance alliance;
    final Map<String, CardModel> cards = new HashMap<>();
    final List<LocalDate> uses = new ArrayList<>();

    /** A copy of another world: its alliance restored from a snapshot, its model copied. */
    World(World original) {
      clock = new MutableClock(original.clock.instant(), original.clock.getZone());
      alliance = Alliance.restore(original.alliance.snapshot(), clock);
      original.cards.forEach((id, c) -> {
        CardModel copy = new CardModel(c.resident, c.birth, c.validUntil);
        copy.status = c.status;
        cards.put(id, copy);
      });
      uses.addAll(original.uses);
    }

    World() {
      clock = MutableClock.shanghai();
      alliance = Alliance.create("club", clock);
      alliance.apply(ADMIN, Member.builder().id(MemberId.of("m")).kind(MemberKind.MERCHANT).name(Label.of("甲", "A")).community("c").build());
      alliance.admit(ADMIN, MemberId.of("m"));
      alliance.pledge(ADMIN, Pledge.builder().id("p").member(MemberId.of("m")).title(Label.of("理发", "haircut"))
          .domain(ServiceDomain.DAILY_LIVING).addTier(MaslowTier.PHYSIOLOGICAL).price(PledgePrice.discount(30))
          .capacity(CAPACITY).cadence(Cadence.WEEK).eligibility(PledgeEligibility.builder().minAge(18).build())
          .validity(Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1))).build());
    }

    LocalDate today() {
      return alliance.today();
    }

    @Override
    public String toString() {
      return "World{" + today() + ", uses=" + uses.size() + "}";
    }
  }

  @Property(tries = 150)
  void cards_invariantsHold(@ForAll("chains") ActionChain<World> chain) {
    chain.withInvariant("model", CardProperties::invariants).run();
  }

  @Provide
  Arbitrary<ActionChain<World>> chains() {
    return ActionChain.<World>startWith(World::new)
        .withAction(3, issue())
        .withAction(3, move())
        .withAction(1, renew())
        .withAction(6, use())
        .withAction(2, Action.just(Transformer.mutate("next day", w -> w.clock.advance(Duration.ofDays(1)))))
        .withMaxTransformations(50);
  }

  static <T> Optional<T> expect(World w, Class<? extends LinliException> predicted, Supplier<T> call) {
    String before = w.alliance.cards().toString() + w.alliance.deliveries("p");
    try {
      T t = call.get();
      if (predicted != null) {
        fail("expected " + predicted.getSimpleName() + " but the call succeeded");
      }
      return Optional.of(t);
    } catch (LinliException e) {
      if (predicted == null || !predicted.isInstance(e)) {
        fail("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage() + " (predicted " + predicted + ")", e);
      }
      assertEquals(before, w.alliance.cards().toString() + w.alliance.deliveries("p"), "a failed call changed something");
      return Optional.empty();
    }
  }

  static Action.Independent<World> issue() {
    Arbitrary<LocalDate> birth = Arbitraries.of(LocalDate.of(1950, 3, 1), LocalDate.of(2010, 6, 1)).injectNull(0.2);
    return () -> Combinators.combine(Arbitraries.of(CARDS), Arbitraries.of(RESIDENTS), birth, Arbitraries.integers().between(1, 20))
        .as((id, resident, born, days) -> Transformer.mutate("issue " + id + " to " + resident + " valid " + days + " days", w -> {
          LocalDate until = w.today().plusDays(days);
          boolean live = w.cards.values().stream().anyMatch(c -> c.resident.equals(resident) && c.status != CardStatus.REVOKED);
          Class<? extends LinliException> predicted = w.cards.containsKey(id) || live ? ConflictException.class : null;
          BenefitCard.Builder b = BenefitCard.builder().id(id).holder(ResidentId.of(resident)).validUntil(until);
          if (born != null) {
            b.birthDate(born);
          }
          if (expect(w, predicted, () -> w.alliance.issueCard(ADMIN, b.build())).isPresent()) {
            w.cards.put(id, new CardModel(resident, born, until));
          }
        }));
  }

  static Action.Independent<World> move() {
    return () -> Combinators.combine(Arbitraries.of(CARDS), Arbitraries.of(CardStatus.values())).as((id, to) ->
        Transformer.mutate(to + " " + id, w -> {
          CardModel c = w.cards.get(id);
          Class<? extends LinliException> predicted;
          if (c == null) {
            predicted = NotFoundException.class;
          } else if (to == CardStatus.ACTIVE) {
            predicted = c.status == CardStatus.SUSPENDED ? null : ConflictException.class;
          } else if (to == CardStatus.SUSPENDED) {
            predicted = c.status == CardStatus.ACTIVE ? null : ConflictException.class;
          } else {
            predicted = c.status == CardStatus.REVOKED ? ConflictException.class : null;
          }
          Supplier<BenefitCard> call = to == CardStatus.ACTIVE ? () -> w.alliance.reinstateCard(ADMIN, id)
              : to == CardStatus.SUSPENDED ? () -> w.alliance.suspendCard(ADMIN, id) : () -> w.alliance.revokeCard(ADMIN, id);
          if (expect(w, predicted, call).isPresent()) {
            c.status = to;
          }
        }));
  }

  static Action.Independent<World> renew() {
    return () -> Combinators.combine(Arbitraries.of(CARDS), Arbitraries.integers().between(-3, 30)).as((id, days) ->
        Transformer.mutate("renew " + id + " to today+" + days, w -> {
          CardModel c = w.cards.get(id);
          LocalDate until = w.today().plusDays(days);
          Class<? extends LinliException> predicted;
          if (c == null) {
            predicted = NotFoundException.class;
          } else if (c.status == CardStatus.REVOKED) {
            predicted = ConflictException.class;
          } else if (!until.isAfter(c.validUntil) || until.isBefore(w.today())) {
            predicted = ValidationException.class;
          } else {
            predicted = null;
          }
          if (expect(w, predicted, () -> w.alliance.renewCard(ADMIN, id, until)).isPresent()) {
            c.validUntil = until;
          }
        }));
  }

  static Action.Independent<World> use() {
    return () -> Arbitraries.of(CARDS).map(id -> Transformer.mutate("use " + id, w -> {
      CardModel c = w.cards.get(id);
      LocalDate today = w.today();
      LocalDate weekStart = Cadence.WEEK.start(today);
      long thisWeek = w.uses.stream().filter(d -> !d.isBefore(weekStart) && d.isBefore(weekStart.plusDays(7))).count();
      Class<? extends LinliException> predicted;
      if (c == null) {
        predicted = NotFoundException.class;
      } else if (c.status != CardStatus.ACTIVE || c.validUntil.isBefore(today) || c.birth == null
          || java.time.Period.between(c.birth, today).getYears() < 18 || thisWeek >= CAPACITY) {
        predicted = ConflictException.class;
      } else {
        predicted = null;
      }
      if (expect(w, predicted, () -> w.alliance.recordUse(ADMIN, id, "p")).isPresent()) {
        w.uses.add(today);
      }
    }));
  }

  /** A resident asks for erasure: the cards keep their ids and status, the birth date is gone. */
  static Action.Independent<World> erase() {
    return () -> Arbitraries.of(RESIDENTS).map(r -> Transformer.mutate("erase " + r, w -> {
      int expected = 0;
      for (CardModel c : w.cards.values()) {
        if (c.resident.equals(r) && c.birth != null) {
          c.birth = null;
          expected++;
        }
      }
      assertEquals(expected, w.alliance.erasePersonalData(ADMIN, ResidentId.of(r)), "cards erased for " + r);
    }));
  }

  static void invariants(World w) {
    Map<ResidentId, Integer> live = new HashMap<>();
    for (BenefitCard c : w.alliance.cards()) {
      CardModel m = w.cards.get(c.id());
      assertEquals(m.status, c.status(), c.id());
      assertEquals(m.validUntil, c.validUntil(), c.id());
      if (c.status() != CardStatus.REVOKED) {
        live.merge(c.holder(), 1, Integer::sum);
      }
    }
    assertEquals(w.cards.size(), w.alliance.cards().size());
    live.values().forEach(n -> assertTrue(n <= 1, "two live cards for one resident"));
    List<Delivery> ds = w.alliance.deliveries("p");
    assertEquals(w.uses.size(), ds.size());
    Map<LocalDate, Integer> perWeek = new HashMap<>();
    for (Delivery d : ds) {
      perWeek.merge(Cadence.WEEK.start(LocalDate.ofInstant(d.at(), ZoneId.of("Asia/Shanghai"))), 1, Integer::sum);
    }
    perWeek.values().forEach(n -> assertTrue(n <= CAPACITY, "weekly capacity exceeded"));
  }
}
