package io.github.linli.core.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ConflictException;
import io.github.linli.core.Label;
import io.github.linli.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainTaxonomyTest {
  @Test
  void defaultTaxonomy_hasTheEightIdsAtVersionOne() {
    DomainTaxonomy t = DomainTaxonomy.defaultTaxonomy();
    assertEquals("linli-default@1", t.key());
    assertEquals(
        List.of("HEALTHCARE", "ELDERLY_CARE", "EDUCATION", "LEGAL", "EMPLOYMENT", "ENVIRONMENT", "DAILY_LIVING", "CULTURE_SPORTS"),
        t.domains().stream().map(ServiceDomain::id).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void withDomain_makesNextVersionWithSubDomain() {
    ServiceDomain dementia = ServiceDomain.of("DEMENTIA_CARE", Label.of("认知症照护", "dementia care"), ServiceDomain.ELDERLY_CARE);
    DomainTaxonomy t = DomainTaxonomy.defaultTaxonomy().withDomain(dementia);
    assertEquals(2, t.version());
    assertEquals(ServiceDomain.ELDERLY_CARE, t.rootOf(dementia));
    assertEquals(List.of(dementia), t.children(ServiceDomain.ELDERLY_CARE));
    assertTrue(t.find("DEMENTIA_CARE").isPresent());
    assertEquals(8, DomainTaxonomy.defaultTaxonomy().domains().size(), "the old version is unchanged");
  }

  @Test
  void add_duplicateOrOrphan_isRejected() {
    assertThrows(ConflictException.class, () -> DomainTaxonomy.defaultTaxonomy().withDomain(ServiceDomain.LEGAL));
    ServiceDomain orphan = ServiceDomain.of("X", Label.of("某", "x"), ServiceDomain.of("NOPE", Label.of("无", "nope")));
    ValidationException e = assertThrows(ValidationException.class, () -> DomainTaxonomy.builder("c", 1).add(orphan));
    assertEquals("domain.parentId", e.field());
    assertThrows(ValidationException.class, () -> DomainTaxonomy.builder("c", 0));
    assertThrows(ValidationException.class, () -> DomainTaxonomy.builder("c", 1).build());
  }

  @Test
  void responseMapping_defaultsAndCommunityChange() {
    ResponseMapping m = ResponseMapping.defaults();
    for (MaslowTier t : MaslowTier.values()) {
      assertEquals(ResponseLevel.defaultFor(t), m.levelFor(t));
    }
    ResponseMapping own = m.with(MaslowTier.ESTEEM, ResponseLevel.ASPIRATION);
    assertEquals(ResponseLevel.ASPIRATION, own.levelFor(MaslowTier.ESTEEM));
    assertEquals(ResponseLevel.DEVELOPMENT, m.levelFor(MaslowTier.ESTEEM));
  }
}
