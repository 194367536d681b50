package io.github.linli.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.Actor;
import io.github.linli.core.ConsistencyException;
import io.github.linli.core.PermissionDeniedException;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class PrivacyTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);
  static final ResidentId ZHANG = ResidentId.of("r-1001");
  static final Actor COORDINATOR = Actor.of("staff-1", Role.COORDINATOR);
  static final Actor NEIGHBOUR = Actor.of("r-2002", Role.RESIDENT);

  @Test
  void masking_followsPortalConventions() {
    assertEquals("138****5678", Masking.phone("13812345678"));
    assertEquals("138****5678", Masking.phone("138-1234-5678"));
    assertEquals("3301**********1234", Masking.idNumber("330106199001011234"));
    assertEquals("张*", Masking.name("张三"));
    assertEquals("欧***", Masking.name("欧阳娜娜"));
    assertEquals("J***", Masking.name("John Smith"));
    assertEquals("山东省济南市历下区****", Masking.address("山东省济南市历下区千佛山街道历山名郡3号楼2单元"));
    assertEquals("z***@example.com", Masking.email("zhang.san@example.com"));
    assertEquals(Masking.HIDDEN, Masking.phone("12345"));
    assertEquals("****4321", Masking.phone("8765-4321"), "issue 9: a landline keeps only its last four digits");
    assertEquals(Masking.HIDDEN, Masking.idNumber("G12345678"), "issue 9: a short ID would show too much");
    assertEquals(Masking.HIDDEN, PersonalDataKind.HEALTH.mask("高血压"));
  }

  @Test
  void read_recordsPurposeAndRefusals() {
    PersonalDataStore store = PersonalDataStore.inMemory(CLOCK);
    store.put(COORDINATOR, ZHANG, PersonalDataKind.PHONE, "13812345678");
    assertEquals(Optional.of("13812345678"), store.read(COORDINATOR, ZHANG, PersonalDataKind.PHONE, Purpose.SERVICE_DELIVERY));
    PermissionDeniedException e =
        assertThrows(PermissionDeniedException.class, () -> store.read(NEIGHBOUR, ZHANG, PersonalDataKind.PHONE, Purpose.SERVICE_DELIVERY));
    assertFalse(e.getMessage().contains("13812345678"));
    assertEquals(3, store.accessLog().about(ZHANG).size());
    AccessRecord refused = store.accessLog().by("r-2002").get(0);
    assertFalse(refused.allowed());
    assertEquals(Purpose.SERVICE_DELIVERY, refused.purpose());
    assertEquals(CLOCK.instant(), refused.at());
    assertFalse(refused.toString().contains("13812345678"));
  }

  @Test
  void read_sensitiveKindNeedsTheRightPurpose() {
    PersonalDataStore store = PersonalDataStore.inMemory(CLOCK);
    store.put(COORDINATOR, ZHANG, PersonalDataKind.HEALTH, "糖尿病");
    assertThrows(PermissionDeniedException.class, () -> store.read(COORDINATOR, ZHANG, PersonalDataKind.HEALTH, Purpose.SERVICE_DELIVERY));
    assertEquals(Optional.of("糖尿病"), store.read(COORDINATOR, ZHANG, PersonalDataKind.HEALTH, Purpose.EMERGENCY_RESPONSE));
    Actor self = Actor.of(ZHANG.value(), Role.RESIDENT);
    assertEquals(Optional.of("糖尿病"), store.read(self, ZHANG, PersonalDataKind.HEALTH, Purpose.SUBJECT_ACCESS));
    assertEquals(Optional.of(Masking.HIDDEN), store.masked(ZHANG, PersonalDataKind.HEALTH));
  }

  @Test
  void put_refusedOrInvalid_changesNothing() {
    PersonalDataStore store = PersonalDataStore.inMemory(CLOCK);
    assertThrows(PermissionDeniedException.class, () -> store.put(NEIGHBOUR, ZHANG, PersonalDataKind.NAME, "张三"));
    assertThrows(ValidationException.class, () -> store.put(COORDINATOR, ZHANG, PersonalDataKind.NAME, " "));
    assertThrows(ValidationException.class, () -> store.put(COORDINATOR, ZHANG, PersonalDataKind.NAME, "x".repeat(5000)));
    assertEquals(Set.of(), store.kindsHeld(ZHANG));
  }

  @Test
  void erase_removesEverythingAndIsRecorded() {
    PersonalDataStore store = PersonalDataStore.inMemory(CLOCK);
    store.put(COORDINATOR, ZHANG, PersonalDataKind.NAME, "张三");
    store.put(COORDINATOR, ZHANG, PersonalDataKind.PHONE, "13812345678");
    assertThrows(PermissionDeniedException.class, () -> store.erase(NEIGHBOUR, ZHANG));
    assertEquals(2, store.kindsHeld(ZHANG).size());
    assertEquals(2, store.erase(Actor.of(ZHANG.value(), Role.RESIDENT), ZHANG));
    assertEquals(Optional.empty(), store.read(COORDINATOR, ZHANG, PersonalDataKind.PHONE, Purpose.SERVICE_DELIVERY));
    assertEquals(Optional.empty(), store.masked(ZHANG, PersonalDataKind.NAME));
    assertTrue(store.accessLog().about(ZHANG).stream().anyMatch(r -> r.operation() == AccessRecord.Operation.ERASE && r.allowed()));
  }

  @Test
  void aesGcm_roundTripsAndRejectsMovedCiphertext() throws Exception {
    KeyGenerator g = KeyGenerator.getInstance("AES");
    g.init(256);
    SecretKey key = g.generateKey();
    Protector p = Protector.aesGcm(key);
    String stored = p.protect(ZHANG, PersonalDataKind.ID_NUMBER, "330106199001011234");
    assertFalse(stored.contains("1234"));
    assertEquals("330106199001011234", p.reveal(ZHANG, PersonalDataKind.ID_NUMBER, stored));
    assertThrows(ConsistencyException.class, () -> p.reveal(ResidentId.of("r-9"), PersonalDataKind.ID_NUMBER, stored));
    assertThrows(ConsistencyException.class, () -> p.reveal(ZHANG, PersonalDataKind.PHONE, stored));
    assertThrows(ConsistencyException.class, () -> p.reveal(ZHANG, PersonalDataKind.ID_NUMBER, "not base64!"));
    PersonalDataStore store = PersonalDataStore.builder().clock(CLOCK).protector(p).build();
    store.put(COORDINATOR, ZHANG, PersonalDataKind.ID_NUMBER, "330106199001011234");
    assertEquals(Optional.of("3301**********1234"), store.masked(ZHANG, PersonalDataKind.ID_NUMBER));
  }

  @Test
  void aesGcm_recordForm_bindsTheRecord_andStillOpensValuesWrittenBeforeIt() throws Exception {
    KeyGenerator g = KeyGenerator.getInstance("AES");
    g.init(128);
    Protector p = Protector.aesGcm(g.generateKey());
    String a = p.protect(ZHANG, PersonalDataKind.NEED_TEXT, "pd-a", "楼下装修太吵");
    String b = p.protect(ZHANG, PersonalDataKind.NEED_TEXT, "pd-b", "想找人陪母亲去医院");
    assertEquals("楼下装修太吵", p.reveal(ZHANG, PersonalDataKind.NEED_TEXT, "pd-a", a));
    assertEquals("想找人陪母亲去医院", p.reveal(ZHANG, PersonalDataKind.NEED_TEXT, "pd-b", b));
    ConsistencyException moved = assertThrows(ConsistencyException.class, () -> p.reveal(ZHANG, PersonalDataKind.NEED_TEXT, "pd-b", a));
    assertFalse(moved.getMessage().contains("装修"), moved.getMessage());
    assertThrows(ConsistencyException.class, () -> p.reveal(ZHANG, PersonalDataKind.NEED_TEXT, a), "a bound value needs its record");
    assertThrows(ConsistencyException.class, () -> p.reveal(ResidentId.of("r-9"), PersonalDataKind.NEED_TEXT, "pd-a", a));
    String legacy = p.protect(ZHANG, PersonalDataKind.NEED_TEXT, "写于记录绑定之前");
    assertEquals("写于记录绑定之前", p.reveal(ZHANG, PersonalDataKind.NEED_TEXT, "pd-c", legacy), "values written before open");
    // a protector of one's own that implements only the three-argument form still works in the stores
    Protector plainSpi = new Protector() {
      @Override
      public String protect(ResidentId subject, PersonalDataKind kind, String plain) {
        return new StringBuilder(plain).reverse().toString();
      }

      @Override
      public String reveal(ResidentId subject, PersonalDataKind kind, String stored) {
        return new StringBuilder(stored).reverse().toString();
      }
    };
    assertEquals("abc", plainSpi.reveal(ZHANG, PersonalDataKind.NAME, "-", plainSpi.protect(ZHANG, PersonalDataKind.NAME, "-", "abc")));
  }
}
