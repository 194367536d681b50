package io.github.linli.core.sample;

import io.github.linli.core.demand.MaslowTier;
import io.github.linli.core.demand.ServiceDomain;
import io.github.linli.core.demand.Urgency;
import java.util.List;

/** Realistic need texts in Chinese and English, with the tier and domain a coordinator would give. */
final class NeedTemplates {
  private NeedTemplates() {}

  static final class Template {
    final ServiceDomain domain;
    final MaslowTier tier;
    final Urgency urgency;
    final String zh;
    final String en;

    Template(ServiceDomain domain, MaslowTier tier, Urgency urgency, String zh, String en) {
      this.domain = domain;
      this.tier = tier;
      this.urgency = urgency;
      this.zh = zh;
      this.en = en;
    }
  }

  private static Template t(ServiceDomain d, MaslowTier m, Urgency u, String zh, String en) {
    return new Template(d, m, u, zh, en);
  }

  // {b} building number, {f} floor, {n} a small number
  static final List<Template> ALL =
      List.of(
          t(ServiceDomain.ELDERLY_CARE, MaslowTier.PHYSIOLOGICAL, Urgency.HIGH,
              "{b}号楼独居老人行动不便，希望每天有人送午饭", "An elderly man living alone in building {b} cannot walk far and needs lunch delivered every day"),
          t(ServiceDomain.ELDERLY_CARE, MaslowTier.PHYSIOLOGICAL, Urgency.NORMAL,
              "家里老人卧床，需要上门助浴服务", "My bedridden mother needs someone to help her bathe at home"),
          t(ServiceDomain.ELDERLY_CARE, MaslowTier.SAFETY, Urgency.CRITICAL,
              "{b}号楼{f}层老人在家摔倒了，起不来，请马上来人", "An old lady on floor {f} of building {b} fell at home and cannot get up, please come now"),
          t(ServiceDomain.ELDERLY_CARE, MaslowTier.BELONGING, Urgency.LOW,
              "老伴去世后一个人在家很孤单，想找人陪着聊聊天", "Since my wife passed away I am lonely at home and would like someone to visit and chat"),
          t(ServiceDomain.HEALTHCARE, MaslowTier.SAFETY, Urgency.NORMAL,
              "高血压需要定期量血压，希望社区医生上门", "I have high blood pressure and need a community doctor to check it at home regularly"),
          t(ServiceDomain.HEALTHCARE, MaslowTier.SAFETY, Urgency.CRITICAL,
              "邻居突然晕倒了，呼吸困难，急需医生", "My neighbour suddenly collapsed and is struggling to breathe, we urgently need a doctor"),
          t(ServiceDomain.HEALTHCARE, MaslowTier.PHYSIOLOGICAL, Urgency.HIGH,
              "家里的降糖药吃完了，腿脚不便，请帮忙去医院开药", "I ran out of my diabetes medicine and cannot get to the clinic, please help me refill it"),
          t(ServiceDomain.HEALTHCARE, MaslowTier.SELF_ACTUALIZATION, Urgency.LOW,
              "想参加急救培训，学会心肺复苏", "I would like to take a first-aid course and learn CPR"),
          t(ServiceDomain.DAILY_LIVING, MaslowTier.PHYSIOLOGICAL, Urgency.HIGH,
              "{b}号楼停水两天了，家里没法做饭", "Building {b} has had no water for two days and we cannot cook"),
          t(ServiceDomain.DAILY_LIVING, MaslowTier.PHYSIOLOGICAL, Urgency.HIGH,
              "暖气不热，家里只有十二度，老人受不了", "The heating is not working, it is only 12 degrees at home and my parents are freezing"),
          t(ServiceDomain.DAILY_LIVING, MaslowTier.SAFETY, Urgency.CRITICAL,
              "楼道里有很浓的煤气味，可能漏气了", "There is a strong gas smell in the stairwell of building {b}, maybe a leak"),
          t(ServiceDomain.DAILY_LIVING, MaslowTier.SAFETY, Urgency.NORMAL,
              "家里门锁坏了，锁不上门，担心不安全", "Our front door lock is broken and will not lock, we do not feel safe"),
          t(ServiceDomain.DAILY_LIVING, MaslowTier.PHYSIOLOGICAL, Urgency.NORMAL,
              "水管漏水，需要维修师傅上门", "A water pipe is leaking in the kitchen and we need a plumber"),
          t(ServiceDomain.ENVIRONMENT, MaslowTier.SAFETY, Urgency.NORMAL,
              "小区垃圾堆了好几天没人清运，有老鼠", "Rubbish has piled up for days near building {b} and there are rats"),
          t(ServiceDomain.ENVIRONMENT, MaslowTier.BELONGING, Urgency.LOW,
              "想和邻居们一起把楼下空地改成小花园", "I want to turn the empty lot behind building {b} into a garden together with the neighbours"),
          t(ServiceDomain.ENVIRONMENT, MaslowTier.SAFETY, Urgency.HIGH,
              "楼上装修噪音太大，晚上十一点还在施工", "Renovation noise upstairs goes on until 11 pm every night"),
          t(ServiceDomain.EDUCATION, MaslowTier.SAFETY, Urgency.NORMAL,
              "双职工家庭，孩子放学后没人看管，需要课后托管", "We both work and our child has nobody to look after her after school"),
          t(ServiceDomain.EDUCATION, MaslowTier.SELF_ACTUALIZATION, Urgency.LOW,
              "退休了想学书法和国画", "I am retired and would like to learn calligraphy and Chinese painting"),
          t(ServiceDomain.EDUCATION, MaslowTier.SELF_ACTUALIZATION, Urgency.LOW,
              "想学用智能手机，能和孙子视频通话", "I want to learn to use a smartphone so I can video call my grandson"),
          t(ServiceDomain.EDUCATION, MaslowTier.ESTEEM, Urgency.LOW,
              "孩子数学跟不上，想找大学生志愿者辅导", "My son is falling behind in maths and needs a student volunteer tutor"),
          t(ServiceDomain.LEGAL, MaslowTier.SAFETY, Urgency.NORMAL,
              "房东不退押金，想咨询律师", "My landlord will not return my deposit and I need legal advice"),
          t(ServiceDomain.LEGAL, MaslowTier.SAFETY, Urgency.HIGH,
              "老人接到诈骗电话被骗了两万元，怎么办", "My father was cheated out of 20,000 yuan by a phone scam, what can we do"),
          t(ServiceDomain.LEGAL, MaslowTier.SAFETY, Urgency.NORMAL,
              "装修公司拖欠工钱，想申请法律援助", "The renovation company owes me wages and I want legal aid"),
          t(ServiceDomain.EMPLOYMENT, MaslowTier.SAFETY, Urgency.HIGH,
              "失业三个月了，家里没有收入，想找工作", "I lost my job three months ago, we have no income and I need work"),
          t(ServiceDomain.EMPLOYMENT, MaslowTier.ESTEEM, Urgency.LOW,
              "想参加职业技能培训，考个证书", "I would like vocational training to earn a certificate"),
          t(ServiceDomain.EMPLOYMENT, MaslowTier.SELF_ACTUALIZATION, Urgency.LOW,
              "想在社区开个手工小店，需要创业指导", "I want to open a small handicraft shop and need advice on starting a business"),
          t(ServiceDomain.CULTURE_SPORTS, MaslowTier.BELONGING, Urgency.LOW,
              "希望社区组织广场舞队，大家一起锻炼", "Could the community start a square-dance group so we can exercise together"),
          t(ServiceDomain.CULTURE_SPORTS, MaslowTier.BELONGING, Urgency.LOW,
              "刚搬来小区，不认识邻居，想参加邻里活动", "We just moved in and do not know anyone, we would like to join neighbourhood events"),
          t(ServiceDomain.CULTURE_SPORTS, MaslowTier.ESTEEM, Urgency.LOW,
              "想在社区文化节上展示自己的摄影作品", "I would like to show my photographs at the community culture festival"),
          t(ServiceDomain.CULTURE_SPORTS, MaslowTier.SELF_ACTUALIZATION, Urgency.LOW,
              "想组织一个读书会，每月一次", "I want to organise a monthly book club for the neighbourhood"),
          t(ServiceDomain.ELDERLY_CARE, MaslowTier.ESTEEM, Urgency.LOW,
              "退休老教师想发挥余热，给孩子们讲课", "I am a retired teacher and would like to give talks to the children, to still be useful"));
}
