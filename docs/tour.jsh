// The Linli tour: run it with  ./linli-jshell docs/tour.jsh
// It walks through what Linli can do today. Each module adds its part as it lands.

System.out.println("Linli (邻里) tour");
System.out.println("================");

// 1. The shared vocabulary: every label exists in Chinese and English.
System.out.println("\nMaslow tiers and their default response levels:");
for (MaslowTier t : MaslowTier.values()) {
  System.out.printf(java.util.Locale.ROOT, "  %-20s %-6s -> %s%n",
      t.label().en(), t.label().zh(), ResponseLevel.defaultFor(t).label());
}

System.out.println("\nThe eight default service domains:");
for (ServiceDomain d : ServiceDomain.defaults()) {
  System.out.printf(java.util.Locale.ROOT, "  %-15s %s%n", d.id(), d.label());
}

// 2. Actors and permissions: every state-changing operation checks who asks.
Actor resident = Actor.of("resident-0042", Role.RESIDENT);
try {
  resident.require("member.admit", java.util.Set.of(Role.ALLIANCE_ADMIN));
} catch (PermissionDeniedException e) {
  System.out.println("\nRefused as expected: " + e.getMessage());
}

// 3. Observations: how modules report figures to the scorecard.
Observation served = Observation.builder()
    .indicatorId("matching.served_share")
    .value(0.87)
    .period(Period.month(YearMonth.of(2026, 10)))
    .scope("lishan")
    .unit("share")
    .source("matching")
    .build();
System.out.println("\nAn observation: " + served);

// 4. The alliance: a seeded community shaped like source 004's Lishan service club.
System.out.println("\n== The alliance (联盟) ==");
Clock clock = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), SampleCommunity.ZONE);
SampleCommunity lishan = SampleCommunity.generate(2026);
Alliance club = lishan.alliance(clock);
AllianceFigures figures = club.figures(SampleCommunity.COMMUNITY);
System.out.printf(Locale.ROOT, "%d members, %d projects (%d free), %d benefit-card holders%n",
    figures.members(), figures.projects(), figures.freeProjects(), figures.cardHolders());
System.out.println("projects by domain: " + figures.projectsByDomain());

// A new merchant applies; the joint meeting admits it by resolution.
Member bakery = Member.builder().id(MemberId.of("m-bakery")).kind(MemberKind.MERCHANT)
    .name(Label.of("邻家面包房", "Neighbour's Bakery")).community(SampleCommunity.COMMUNITY).build();
club.apply(SampleCommunity.administrator(), bakery);
Actor secretary = Actor.of("sec-1", Role.MEETING_SECRETARY);
JointMeeting meeting = JointMeeting.convene(secretary, "jm-2026-11", Charter.standard(), List.of(
    Seat.of("party-1", Party.PARTY_COMMITTEE), Seat.of("rc-1", Party.RESIDENTS_COMMITTEE),
    Seat.of("club-1", Party.ALLIANCE), Seat.of("unit-1", Party.MEMBER_UNITS, MemberId.of("m-0001")),
    Seat.of("res-1", Party.RESIDENT_REPRESENTATIVES)), clock);
String admit = meeting.propose(secretary, Motion.admitMember(bakery.id()));
for (String seat : List.of("party-1", "rc-1", "club-1", "unit-1", "res-1")) {
  meeting.vote(Actor.of(seat, Role.RESIDENT), admit, Choice.YES);
}
Tally tally = meeting.close(secretary, admit);
System.out.println("joint meeting: " + tally);
club.enact(secretary, tally.resolution().orElseThrow());
System.out.println("m-bakery is now " + club.status(bakery.id()) + ", by " + club.history(bakery.id()).get(1).authority());

System.out.println("\nTour finished.");
