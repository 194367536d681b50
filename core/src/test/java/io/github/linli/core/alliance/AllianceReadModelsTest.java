package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.privacy.PersonalDataStore;
import io.github.linli.core.store.Db;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.EventStores;
import io.github.linli.core.testing.MutableClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Members by kind and status, pledges by domain: paged, kept from the feed, rebuilt to the same rows. */
class AllianceReadModelsTest {
  static final Actor ADMIN = Actor.of("staff", Role.ALLIANCE_ADMIN);

  @Test
  void h2_pagesFollowTheFeedAndRebuildToTheSameRows() {
    Db db = Db.h2();
    try {
      check(db);
    } finally {
      db.drop();
    }
  }

  @Test
  void postgres_pagesFollowTheFeedAndRebuildToTheSameRows() {
    Assumptions.assumeTrue(Db.postgresAnswers(), "PostgreSQL does not answer at " + Db.pgUrl());
    Db db = Db.postgres();
    try {
      check(db);
    } finally {
      db.drop();
    }
  }

  void check(Db db) {
    MutableClock clock = MutableClock.shanghai();
    EventStore store = EventStores.jdbc(db);
    Alliance a = Alliance.open(store, "lishan", clock, PersonalDataStore.inMemory(clock));
    Alliance other = Alliance.open(store, "other", clock, PersonalDataStore.inMemory(clock));
    for (int i = 1; i <= 23; i++) {
      MemberId id = MemberId.of(String.format("m-%02d", i));
      MemberKind kind = i % 3 == 0 ? MemberKind.SOCIAL_ORGANISATION : MemberKind.MERCHANT;
      a.apply(ADMIN, Member.builder().id(id).kind(kind).name(Label.of("店" + i, "shop " + i)).community("lishan").build());
      if (i % 2 == 0) {
        a.admit(ADMIN, id);
        a.pledge(ADMIN, Pledge.builder().id("p-" + i).member(id).title(Label.of("义诊", "clinic"))
            .domain(i % 4 == 0 ? ServiceDomain.HEALTHCARE : ServiceDomain.LEGAL).addTier(MaslowTier.SAFETY).price(PledgePrice.free())
            .capacity(10).validity(io.github.linli.core.Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1))).build());
      }
    }
    other.apply(ADMIN, Member.builder().id(MemberId.of("m-x")).kind(MemberKind.MERCHANT).name(Label.of("x", "x")).community("o").build());
    a.recordDelivery(ADMIN, "p-4", 3);
    a.recordDelivery(ADMIN, "p-4", 2);
    a.suspend(ADMIN, MemberId.of("m-02"));

    AllianceReadModels pages = AllianceReadModels.on(store, db);
    assertTrue(pages.update("lishan") > 0);
    assertEquals(0, pages.update("lishan"), "nothing new");
    assertEquals(store.head("lishan"), pages.checkpoint("lishan"));

    // active merchants: even i not divisible by 3, but m-02 was suspended
    List<AllianceReadModels.MemberRow> all = new ArrayList<>();
    MemberId after = null;
    while (true) {
      List<AllianceReadModels.MemberRow> page = pages.members("lishan", MemberKind.MERCHANT, MemberStatus.ACTIVE, after, 3);
      all.addAll(page);
      if (page.size() < 3) {
        break;
      }
      after = page.get(page.size() - 1).memberId();
    }
    List<String> expected = new ArrayList<>();
    for (int i = 4; i <= 23; i += 2) {
      if (i % 3 != 0) {
        expected.add(String.format("m-%02d", i));
      }
    }
    List<String> got = new ArrayList<>();
    all.forEach(r -> got.add(r.memberId().value()));
    assertEquals(expected, got);
    assertEquals(List.of("m-02"), ids(pages.members("lishan", null, MemberStatus.SUSPENDED, null, 50)));
    assertEquals(23, pages.members("lishan", null, null, null, 50).size());
    assertEquals(0, pages.members("other", null, null, null, 50).size(), "another tenant is updated on its own");
    pages.update("other");
    assertEquals(1, pages.members("other", null, null, null, 50).size());

    List<AllianceReadModels.PledgeRow> health = pages.pledges("lishan", "HEALTHCARE", null, 50);
    assertEquals(5, health.size());
    assertEquals(5, health.stream().filter(p -> p.pledgeId().equals("p-4")).findFirst().orElseThrow().unitsDelivered());
    assertEquals(6, pages.pledges("lishan", "LEGAL", null, 50).size());
    assertEquals(List.of("p-6", "p-8"), pledgeIds(pages.pledges("lishan", null, "p-4", 2)));

    List<AllianceReadModels.MemberRow> membersBefore = pages.members("lishan", null, null, null, 500);
    List<AllianceReadModels.PledgeRow> pledgesBefore = pages.pledges("lishan", null, null, 500);
    assertTrue(pages.rebuild("lishan") > 0);
    assertEquals(membersBefore, pages.members("lishan", null, null, null, 500));
    assertEquals(pledgesBefore, pages.pledges("lishan", null, null, 500));
    assertThrows(ValidationException.class, () -> pages.members("lishan", null, null, null, 0));
  }

  static List<String> ids(List<AllianceReadModels.MemberRow> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.memberId().value()));
    return out;
  }

  static List<String> pledgeIds(List<AllianceReadModels.PledgeRow> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.pledgeId()));
    return out;
  }
}
