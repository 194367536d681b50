// The Linli tour: run it with  ./linli-jshell docs/tour.jsh
// It walks through what Linli can do today. Each module adds its part as it lands.

System.out.println("Linli (邻里) tour");
System.out.println("================");

// Run from the top of a clone (or from docs/). It writes its report into target/linli-tour.

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


// 5. A month of residents' needs, classified by Maslow tier and service domain.
System.out.println("\n== Demands (需求) ==");
Path docsDir = Files.exists(Path.of("docs", "tour.jsh")) ? Path.of("docs") : Path.of(".");
Path reportDir = Files.createDirectories(Path.of("target", "linli-tour"));
YearMonth month = YearMonth.of(2026, 10);
List<SampleNeed> needs = lishan.needs(month);
DemandClassifier classifier = DemandClassifier.defaultClassifier();
System.out.print("classifying " + needs.size() + " needs of " + month + " ");
List<Demand> demands = new ArrayList<>();
Map<MaslowTier, Integer> tierMix = new EnumMap<>(MaslowTier.class);
Map<String, Integer> domainMix = new TreeMap<>();
int tierAgrees = 0, domainAgrees = 0, toReview = 0;
for (int i = 0; i < needs.size(); i++) {
  SampleNeed n = needs.get(i);
  DemandIntake at = DemandIntake.create(Clock.fixed(n.createdAt(), ZoneOffset.UTC), classifier, ResponseMapping.defaults());
  Demand d = at.classify(Actor.system(), at.submit(Actor.system(), DemandRequest.builder()
      .id(n.id()).requester(n.requester()).text(n.text()).point(n.place()).gridCell(n.cell()).build()));
  demands.add(d);
  tierMix.merge(d.tier().get(), 1, Integer::sum);
  domainMix.merge(d.domain().get().id(), 1, Integer::sum);
  if (d.tier().get() == n.tier()) tierAgrees++;
  if (d.domain().get().equals(n.domain())) domainAgrees++;
  if (d.needsReview()) toReview++;
  if (i % 100 == 99) System.out.print(".");
}
System.out.println();
System.out.println("tier mix:   " + tierMix);
System.out.println("domain mix: " + domainMix);
System.out.printf(Locale.ROOT, "agreement with the coordinators' labels: tier %.1f %%, domain %.1f %%; %d flagged for review%n",
    100.0 * tierAgrees / needs.size(), 100.0 * domainAgrees / needs.size(), toReview);
for (String text : List.of("3号楼独居老人摔倒了，起不来", "Looking for a calligraphy class for retirees")) {
  Classification c = classifier.classify(text);
  System.out.printf(Locale.ROOT, "  %s -> %s, %s, %s (confidence %.2f)%n", text, c.tier(), c.domain().id(), c.urgency(), c.confidence());
}
DemandMap demandMap = DemandMap.of(demands, Period.month(month), SampleCommunity.ZONE);
Files.writeString(reportDir.resolve("demand-map.csv"), demandMap.toCsv());
Files.writeString(reportDir.resolve("demand-map.svg"), demandMap.toSvg(Locale.SIMPLIFIED_CHINESE));


// 7. A participatory budget (参与式预算): greedy and the Method of Equal Shares side by side.
System.out.println("\n== Participatory budget ==");
BudgetElection renewal = Pabulib.read(docsDir.resolve("budget-example.pb"));
System.out.println(renewal);
BudgetOutcome byVotes = renewal.count(BudgetRule.greedy());
BudgetOutcome byShares = renewal.count(BudgetRule.equalShares(Completion.ADD1_UTILITARIAN, true));
System.out.println("greedy by votes:        " + byVotes.selectedProjectIds());
System.out.println("method of equal shares: " + byShares.selectedProjectIds());
// Where the two rules differ: six voters want the bike path and the gym, four the children's projects.
BudgetElection.Builder eleven = BudgetElection.builder().budget(1100)
    .addProject("bike", 700).addProject("gym", 400).addProject("park", 250)
    .addProject("playground", 200).addProject("library", 100);
for (int v = 1; v <= 6; v++) eleven.addBallot(BudgetBallot.approval("v" + v, "bike", "gym"));
eleven.addBallot(BudgetBallot.approval("v7", "park", "playground", "library"));
eleven.addBallot(BudgetBallot.approval("v8", "playground"));
eleven.addBallot(BudgetBallot.approval("v9", "playground", "library"));
eleven.addBallot(BudgetBallot.approval("v10", "park", "playground", "library"));
BudgetElection small = eleven.build();
System.out.println("11 voters, greedy:      " + small.count(BudgetRule.greedy()).selectedProjectIds());
System.out.println("11 voters, equal shares: " + small.count(BudgetRule.equalShares(Completion.NONE, false)).selectedProjectIds());

// 8. Evaluation: the five-dimension governance index and the public value scorecard (source 000, 001).
System.out.println("\n== Evaluation ==");
Period october = Period.month(YearMonth.of(2026, 10));
List<Observation> observed = new ArrayList<>(List.of(
    Observation.of(IndicatorSystems.SERVED_SHARE, 0.72, october, SampleCommunity.COMMUNITY),
    Observation.of(IndicatorSystems.TIMEBANK_PARTICIPATION, 0.12, october, SampleCommunity.COMMUNITY)));
observed.addAll(figures.observations(october));
SurveyResult governanceSurvey = SurveyReader.read(docsDir.resolve("data/governance-survey-sample.csv"),
    Questionnaires.governanceIndex(5), MissingDataPolicy.PERSON_MEAN);
System.out.println(governanceSurvey);
Scorecard governance = Scorecard.evaluate(IndicatorSystems.governanceIndex(), SampleCommunity.COMMUNITY, october, governanceSurvey, observed);
System.out.println(governance);
SurveyResult valueSurvey = SurveyReader.read(docsDir.resolve("data/public-value-survey-sample.csv"),
    Questionnaires.publicValueScorecard(5), MissingDataPolicy.PERSON_MEAN);
Scorecard publicValue = Scorecard.evaluate(IndicatorSystems.publicValueScorecard(), SampleCommunity.COMMUNITY, october, valueSurvey, observed);
System.out.println(publicValue);
System.out.println("\nDiagnosis (诊断):");
System.out.println(governance.diagnose().text(Locale.CHINA));
System.out.println(governance.diagnose().text(Locale.ENGLISH));

// 9. The report: Markdown, CSV and SVG charts in one folder.
Files.writeString(reportDir.resolve("governance-index.md"), Reports.markdown(governance, Locale.CHINA));
Files.writeString(reportDir.resolve("governance-index.csv"), Reports.csv(governance));
Files.writeString(reportDir.resolve("governance-radar.svg"), Charts.radar(governance, Locale.CHINA));
Files.writeString(reportDir.resolve("governance-indicators.svg"), Charts.bars(governance, Locale.ENGLISH));
Files.writeString(reportDir.resolve("public-value-scorecard.md"), Reports.markdown(publicValue, Locale.ENGLISH));
System.out.println("\nReport written to " + reportDir.toAbsolutePath() + ":");
try (var files = Files.list(reportDir)) {
  files.sorted().forEach(f -> System.out.println("  " + f.getFileName()));
}

System.out.println("\nTour finished.");
