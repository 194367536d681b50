package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.linli.core.Actor;
import io.github.linli.core.ConflictException;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.NotFoundException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.Role;
import io.github.linli.core.governance.Charter;
import io.github.linli.core.governance.Choice;
import io.github.linli.core.governance.JointMeeting;
import io.github.linli.core.governance.Motion;
import io.github.linli.core.governance.Party;
import io.github.linli.core.governance.Resolution;
import io.github.linli.core.governance.Seat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 3 and 4: a joint-meeting resolution adopts a community's own demand taxonomy. */
class TaxonomyRegistryTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneOffset.UTC);
  static final Actor SECRETARY = Actor.of("sec-1", Role.MEETING_SECRETARY);

  static Resolution adopted(Motion motion) {
    JointMeeting jm =
        JointMeeting.convene(
            SECRETARY,
            "jm-" + motion.kind(),
            Charter.standard(),
            List.of(Seat.of("party-1", Party.PARTY_COMMITTEE), Seat.of("rc-1", Party.RESIDENTS_COMMITTEE), Seat.of("res-1", Party.RESIDENT_REPRESENTATIVES)),
            CLOCK);
    String m = jm.propose(SECRETARY, motion);
    for (String seat : List.of("party-1", "rc-1", "res-1")) {
      jm.vote(Actor.of(seat, Role.RESIDENT), m, Choice.YES);
    }
    return jm.close(SECRETARY, m).resolution().orElseThrow();
  }

  static DomainTaxonomy withPets() {
    return DomainTaxonomy.builder("lishan-domains", 2)
        .addAll(ServiceDomain.defaults())
        .add(ServiceDomain.of("PETS", Label.of("宠物服务", "pets")))
        .build();
  }

  @Test
  void adopt_byResolution_makesTheTaxonomyCurrent() {
    TaxonomyRegistry registry = TaxonomyRegistry.create(CLOCK);
    assertEquals(DomainTaxonomy.defaultTaxonomy(), registry.current());
    registry.register(Actor.of("staff-1", Role.COORDINATOR), withPets());
    Resolution r = adopted(Motion.adoptTaxonomy("lishan-domains", "2"));
    DomainTaxonomy now = registry.adopt(SECRETARY, r);
    assertEquals("lishan-domains@2", now.key());
    assertEquals(now, registry.current());
    assertEquals(1, registry.history().size());
    assertEquals(r.id(), registry.history().get(0).resolutionId());
    assertEquals(CLOCK.instant(), registry.history().get(0).at());
    assertThrows(ConflictException.class, () -> registry.adopt(SECRETARY, r));
    assertEquals(1, registry.history().size());
  }

  @Test
  void adopt_withoutAuthority_changesNothing() {
    TaxonomyRegistry registry = TaxonomyRegistry.create(CLOCK);
    registry.register(Actor.of("staff-1", Role.COORDINATOR), withPets());
    Resolution admit = adopted(Motion.admitMember(MemberId.of("m-1")));
    assertThrows(PermissionDeniedException.class, () -> registry.adopt(SECRETARY, admit));
    Resolution taxonomy = adopted(Motion.adoptTaxonomy("lishan-domains", "2"));
    assertThrows(PermissionDeniedException.class, () -> registry.adopt(Actor.of("r-1", Role.RESIDENT), taxonomy));
    assertThrows(PermissionDeniedException.class, () -> registry.register(Actor.of("r-1", Role.RESIDENT), withPets()));
    Resolution unknown = adopted(Motion.adoptTaxonomy("lishan-domains", "3"));
    assertThrows(NotFoundException.class, () -> registry.adopt(SECRETARY, unknown));
    assertEquals(DomainTaxonomy.defaultTaxonomy(), registry.current());
    assertEquals(List.of(), registry.history());
  }
}
