package io.github.linli.core.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.ResidentId;
import io.github.linli.core.Role;
import io.github.linli.core.TimeWindow;
import io.github.linli.core.ValidationException;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.internal.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JSON codec of snapshots: the exact document of a small snapshot (so the format cannot drift
 * silently), text kept and escaped, documents reordered as {@code jsonb} does, and each kind of
 * refusal: a {@link ValidationException} naming the JSON path, never echoing a personal value.
 */
class SnapshotJsonTest {
  static final Instant T = Instant.parse("2026-11-24T01:00:00Z");

  /** Every kind of part and optional, by hand. */
  static AllianceSnapshot small() {
    Map<MembershipAction, Set<Role>> roles = new EnumMap<>(MembershipAction.class);
    for (MembershipAction a : MembershipAction.values()) {
      roles.put(a, a.defaultRoles());
    }
    roles.put(MembershipAction.EXPEL, Set.of());
    return AllianceSnapshot.builder().id("丽山-club").roles(roles)
        .addMembers(Member.builder().id(MemberId.of("m0")).kind(MemberKind.MERCHANT).name(Label.of("王记老店", "Wang's old shop"))
            .community("lishan").addRepresentatives("rep-b", "rep-a").contact(Contact.of("欧阳娜娜", "13912347788")).build())
        .addMembers(Member.builder().id(MemberId.of("s0")).kind(MemberKind.RESIDENT_UNIT).name(Label.of("分店😀", "branch 2"))
            .community("lishan").parent(MemberId.of("m0")).followsParent(true).build())
        .addEvents(MembershipEvent.builder().sequence(1).member(MemberId.of("m0")).action(MembershipAction.APPLY).to(MemberStatus.APPLIED)
            .actorId("staff-1").authority("ALLIANCE_ADMIN").at(T).build())
        .addEvents(MembershipEvent.builder().sequence(2).member(MemberId.of("s0")).action(MembershipAction.ADMIT)
            .from(MemberStatus.APPLIED).to(MemberStatus.ACTIVE).actorId("sec").authority("resolution jm-1/1").resolutionId("jm-1/1")
            .inheritedFrom(MemberId.of("m0")).at(T.plusNanos(1500)).build())
        .addEnactedResolutions("jm-1/1")
        .addPledges(Pledge.builder().id("p0").member(MemberId.of("m0")).title(Label.of("义诊", "free clinic"))
            .domain(ServiceDomain.HEALTHCARE).addTiers(MaslowTier.SAFETY, MaslowTier.PHYSIOLOGICAL).price(PledgePrice.free()).capacity(10)
            .validity(Period.year(2026)).build())
        .addPledges(Pledge.builder().id("p1").member(MemberId.of("m0")).title(Label.of("理发", "haircut"))
            .domain(ServiceDomain.of("HAIR", Label.of("理发", "hair"), ServiceDomain.DAILY_LIVING)).addTiers(MaslowTier.ESTEEM)
            .price(PledgePrice.discount(20)).capacity(3).cadence(Cadence.WEEK)
            .eligibility(PledgeEligibility.builder().minAge(60).maxAge(150).addHouseholdFlags(HouseholdFlag.LOW_INCOME, HouseholdFlag.DISABILITY)
                .addAreas("b-area", "a-area").build())
            .place(Place.of(GeoPoint.of(31.2304, 121.4737), "cell-7")).schedule(Label.of("每周二", "Tuesdays"))
            .addSessions(TimeWindow.of(T, T.plusSeconds(3600))).validity(Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2027, 2, 1)))
            .build())
        .addCards(BenefitCard.builder().id("c0").holder(ResidentId.of("r0")).birthDate(LocalDate.of(1949, 12, 31))
            .addHouseholdFlags(HouseholdFlag.ELDERLY_LIVING_ALONE).area("xingfuli-7").validUntil(LocalDate.of(2027, 6, 30)).build())
        .addCards(BenefitCard.builder().id("c1").holder(ResidentId.of("r1")).validUntil(LocalDate.of(2027, 6, 30)).status(CardStatus.REVOKED)
            .build())
        .addDeliveries(Delivery.builder().pledgeId("p1").cardId("c0").units(1).actorId("staff-1").at(T).build())
        .addDeliveries(Delivery.builder().pledgeId("p0").units(7).actorId("staff-1").at(T.plusSeconds(60)).build())
        .build();
  }


  /** The format, version 1: change it only with a new version and a reader for the old one. */
  static final String GOLDEN = """
      {"format":"linli.alliance-snapshot",
      "version":1,
      "id":"丽山-club",
      "roles":{"ADMIT":["ALLIANCE_ADMIN","PARTY_COMMITTEE","RESIDENTS_COMMITTEE"],"APPLY":["ALLIANCE_ADMIN","COORDINATOR","MEMBER_REPRESENTATIVE","RESIDENTS_COMMITTEE"],"EXPEL":[],"REINSTATE":["ALLIANCE_ADMIN","PARTY_COMMITTEE"],"SUSPEND":["ALLIANCE_ADMIN","PARTY_COMMITTEE"],"WITHDRAW":["ALLIANCE_ADMIN","MEMBER_REPRESENTATIVE"]},
      "members":[
      {"id":"m0","kind":"MERCHANT","name":{"zh":"王记老店","en":"Wang's old shop"},"community":"lishan","representatives":["rep-a","rep-b"],"contact":{"name":"欧阳娜娜","phone":"13912347788"},"parent":null,"followsParent":false},
      {"id":"s0","kind":"RESIDENT_UNIT","name":{"zh":"分店😀","en":"branch 2"},"community":"lishan","representatives":[],"contact":null,"parent":"m0","followsParent":true}
      ],
      "events":[
      {"sequence":1,"member":"m0","action":"APPLY","from":null,"to":"APPLIED","actorId":"staff-1","authority":"ALLIANCE_ADMIN","resolutionId":null,"inheritedFrom":null,"at":"2026-11-24T01:00:00Z"},
      {"sequence":2,"member":"s0","action":"ADMIT","from":"APPLIED","to":"ACTIVE","actorId":"sec","authority":"resolution jm-1/1","resolutionId":"jm-1/1","inheritedFrom":"m0","at":"2026-11-24T01:00:00.000001500Z"}
      ],
      "enactedResolutions":["jm-1/1"],
      "pledges":[
      {"id":"p0","member":"m0","title":{"zh":"义诊","en":"free clinic"},"domain":{"id":"HEALTHCARE","label":{"zh":"医疗健康","en":"healthcare"},"parent":null},"tiers":["PHYSIOLOGICAL","SAFETY"],"price":{"kind":"FREE","discountPercent":null},"capacity":10,"cadence":"MONTH","eligibility":{"cardHoldersOnly":true,"minAge":null,"maxAge":null,"householdFlags":[],"areas":[]},"place":null,"schedule":null,"sessions":[],"validity":{"start":"2026-01-01","end":"2027-01-01"}},
      {"id":"p1","member":"m0","title":{"zh":"理发","en":"haircut"},"domain":{"id":"HAIR","label":{"zh":"理发","en":"hair"},"parent":"DAILY_LIVING"},"tiers":["ESTEEM"],"price":{"kind":"DISCOUNT","discountPercent":20},"capacity":3,"cadence":"WEEK","eligibility":{"cardHoldersOnly":true,"minAge":60,"maxAge":150,"householdFlags":["DISABILITY","LOW_INCOME"],"areas":["a-area","b-area"]},"place":{"point":{"latitude":31.2304,"longitude":121.4737},"gridCell":"cell-7"},"schedule":{"zh":"每周二","en":"Tuesdays"},"sessions":[{"start":"2026-11-24T01:00:00Z","end":"2026-11-24T02:00:00Z"}],"validity":{"start":"2026-11-01","end":"2027-02-01"}}
      ],
      "cards":[
      {"id":"c0","holder":"r0","birthDate":"1949-12-31","householdFlags":["ELDERLY_LIVING_ALONE"],"area":"xingfuli-7","validUntil":"2027-06-30","status":"ACTIVE"},
      {"id":"c1","holder":"r1","birthDate":null,"householdFlags":[],"area":null,"validUntil":"2027-06-30","status":"REVOKED"}
      ],
      "deliveries":[
      {"pledgeId":"p1","cardId":"c0","units":1,"actorId":"staff-1","at":"2026-11-24T01:00:00Z"},
      {"pledgeId":"p0","cardId":null,"units":7,"actorId":"staff-1","at":"2026-11-24T01:01:00Z"}
      ]}
      """;

  /** The personal values of {@link #small()}: never in a message. */
  static final List<String> PERSONAL = List.of("欧阳娜娜", "13912347788", "1949-12-31", "ELDERLY_LIVING_ALONE", "xingfuli-7");

  // ------------------------------------------------------------------------------ the format

  @Test
  void toJson_smallSnapshot_isTheGoldenDocument() {
    assertEquals(GOLDEN, small().toJson());
  }

  @Test
  void fromJson_goldenDocument_isTheSnapshot() {
    AllianceSnapshot s = AllianceSnapshot.fromJson(GOLDEN);
    assertEquals(small(), s);
    assertEquals(GOLDEN, s.toJson());
    // ServiceDomain equals by id: the label and the parent are read too
    ServiceDomain hair = s.pledges().get(1).domain();
    assertEquals(List.of("HAIR", Label.of("理发", "hair"), java.util.Optional.of("DAILY_LIVING")),
        List.of(hair.id(), hair.label(), hair.parentId()));
    assertTrue(s.pledges().get(0).domain() == ServiceDomain.HEALTHCARE, "a default domain reads back as the constant");
  }

  @Test
  void toJson_setsInAnyOrder_giveTheSameDocument() {
    AllianceSnapshot s = small();
    Member m = s.members().get(0);
    Member reordered = Member.builder().from(m).representatives(List.of("rep-b", "rep-a")).build();
    AllianceSnapshot other = AllianceSnapshot.builder().from(s).members(List.of(reordered, s.members().get(1)))
        .roles(new java.util.TreeMap<>(s.roles())).build();
    assertEquals(s.toJson(), other.toJson());
  }

  @Test
  void fromJson_reorderedFieldsAndWhiteSpace_asJsonbStoresIt_readsEqual() {
    // jsonb orders keys by length then bytes and prints ", " and ": "; order and spacing do not matter
    String reordered = GOLDEN.replace("{\"format\":\"linli.alliance-snapshot\",\n\"version\":1,", "{ \"version\" : 1 ,\r\n\t\"format\": \"linli.alliance-snapshot\",")
        .replace("\"zh\":\"义诊\",\"en\":\"free clinic\"", "\"en\": \"free clinic\", \"zh\": \"义诊\"")
        .replace("\"latitude\":31.2304", "\"latitude\":3.12304e1");
    assertEquals(small(), AllianceSnapshot.fromJson(reordered));
  }

  @Test
  void fromJson_restore_givesTheAllianceBack() {
    SnapshotTest t = new SnapshotTest();
    t.setUp();
    AllianceSnapshot s = t.club.snapshot();
    String json = s.toJson();
    assertEquals(s, AllianceSnapshot.fromJson(json));
    Alliance copy = Alliance.restore(AllianceSnapshot.fromJson(json), t.clock);
    SnapshotProperties.assertSameAnswers(t.club, copy);
    assertEquals(json, copy.snapshot().toJson());
  }

  @Test
  void fromJson_inconsistentButWellFormed_isReadAndRestoreRefusesIt() {
    String json = GOLDEN.replace("\"pledgeId\":\"p0\"", "\"pledgeId\":\"p-unknown\"");
    AllianceSnapshot s = AllianceSnapshot.fromJson(json);
    ValidationException e = assertThrows(ValidationException.class, () -> Alliance.restore(s, java.time.Clock.systemUTC()));
    assertFalse(e.getMessage().isBlank());
  }

  // ------------------------------------------------------------------------ text and escaping

  static AllianceSnapshot withText(String actorId, String contactName) {
    AllianceSnapshot s = small();
    Member m = Member.builder().from(s.members().get(0)).contact(Contact.of(contactName, "13912347788")).build();
    Delivery d = Delivery.builder().from(s.deliveries().get(0)).actorId(actorId).build();
    return AllianceSnapshot.builder().from(s).members(List.of(m, s.members().get(1))).deliveries(List.of(d)).build();
  }

  @Test
  void toJson_chineseText_isKeptAsItIs() {
    String json = withText("居委会-王", "欧阳 娜娜").toJson();
    assertTrue(json.contains("\"actorId\":\"居委会-王\""), json);
    assertTrue(json.contains("\"name\":\"欧阳 娜娜\""), json);
    assertEquals(withText("居委会-王", "欧阳 娜娜"), AllianceSnapshot.fromJson(json));
  }

  @Test
  void toJson_quotesBackslashesControlsAndSurrogates_areEscapedAndReadBack() {
    String tricky = "a\"b\\c/d\n\r\t\b\f\u0000\u0001\u001f\u007f\u2028\u2029😀\uD800x\uDC00";
    AllianceSnapshot s = withText(tricky, "名" + tricky);
    String json = s.toJson();
    assertTrue(json.contains("\"actorId\":\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0000\\u0001\\u001f\\u007f\\u2028\\u2029😀\\ud800x\\udc00\""), json);
    for (char c = 0; c < 0x20; c++) {
      assertEquals(-1, json.indexOf(c == '\n' ? '\u0000' : c), "no raw control character but line breaks between parts");
    }
    assertEquals(s, AllianceSnapshot.fromJson(json));
    assertEquals(json, AllianceSnapshot.fromJson(json).toJson());
  }

  @Test
  void fromJson_escapedSurrogatePairAndSolidus_readAsTheCharacters() {
    String json = GOLDEN.replace("\"actorId\":\"sec\"", "\"actorId\":\"\\ud83d\\ude00\\/\\u5c45\\u59D4\"");
    assertEquals("😀/居委", AllianceSnapshot.fromJson(json).events().get(1).actorId());
  }

  // -------------------------------------------------------------------------------- refusals

  static ValidationException refused(String json) {
    ValidationException e = assertThrows(ValidationException.class, () -> AllianceSnapshot.fromJson(json));
    for (String p : PERSONAL) {
      assertFalse(e.getMessage().contains(p), "message shows a personal value: " + e.getMessage());
    }
    return e;
  }

  static void refused(String json, String field, String problem) {
    ValidationException e = refused(json);
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void fromJson_malformedJson_isRefusedWithThePath() {
    refused(null, "$", "must not be null");
    refused("", "$", "must be a JSON object");
    refused("[]", "$", "must be a JSON object");
    refused("\uFEFF" + GOLDEN, "$", "must be a JSON object");
    refused(GOLDEN.substring(0, GOLDEN.length() - 3), "deliveries", "expected ',' or ']'");
    refused(GOLDEN.replace("\"phone\":\"13912347788\"", "\"phone\" \"13912347788\""), "members[0].contact", "expected ':'");
    refused(GOLDEN.replace("\"phone\":\"13912347788\"", "\"phone\":\"1391234\n7788\""), "members[0].contact.phone",
        "control character");
    refused(GOLDEN.replace("\"phone\":\"13912347788\"", "\"phone\":\"13912347788"), "members[0].contact", "expected ',' or '}'");
    refused(GOLDEN.replace("\"phone\":\"13912347788\"", "\"phone\":'13912347788'"), "members[0].contact.phone", "expected a value");
    refused(GOLDEN.replace("\"units\":7", "\"units\":07"), "deliveries[1]", "expected ',' or '}'");
    refused(GOLDEN.replace("\"units\":7", "\"units\":7,"), "deliveries[1]", "expected a field name");
    refused(GOLDEN.replace("\"units\":7", "\"units\":tru"), "deliveries[1].units", "expected a value");
    refused(GOLDEN.replace("\"authority\":\"sec\"", "").replace("\"actorId\":\"sec\"", "\"actorId\":\"\\x\""), "events[1].actorId",
        "unknown escape");
    refused(GOLDEN.replace("\"actorId\":\"sec\"", "\"actorId\":\"\\u12G4\""), "events[1].actorId", "four hex digits");
    refused(GOLDEN.replace("\"欧阳娜娜\"", "\"欧阳娜娜\":1"), "members[0].contact", "expected ',' or '}'");
  }

  @Test
  void fromJson_trailingData_isRefused() {
    refused(GOLDEN + "{}", "$", "data after the end");
    refused(GOLDEN + "x", "$", "data after the end");
    assertEquals(small(), AllianceSnapshot.fromJson(GOLDEN + " \n\t\r\n"));
  }

  @Test
  void fromJson_deepNestingAndHugeNumbers_areRefusedWithinLimits() {
    String deep = "[".repeat(100_000);
    refused(GOLDEN.replace("\"sessions\":[]", "\"sessions\":" + deep), "pledges[0].sessions" + "[0]".repeat(13), "deeper than the limit of 16");
    refused(GOLDEN.replace("\"units\":7", "\"units\":" + "9".repeat(41)), "deliveries[1].units", "longer than the limit of 40");
    refused(GOLDEN.replace("\"units\":7", "\"units\":99999999999999999999"), "deliveries[1].units", "must be an integer in");
    refused(GOLDEN.replace("\"units\":7", "\"units\":2147483648"), "deliveries[1].units", "must be an integer in");
    refused(GOLDEN.replace("\"units\":7", "\"units\":7.0"), "deliveries[1].units", "must be an integer");
    refused(GOLDEN.replace("\"units\":7", "\"units\":7e0"), "deliveries[1].units", "must be an integer");
    refused(GOLDEN.replace("\"latitude\":31.2304", "\"latitude\":1e400"), "pledges[1].place.point.latitude", "must be a number in");
    refused(GOLDEN.replace("\"sequence\":1", "\"sequence\":-99999999999999999999"), "events[0].sequence", "must be an integer in");
    refused(GOLDEN.replace("\"capacity\":10", "\"capacity\":0"), "pledges[0].capacity", "must be an integer in 1..");
  }

  @Test
  void fromJson_unknownFormatOrVersion_isRefused() {
    refused(GOLDEN.replace("linli.alliance-snapshot", "linli.something-else"), "format", "is not a Linli alliance snapshot");
    refused("{\"id\":\"x\"}", "format", "is not a Linli alliance snapshot");
    refused(GOLDEN.replace("\"version\":1", "\"version\":2"), "version", "reads version 1");
    refused(GOLDEN.replace("\"version\":1", "\"version\":\"1\""), "version", "reads version 1");
    refused(GOLDEN.replace("\"version\":1", "\"version\":1.0"), "version", "reads version 1");
  }

  @Test
  void fromJson_missingUnknownOrDuplicateFields_areRefused() {
    refused(GOLDEN.replace("\"contact\":null,", ""), "members[1].contact", "is missing");
    refused(GOLDEN.replace("\"cards\":[", "\"cards\":null,\"cardz\":["), "$", "has fields not in the format");
    refused(GOLDEN.replace("\"cards\":[", "\"cardz\":["), "cards", "is missing");
    refused(GOLDEN.replace("\"cards\":[", "\"cards\":{},\"cardz\":[").replace("\"deliveries\":[", "\"deliveries\":{},\"x\":["), "$",
        "has fields not in the format");
    refused(GOLDEN.replace("\"cards\":[\n", "\"cards\":{\"a\":[\n").replace("\n],\n\"deliveries", "\n]},\n\"deliveries"), "cards",
        "must be an array");
    refused(GOLDEN.replace(",\"status\":\"REVOKED\"", ",\"status\":\"REVOKED\",\"欧阳娜娜\":1"), "cards[1]", "has fields not in the format");
    ValidationException e = refused(GOLDEN.replace("\"birthDate\":null,", "\"birthDate\":null,\"13912347788\":\"x\","));
    assertEquals("cards[1]", e.field());
    refused(GOLDEN.replace("\"birthDate\":null,", "\"birthDate\":null,\"birthDate\":null,"), "cards[1]", "'birthDate' appears twice");
    refused(GOLDEN.replace("\"birthDate\":null,", "\"birthDate\":null,\"x1949-12-31\":null,\"x1949-12-31\":null,"), "cards[1]",
        "the field name appears twice");
    refused(GOLDEN.replace("\"EXPEL\":[]", "\"EXPEL\":[],\"EXPLODE\":[]"), "roles", "is not a membership action");
    refused(GOLDEN.replace("\"EXPEL\":[]", "\"EXPEL\":[\"JANITOR\"]"), "roles.EXPEL[0]", "is not one of");
    refused(GOLDEN.replace("\"rep-a\",\"rep-b\"", "\"rep-a\",\"rep-a\""), "members[0].representatives[1]", "appears twice");
  }

  @Test
  void fromJson_mistypedFields_areRefusedNamingTheKindNotTheValue() {
    refused(GOLDEN.replace("\"members\":[", "\"members\":[null,"), "members[0]", "must be an object");
    refused(GOLDEN.replace("\"followsParent\":false", "\"followsParent\":\"false\""), "members[0].followsParent", "true or false");
    refused(GOLDEN.replace("\"id\":\"m0\"", "\"id\":0"), "members[0].id", "must be a string");
    refused(GOLDEN.replace("\"kind\":\"MERCHANT\"", "\"kind\":\"SHOP\""), "members[0].kind", "is not one of");
    refused(GOLDEN.replace("\"name\":{\"zh\":\"王记老店\",\"en\":\"Wang's old shop\"}", "\"name\":\"王记老店\""), "members[0].name",
        "must be an object");
    refused(GOLDEN.replace("\"zh\":\"王记老店\"", "\"zh\":\" \""), "members[0].name.zh", "must not be blank");
    refused(GOLDEN.replace("\"at\":\"2026-11-24T01:01:00Z\"", "\"at\":\"yesterday\""), "deliveries[1].at", "ISO-8601 instant");
    refused(GOLDEN.replace("\"validUntil\":\"2027-06-30\",\"status\":\"REVOKED\"", "\"validUntil\":\"2027-06-31\",\"status\":\"REVOKED\""),
        "cards[1].validUntil", "ISO-8601 date");
    refused(GOLDEN.replace("\"discountPercent\":20", "\"discountPercent\":100"), "pledges[1].price.discountPercent", "1..99");
    refused(GOLDEN.replace("\"discountPercent\":20", "\"discountPercent\":null"), "pledges[1].price.discountPercent", "needs its percentage");
    refused(GOLDEN.replace("\"kind\":\"FREE\",\"discountPercent\":null", "\"kind\":\"FREE\",\"discountPercent\":5"),
        "pledges[0].price.discountPercent", "only a discount");
    refused(GOLDEN.replace("\"minAge\":60", "\"minAge\":151"), "pledges[1].eligibility.minAge", "0..150");
    refused(GOLDEN.replace("\"tiers\":[\"ESTEEM\"]", "\"tiers\":[]"), "pledges[1].tiers", "at least one");
    refused(GOLDEN.replace("\"end\":\"2027-02-01\"", "\"end\":\"2026-11-01\""), "pledges[1].validity.end", "must be after start");
    refused(GOLDEN.replace("\"end\":\"2026-11-24T02:00:00Z\"", "\"end\":\"2026-11-24T01:00:00Z\""), "pledges[1].sessions[0].end",
        "must be after start");
    refused(GOLDEN.replace("\"point\":{\"latitude\":31.2304,\"longitude\":121.4737},\"gridCell\":\"cell-7\"",
        "\"point\":null,\"gridCell\":null"), "pledges[1].place.point", "a point or a grid cell");
    refused(GOLDEN.replace("\"parent\":\"m0\",\"followsParent\":true", "\"parent\":\"s0\",\"followsParent\":true"), "members[1].parent",
        "its own parent");
    refused(GOLDEN.replace("\"parent\":\"m0\",\"followsParent\":true", "\"parent\":null,\"followsParent\":true"),
        "members[1].followsParent", "without a parent");
  }

  @Test
  void fromJson_badPersonalValues_areRefusedWithoutShowingThem() {
    refused(GOLDEN.replace("\"phone\":\"13912347788\"", "\"phone\":13912347788"), "members[0].contact.phone", "must be a string");
    refused(GOLDEN.replace("\"phone\":\"13912347788\"", "\"phone\":\"  \""), "members[0].contact", "is not valid");
    refused(GOLDEN.replace("\"name\":\"欧阳娜娜\"", "\"name\":[\"欧阳娜娜\"]"), "members[0].contact.name", "must be a string");
    refused(GOLDEN.replace("1949-12-31", "1949-12-31x"), "cards[0].birthDate", "ISO-8601 date");
    refused(GOLDEN.replace("\"ELDERLY_LIVING_ALONE\"", "\"ELDERLY_LIVING_ALONE \""), "cards[0].householdFlags[0]", "is not a known household flag");
    refused(GOLDEN.replace("\"ELDERLY_LIVING_ALONE\"", "\"ELDERLY_LIVING_ALONE\",\"ELDERLY_LIVING_ALONE\""), "cards[0].householdFlags[1]",
        "appears twice");
    refused(GOLDEN.replace("\"area\":\"xingfuli-7\"", "\"area\":\" xingfuli-7\""), "cards[0].area", "is not a valid id");
    refused(GOLDEN.replace("\"area\":\"xingfuli-7\"", "\"area\":\"xingfuli-7\\u0000\""), "cards[0].area", "is not a valid id");
    refused(GOLDEN.replace("\"b-area\"", "\"xingfuli-7\\n\""), "pledges[1].eligibility.areas", "is not a valid id");
    refused(GOLDEN.replace("\"b-area\"", "\"a-area\""), "pledges[1].eligibility.areas[1]", "appears twice");
  }

  @Test
  void parse_moreValuesThanTheLimit_isRefused() {
    String many = GOLDEN.replace("\"sessions\":[]", "\"sessions\":[" + "0,".repeat(999) + "0]");
    assertEquals(small().pledges().get(0).sessions(), List.of(), "the golden's first pledge has no sessions");
    ValidationException e = assertThrows(ValidationException.class, () -> Json.parse(many, Set.of("pledges", "sessions"), 1000));
    assertTrue(e.field().startsWith("pledges[0].sessions["), e.getMessage());
    assertTrue(e.getMessage().contains("more than the limit of 1000 values"), e.getMessage());
    assertEquals(1, Json.parse(GOLDEN, Set.of(), Json.MAX_VALUES).get("version") instanceof Json.Num ? 1 : 0);
  }

  @Test
  void fromJson_tooLong_isRefusedBeforeParsing() {
    String huge = " ".repeat(Json.MAX_LENGTH - GOLDEN.length() + 1);
    refused(GOLDEN + huge, "$", "longer than the limit of " + Json.MAX_LENGTH);
  }
}
