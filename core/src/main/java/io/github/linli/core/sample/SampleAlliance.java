package io.github.linli.core.sample;

import io.github.linli.core.Actor;
import io.github.linli.core.GeoPoint;
import io.github.linli.core.HouseholdFlag;
import io.github.linli.core.Label;
import io.github.linli.core.MemberId;
import io.github.linli.core.Period;
import io.github.linli.core.Role;
import io.github.linli.core.alliance.Alliance;
import io.github.linli.core.alliance.BenefitCard;
import io.github.linli.core.alliance.Member;
import io.github.linli.core.alliance.MemberKind;
import io.github.linli.core.alliance.Place;
import io.github.linli.core.alliance.Pledge;
import io.github.linli.core.alliance.PledgeEligibility;
import io.github.linli.core.alliance.PledgePrice;
import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Builds the alliance of a {@link SampleCommunity}: members, pledges and benefit cards. */
final class SampleAlliance {
  private SampleAlliance() {}

  /** Members per kind at scale 1: 42 in all, as in source 004 ("more than 40 units"). */
  private static final Object[][] KINDS = {
    {MemberKind.RESIDENT_UNIT, 14}, {MemberKind.MERCHANT, 12}, {MemberKind.SOCIAL_ORGANISATION, 5},
    {MemberKind.PROPERTY_MANAGEMENT, 2}, {MemberKind.OWNERS_COMMITTEE, 2}, {MemberKind.RESIDENTS_COMMITTEE, 1},
    {MemberKind.PARTY_ORGANISATION, 2}, {MemberKind.GOVERNMENT_AGENCY, 1}, {MemberKind.RESIDENT_VOLUNTEER, 3},
  };

  /** Project templates: domain, tier, zh, en. */
  private static final Object[][] PROJECTS = {
    {ServiceDomain.HEALTHCARE, MaslowTier.SAFETY, "免费测血压血糖", "free blood-pressure and glucose checks"},
    {ServiceDomain.HEALTHCARE, MaslowTier.SAFETY, "家庭医生签约上门", "family-doctor home visits"},
    {ServiceDomain.HEALTHCARE, MaslowTier.PHYSIOLOGICAL, "慢病药品代购代送", "chronic-disease medicine delivery"},
    {ServiceDomain.HEALTHCARE, MaslowTier.SELF_ACTUALIZATION, "急救技能培训", "first-aid training"},
    {ServiceDomain.ELDERLY_CARE, MaslowTier.PHYSIOLOGICAL, "老年助餐送餐", "meals for older residents"},
    {ServiceDomain.ELDERLY_CARE, MaslowTier.PHYSIOLOGICAL, "上门助浴", "help with bathing at home"},
    {ServiceDomain.ELDERLY_CARE, MaslowTier.SAFETY, "独居老人每日探访", "daily visits to older people living alone"},
    {ServiceDomain.ELDERLY_CARE, MaslowTier.BELONGING, "老年人陪伴聊天", "companionship for older residents"},
    {ServiceDomain.EDUCATION, MaslowTier.SAFETY, "四点半课堂课后托管", "after-school care (4:30 class)"},
    {ServiceDomain.EDUCATION, MaslowTier.ESTEEM, "大学生志愿辅导", "student volunteer tutoring"},
    {ServiceDomain.EDUCATION, MaslowTier.SELF_ACTUALIZATION, "老年大学书法国画班", "calligraphy and painting for seniors"},
    {ServiceDomain.EDUCATION, MaslowTier.SELF_ACTUALIZATION, "智能手机使用课", "smartphone classes"},
    {ServiceDomain.LEGAL, MaslowTier.SAFETY, "律师免费法律咨询", "free legal advice from lawyers"},
    {ServiceDomain.LEGAL, MaslowTier.SAFETY, "防诈骗宣传讲座", "anti-fraud talks"},
    {ServiceDomain.EMPLOYMENT, MaslowTier.SAFETY, "就业岗位推荐", "job matching"},
    {ServiceDomain.EMPLOYMENT, MaslowTier.ESTEEM, "职业技能培训", "vocational skills training"},
    {ServiceDomain.EMPLOYMENT, MaslowTier.SELF_ACTUALIZATION, "创业指导", "start-up mentoring"},
    {ServiceDomain.ENVIRONMENT, MaslowTier.SAFETY, "楼道杂物清理", "clearing stairwells"},
    {ServiceDomain.ENVIRONMENT, MaslowTier.BELONGING, "社区花园共建", "community garden"},
    {ServiceDomain.DAILY_LIVING, MaslowTier.PHYSIOLOGICAL, "水电维修上门", "plumbing and electrical repairs"},
    {ServiceDomain.DAILY_LIVING, MaslowTier.SAFETY, "燃气安全检查", "gas safety checks"},
    {ServiceDomain.DAILY_LIVING, MaslowTier.SAFETY, "开锁换锁服务", "lock repair"},
    {ServiceDomain.DAILY_LIVING, MaslowTier.PHYSIOLOGICAL, "便民理发", "haircuts at community prices"},
    {ServiceDomain.CULTURE_SPORTS, MaslowTier.BELONGING, "广场舞队", "square-dance group"},
    {ServiceDomain.CULTURE_SPORTS, MaslowTier.BELONGING, "邻里节活动", "neighbourhood festival"},
    {ServiceDomain.CULTURE_SPORTS, MaslowTier.ESTEEM, "社区文化节作品展", "culture festival exhibition"},
    {ServiceDomain.CULTURE_SPORTS, MaslowTier.SELF_ACTUALIZATION, "社区读书会", "community book club"},
  };

  static final Actor ADMIN = Actor.of("sample-admin", Role.ALLIANCE_ADMIN);

  static Alliance build(SampleCommunity community, Clock clock) {
    SplittableRandom r = new SplittableRandom(community.seed() * 7919 + 17);
    int scale = community.scale();
    Alliance alliance = Alliance.create("sample-" + community.seed(), clock);
    LocalDate today = LocalDate.now(clock);
    List<Member> members = new ArrayList<>();
    int n = 0;
    for (Object[] k : KINDS) {
      MemberKind kind = (MemberKind) k[0];
      for (int i = 0; i < (Integer) k[1] * scale; i++) {
        n++;
        String id = String.format(Locale.ROOT, "m-%04d", n);
        Member m =
            Member.builder()
                .id(MemberId.of(id))
                .kind(kind)
                .name(Label.of(kind.label().zh() + " " + n + " 号", kind.label().en() + " no. " + n))
                .community(SampleCommunity.COMMUNITY)
                .addRepresentative("rep-" + id)
                .build();
        alliance.apply(ADMIN, m);
        alliance.admit(ADMIN, m.id());
        members.add(m);
      }
    }
    // 77 projects at scale 1, 33 of them free (source 004), pledged by the units, merchants,
    // social organisations and volunteers.
    List<Member> pledgers = new ArrayList<>();
    for (Member m : members) {
      if (m.kind() != MemberKind.RESIDENTS_COMMITTEE && m.kind() != MemberKind.PARTY_ORGANISATION
          && m.kind() != MemberKind.GOVERNMENT_AGENCY && m.kind() != MemberKind.OWNERS_COMMITTEE) {
        pledgers.add(m);
      }
    }
    int projects = 77 * scale;
    int free = 33 * scale;
    for (int p = 0; p < projects; p++) {
      Object[] t = PROJECTS[p % PROJECTS.length];
      Member by = pledgers.get(r.nextInt(pledgers.size()));
      String cell = community.cells().get(r.nextInt(community.cells().size()));
      GeoPoint where = community.pointIn(cell, r);
      PledgeEligibility.Builder who = PledgeEligibility.builder().cardHoldersOnly(r.nextDouble() < 0.7);
      if (t[0] == ServiceDomain.ELDERLY_CARE) {
        who.minAge(60);
      }
      if (t[0] == ServiceDomain.ELDERLY_CARE && t[1] == MaslowTier.SAFETY) {
        who.addHouseholdFlag(HouseholdFlag.ELDERLY_LIVING_ALONE);
      }
      alliance.pledge(
          Actor.of("rep-" + by.id().value(), Role.MEMBER_REPRESENTATIVE),
          Pledge.builder()
              .id(String.format(Locale.ROOT, "p-%04d", p + 1))
              .member(by.id())
              .title(Label.of((String) t[2], (String) t[3]))
              .domain((ServiceDomain) t[0])
              .addTier((MaslowTier) t[1])
              .price(p < free ? PledgePrice.free() : PledgePrice.discount(10 + 10 * r.nextInt(5)))
              .capacity(5 + r.nextInt(56))
              .eligibility(who.build())
              .place(Place.of(where, cell))
              .validity(Period.of(today.withDayOfYear(1), today.withDayOfYear(1).plusYears(2)))
              .build());
    }
    int c = 0;
    for (SampleResident resident : community.residents()) {
      if (!resident.cardHolder()) {
        continue;
      }
      c++;
      alliance.issueCard(
          ADMIN,
          BenefitCard.builder()
              .id(String.format(Locale.ROOT, "c-%06d", c))
              .holder(resident.id())
              .birthDate(today.minusYears(resident.age()).minusDays(r.nextInt(365)))
              .householdFlags(resident.flags())
              .area(resident.cell())
              .validUntil(today.plusYears(2))
              .build());
    }
    return alliance;
  }
}
