package io.github.linli.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.DemandRequest;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.Credits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The JSON forms the module promises, and reading what a front end sends. */
class LinliModuleTest {
  private final ObjectMapper json = new ObjectMapper().registerModule(new LinliModule());

  @Test
  void disputeFactsAndAgreementWording_areMasked() throws Exception {
    io.github.linli.core.mediation.AgreementTerm term = io.github.linli.core.mediation.AgreementTerm.of("t1", "r-1",
        java.time.LocalDate.of(2026, 12, 20), "王先生家每天晚上八点后停止装修，赔偿邻居 500 元");
    String written = json.writeValueAsString(term);
    org.junit.jupiter.api.Assertions.assertFalse(written.contains("王先生") || written.contains("500 元"), written);
    org.junit.jupiter.api.Assertions.assertTrue(written.contains("****") && written.contains("t1"), written);
  }

  @Test
  void forms_ofIdsLabelsCreditsAndIntervals() throws Exception {
    assertEquals("\"m-1\"", json.writeValueAsString(MemberId.of("m-1")));
    assertEquals("{\"zh\":\"面包房\",\"en\":\"bakery\"}", json.writeValueAsString(Label.of("面包房", "bakery")));
    assertEquals("{\"amount\":90,\"unit\":\"MINUTES\"}", json.writeValueAsString(Credits.ofMinutes(90)));
    assertEquals("\"2026-10-01/2026-11-01\"", json.writeValueAsString(Period.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1))));
    assertEquals("\"2026-11-24T01:00:00Z/2026-11-24T02:00:00Z\"", json.writeValueAsString(
        TimeWindow.of(Instant.parse("2026-11-24T01:00:00Z"), Instant.parse("2026-11-24T02:00:00Z"))));
    assertEquals(Credits.ofMinutes(45), json.readValue("45", Credits.class));
    assertEquals(Map.of(AccountId.of("a-1"), 3), json.readValue("{\"a-1\":3}",
        json.getTypeFactory().constructMapType(Map.class, AccountId.class, Integer.class)));
  }

  @Test
  void labelLocale_andEnumLabels() throws Exception {
    ObjectMapper zh = new ObjectMapper().registerModule(LinliModule.builder().labelLocale(Locale.SIMPLIFIED_CHINESE).enumLabels(true).build());
    assertEquals("\"面包房\"", zh.writeValueAsString(Label.of("面包房", "bakery")));
    JsonNode tier = zh.readTree(zh.writeValueAsString(MaslowTier.SAFETY));
    assertEquals("SAFETY", tier.get("code").asText());
    assertEquals(MaslowTier.SAFETY.label().zh(), tier.get("label").asText());
    assertEquals(MaslowTier.SAFETY, zh.readValue("{\"code\":\"SAFETY\",\"label\":\"x\"}", MaslowTier.class));
  }

  @Test
  void demandRequest_fromAFrontEnd_readsItsText_andIsWrittenMasked() throws Exception {
    String form = "{\"id\":\"d-7\",\"requester\":\"r-9\",\"text\":\"楼道灯坏了一周，晚上老人上下楼很危险\",\"gridCell\":\"B2\","
        + "\"point\":{\"latitude\":36.6,\"longitude\":117.1},\"householdFlags\":[\"ELDERLY_LIVING_ALONE\"],"
        + "\"wanted\":\"2026-11-24T01:00:00Z/2026-11-24T05:00:00Z\"}";
    DemandRequest r = json.readValue(form, DemandRequest.class);
    DemandRequest expected = DemandRequest.builder().id("d-7").requester(ResidentId.of("r-9"))
        .text("楼道灯坏了一周，晚上老人上下楼很危险").gridCell("B2").point(GeoPoint.of(36.6, 117.1))
        .householdFlags(Set.of(HouseholdFlag.ELDERLY_LIVING_ALONE))
        .wanted(TimeWindow.of(Instant.parse("2026-11-24T01:00:00Z"), Instant.parse("2026-11-24T05:00:00Z"))).build();
    assertEquals(expected, r);
    String out = json.writeValueAsString(r);
    assertFalse(out.contains("楼道灯") || out.contains("36.6") || out.contains("ELDERLY"), out);
    assertEquals("****", json.readTree(out).get("text").asText());
  }

  @Test
  void badInput_isATypedErrorNamingTheField_notAnNpe() {
    ValidationException v = assertThrows(ValidationException.class,
        () -> json.readValue("{\"id\":\"d-7\",\"requester\":\"r-9\",\"text\":\"   \",\"gridCell\":\"B2\"}", DemandRequest.class));
    assertTrue(v.getMessage().contains("text"), v.getMessage());
    assertThrows(JsonMappingException.class, () -> json.readValue("{\"amount\":1.5}", Credits.class));
    assertThrows(JsonMappingException.class, () -> json.readValue("\"2026-10-01\"", Period.class));
    assertThrows(JsonMappingException.class, () -> json.readValue("\"NOT_A_TIER\"", MaslowTier.class));
    assertThrows(JsonMappingException.class, () -> json.readValue("{\"zh\":\"只有中文\"}", Label.class));
    assertThrows(ValidationException.class, () -> json.readValue("1000000000000000001", Credits.class));
  }

  @Test
  void aFactoryThatWouldDropAField_isRefused_notReadAsAnotherValue() {
    // Motion.custom(title, payload) takes two of the fields; it must not turn an expulsion into a custom motion
    JsonMappingException e = assertThrows(JsonMappingException.class, () -> json.readValue(
        "{\"kind\":\"EXPEL_MEMBER\",\"payload\":{},\"subject\":\"m-bank\",\"title\":{\"zh\":\"除名\",\"en\":\"expel\"}}",
        io.github.linli.core.governance.Motion.class));
    assertTrue(e.getOriginalMessage().contains("would not be kept"), e.getOriginalMessage());
  }

  @Test
  void anActor_isWrittenButNeverReadFromARequest() throws Exception {
    String written = json.writeValueAsString(io.github.linli.core.Actor.of("staff-1", io.github.linli.core.Role.COORDINATOR));
    assertEquals("{\"id\":\"staff-1\",\"roles\":[\"COORDINATOR\"]}", written);
    assertThrows(JsonMappingException.class, () -> json.readValue(written, io.github.linli.core.Actor.class));
  }

  @Test
  void services_areNeverSerialisedAsValues() {
    assertThrows(JsonMappingException.class, () -> json.writeValueAsString(
        io.github.linli.timebank.TimeBank.builder().store(io.github.linli.timebank.store.LedgerStores.inMemory()).build()));
  }

  @Property(tries = 200)
  void primitives_roundTrip(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String id,
      @ForAll @LongRange(min = -1_000_000_000_000_000L, max = 1_000_000_000_000_000L) long minutes,
      @ForAll @IntRange(min = 0, max = 3_000_000) int day, @ForAll @IntRange(min = 1, max = 400) int days,
      @ForAll @StringLength(max = 30) String zh, @ForAll @StringLength(max = 30) String en) throws Exception {
    for (Object v : List.of(MemberId.of(id), Credits.ofMinutes(minutes),
        Period.of(LocalDate.ofEpochDay(day), LocalDate.ofEpochDay(day + days)),
        TimeWindow.of(Instant.ofEpochSecond(day * 60L), Instant.ofEpochSecond(day * 60L + days))) ) {
      assertEquals(v, json.readValue(json.writeValueAsString(v), v.getClass()));
    }
    if (!zh.isBlank() && !en.isBlank()) {
      Label l = Label.of(zh, en);
      assertEquals(l, json.readValue(json.writeValueAsString(l), Label.class));
    }
  }
}
