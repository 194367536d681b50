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
System.out.printf(Locale.ROOT, "%nAn observation: %s = %.2f (%s) for %s in %s, from %s%n", served.indicatorId(), served.value(),
    served.unit().orElse(""), served.scope(), served.period(), served.source().orElse("?"));

// 4. The alliance: a seeded community shaped like source 004's Lishan service club.
System.out.println("\n== The alliance (联盟) ==");
Clock clock = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), SampleCommunity.ZONE);
SampleCommunity lishan = SampleCommunity.generate(2026);
// The alliance keeps its state as events in the embedded store: H2 in a file under target/, nothing
// to install, and it survives a restart. Each run of the tour is a community of its own in the store.
Path storeDir = Path.of("target", "linli-tour-store");
EventStore store = EventStores.embedded(storeDir);
Map<String, Long> earlierRuns = store.heads();
String tenant = "lishan-run-" + (earlierRuns.size() + 1);
System.out.println(earlierRuns.isEmpty() ? "a new embedded store in " + storeDir
    : "the embedded store in " + storeDir + " still holds the " + earlierRuns.size() + " earlier run(s) of this tour: " + earlierRuns);
PersonalDataStore people = PersonalDataStore.inMemory(clock);   // PersonalDataStore.jdbc(…) keeps them encrypted in the database
AllianceSnapshot sample = AllianceSnapshot.builder().from(lishan.alliance(clock).snapshot()).id(tenant).build();
Alliance club = Alliance.restore(sample, clock, store, people);   // imports the sample as events of the tenant
System.out.println("kept in the embedded store as " + store.head(tenant) + " events of " + tenant);
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
Alliance afterRestart = Alliance.open(EventStores.embedded(storeDir), tenant, clock, people);   // as a restarted server would
System.out.println("after a restart: " + afterRestart.members().size() + " members, m-bakery " + afterRestart.status(bakery.id()));


// 5. A month of residents' needs, classified by Maslow tier and service domain.
System.out.println("\n== Demands (需求) ==");
Path docsDir = Files.exists(Path.of("docs", "tour.jsh")) ? Path.of("docs") : Path.of(".");
Path reportDir = Files.createDirectories(Path.of("target", "linli-tour"));
YearMonth month = YearMonth.of(2026, 11);
Period november = Period.month(month);
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
      .id(n.id()).requester(n.requester()).text(n.text()).point(n.place()).gridCell(n.cell()).wanted(n.wanted()).build()));
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


// 5b. Matching the month's needs to the pledged services: basic needs first, every decision explained.
System.out.println("\n== Matching (供需对接) ==");
// Pledges become offers for the month (capacity prorated to it); classified demands become needs.
List<Offer> offers = club.pledges().stream()
    .map(p -> Offer.fromPledge(p, Period.month(month), SampleCommunity.ZONE, 1200, 3000))
    .collect(Collectors.toList());
Map<ResidentId, SampleResident> residentById = lishan.residents().stream().collect(Collectors.toMap(SampleResident::id, r -> r));
List<Need> monthNeeds = demands.stream()
    .map(d -> { SampleResident who = residentById.get(d.requester());
                return Need.fromDemand(d, RequesterFacts.of(who.cardHolder(), who.age(), who.flags())); })
    .collect(Collectors.toList());
MatchResult matched = Matcher.exact().match(monthNeeds, offers);
double servedShare = matched.metrics().servedShare();
System.out.printf(Locale.ROOT, "%d of %d needs served (%.1f %%) by %d offers%n",
    matched.metrics().servedCount(), matched.metrics().demandCount(), 100 * servedShare, offers.size());
matched.metrics().servedShareByTier().forEach((tier, share) ->
    System.out.printf(Locale.ROOT, "  %-20s %5.1f %%%n", tier.label().en(), 100 * share));
System.out.println("supply gap by domain (needs minus capacity; negative = capacity to spare): " + matched.metrics().supplyGapByDomain());
// Spare capacity in every domain, yet needs go unserved: the mismatch is of kind, place and time, not of quantity.
System.out.println("unserved needs by reason: " + matched.unmatched().stream()
    .collect(Collectors.groupingBy(u -> u.reason().label().en(), TreeMap::new, Collectors.counting())));
System.out.println("three explained matches:");
matched.assignments().stream().limit(3).forEach(a -> {
  Explanation e = a.explanation();
  System.out.printf(Locale.ROOT, "  need %s -> offer %s: %s, %s urgency, %.0f m away, %s; %d other offer(s) weighed%n",
      a.needId(), a.offerId(), e.tier().label().en(), e.urgency().name().toLowerCase(Locale.ROOT), e.distanceMetres(),
      e.priceFen() == 0 ? "free" : String.format(Locale.ROOT, "CNY %.2f", e.priceFen() / 100.0), e.alternatives().size());
});
Map<ReasonCode, Unmatched> missByReason = matched.unmatched().stream()
    .collect(Collectors.toMap(Unmatched::reason, u -> u, (a, b) -> a, TreeMap::new));
System.out.println("explained misses, one for each of the " + missByReason.size() + " reason(s) needs went unserved for:");
missByReason.values().forEach(u -> System.out.println("  need " + u.needId() + ": " + u.reason().label().en() + " (" + u.rule() + ")"));

// Close the month's demands: served ones are fulfilled a few hours to days later, the others marked unmet.
Actor coordinator = Actor.of("staff-1", Role.COORDINATOR);
java.util.SplittableRandom later = new java.util.SplittableRandom(7);
List<Demand> closed = new ArrayList<>();
for (int i = 0; i < demands.size(); i++) {
  Demand d = demands.get(i);
  DemandIntake intake = DemandIntake.create(Clock.fixed(needs.get(i).createdAt().plus(Duration.ofHours(2 + later.nextInt(70))), ZoneOffset.UTC),
      classifier, ResponseMapping.defaults());
  if (matched.assignmentOf(d.id()).isPresent()) {
    d = intake.fulfil(coordinator, intake.startService(coordinator, intake.match(coordinator, d)), 3 + later.nextInt(3));
  } else {
    d = intake.markUnmet(coordinator, d, 1 + later.nextInt(2));
  }
  closed.add(d);
}
DemandMap demandMap = DemandMap.of(closed, Period.month(month), SampleCommunity.ZONE);
System.out.println("demand map: " + demandMap);
Files.writeString(reportDir.resolve("demand-map.csv"), Reports.BOM + demandMap.toCsv());   // a byte-order mark for Excel
Files.writeString(reportDir.resolve("demand-map.svg"), demandMap.toSvg(Locale.SIMPLIFIED_CHINESE));

// 6. The time bank (时间银行): volunteers earn the minutes they give; exchanges post to a double-entry ledger.
System.out.println("\n== Time bank ==");
TimeBank bank = TimeBank.inMemory(clock);
List<SampleResident> people = lishan.residents();
for (SampleResident r : people.subList(0, 60)) {
  bank.openAccount(AccountSpec.builder().id(AccountId.of("acc-" + r.id())).holder(r.id().value())
      .overdraftLimit(Credits.ofHours(10)).build());
}
// The pharmacy's staff volunteer through the member unit's own account.
bank.openAccount(AccountSpec.builder().id(AccountId.of("acc-m-0001")).kind(AccountKind.MEMBER_UNIT).holder("m-0001").build());
ServiceExchanges exchanges = bank.exchanges();
java.util.SplittableRandom dice = new java.util.SplittableRandom(2026);
int posted = 0, refused = 0;
for (int i = 0; i < 120; i++) {
  SampleResident receiver = people.get(dice.nextInt(30));
  boolean byUnit = dice.nextInt(5) == 0;
  SampleResident giver = people.get(30 + dice.nextInt(30));
  AccountId from = AccountId.of("acc-" + receiver.id());
  AccountId to = byUnit ? AccountId.of("acc-m-0001") : AccountId.of("acc-" + giver.id());
  Actor receiverActor = Actor.of(receiver.id().value(), Role.RESIDENT);
  Actor giverActor = byUnit ? Actor.of("m-0001", Role.VOLUNTEER) : Actor.of(giver.id().value(), Role.VOLUNTEER);
  String id = "ex-" + i;
  exchanges.request(receiverActor, id, from, to, Credits.ofMinutes(120));
  try {
    exchanges.accept(giverActor, id);     // reserves the estimate: refused past the 10-hour overdraft limit
  } catch (ConflictException e) {
    refused++;
    continue;
  }
  exchanges.deliver(giverActor, id, Credits.ofMinutes(30 + 15 * dice.nextInt(6)));
  exchanges.confirm(receiverActor, id);
  posted++;
}
System.out.println(posted + " exchanges posted, " + refused + " refused at the overdraft limit; totals: " + bank.totals());
AccountId someone = AccountId.of("acc-" + people.get(35).id());
AccountStatement statement = bank.statement(someone, november);
System.out.println("statement of " + someone + ": " + statement.opening() + " + " + statement.lines().size() + " lines = " + statement.closing());
System.out.println("top contributors: " + bank.topContributors(LedgerId.SERVICE_MINUTES, november, 3));
bank.figures(november, SampleCommunity.COMMUNITY).forEach(o -> System.out.printf(Locale.ROOT, "  %s = %.3f %s%n", o.indicatorId(), o.value(), o.unit().orElse("")));
// Volunteer hours feed each member's contribution value (社区贡献值).
ContributionValues ccv = ContributionValues.of(ContributionWeights.defaults());
List<Contribution> contributions = ccv.compute(club, List.of(meeting), bank.volunteerHoursSource(), november);
contributions.stream().filter(c -> c.value() > 0).limit(3).forEach(c -> System.out.printf(Locale.ROOT,
    "  %s: contribution value %.2f (%d units delivered, %d meetings, %.2f volunteer hours)%n",
    club.member(c.member()).name().en(), c.value(), c.unitsDelivered(), c.meetingsAttended(), c.volunteerHours()));
System.out.println("ledger verifies: " + bank.verify());

// 7. A participatory budget (参与式预算): greedy and the Method of Equal Shares side by side.
System.out.println("\n== Participatory budget ==");
BudgetElection renewal = Pabulib.read(docsDir.resolve("budget-example.pb"));
System.out.printf(Locale.ROOT, "%s: %d projects, %d ballots, budget %,.0f %s%n", renewal.meta().get("description"),
    renewal.projects().size(), renewal.ballots().size(), renewal.budget(), renewal.meta().get("currency"));
BudgetOutcome byVotes = renewal.count(BudgetRule.greedy());
BudgetOutcome byShares = renewal.count(BudgetRule.equalShares(Completion.ADD1_UTILITARIAN, true));
Function<List<String>, String> projectNames = ids -> ids.stream()
    .map(id -> renewal.project(id).flatMap(BudgetProject::name).orElse(id)).collect(Collectors.joining(", "));
System.out.println("greedy by votes:        " + projectNames.apply(byVotes.selectedProjectIds()));
System.out.println("method of equal shares: " + projectNames.apply(byShares.selectedProjectIds()));
// Where the two rules differ: six voters want the bike path and the gym, four the children's projects.
BudgetElection.Builder ten = BudgetElection.builder().budget(1100)
    .addProject("bike", 700).addProject("gym", 400).addProject("park", 250)
    .addProject("playground", 200).addProject("library", 100);
for (int v = 1; v <= 6; v++) ten.addBallot(BudgetBallot.approval("v" + v, "bike", "gym"));
ten.addBallot(BudgetBallot.approval("v7", "park", "playground", "library"));
ten.addBallot(BudgetBallot.approval("v8", "playground"));
ten.addBallot(BudgetBallot.approval("v9", "playground", "library"));
ten.addBallot(BudgetBallot.approval("v10", "park", "playground", "library"));
BudgetElection small = ten.build();
System.out.println(small.ballots().size() + " voters, greedy:       " + small.count(BudgetRule.greedy()).selectedProjectIds());
System.out.println(small.ballots().size() + " voters, equal shares: " + small.count(BudgetRule.equalShares(Completion.NONE, false)).selectedProjectIds());

// 8. Evaluation: the five-dimension governance index and the public value scorecard (source 000, 001).
System.out.println("\n== Evaluation ==");
// The observed indicators come from the steps above, as core Observations: nothing is typed in.
List<Observation> observed = new ArrayList<>();
observed.addAll(figures.observations(november));
observed.addAll(bank.figures(november, SampleCommunity.COMMUNITY));
observed.addAll(demandMap.observations(SampleCommunity.COMMUNITY));
observed.addAll(matched.observations(november, SampleCommunity.COMMUNITY));
System.out.println(observed.size() + " observed figures from the alliance, demands, matching and the time bank");
// 600 residents answered the governance questionnaire, 400 the public value one (seeded sample answers).
SurveyResult governanceSurvey = SurveyReader.read(new StringReader(lishan.governanceSurveyCsv(600)),
    Questionnaires.governanceIndex(5), MissingDataPolicy.PERSON_MEAN);
System.out.printf(Locale.ROOT, "governance survey: %d answers kept, %d rejected, %d skipped answers filled (%s), scored %s%n",
    governanceSurvey.accepted(), governanceSurvey.rejected(), governanceSurvey.imputed(),
    governanceSurvey.policy().label().en(), governanceSurvey.questionnaire().scoring().label().en());
Scorecard governance = Scorecard.evaluate(IndicatorSystems.governanceIndex(), SampleCommunity.COMMUNITY, november, governanceSurvey, observed);
System.out.println(governance);
SurveyResult valueSurvey = SurveyReader.read(new StringReader(lishan.publicValueSurveyCsv(400)),
    Questionnaires.publicValueScorecard(5), MissingDataPolicy.PERSON_MEAN);
Scorecard publicValue = Scorecard.evaluate(IndicatorSystems.publicValueScorecard(), SampleCommunity.COMMUNITY, november, valueSurvey, observed);
System.out.println(publicValue);
System.out.println("Scores are 20 points per answer step (非常同意 100 … 非常不同意 20), graded 优秀 ≥ 90, 良好 80–89, 中等 70–79, 及格 60–69, 不及格 < 60.");
System.out.println("\nDiagnosis (诊断):");
System.out.println(governance.diagnose().text(Locale.CHINA));
System.out.println(governance.diagnose().text(Locale.ENGLISH));

// 9. The report, in Chinese throughout: Markdown, CSV (with a byte-order mark, for Excel), SVG charts and a PNG for Word.
Files.writeString(reportDir.resolve("governance-index.md"), Reports.markdown(governance, Locale.CHINA));
Files.writeString(reportDir.resolve("governance-index.csv"), Reports.csv(governance));
Files.writeString(reportDir.resolve("governance-radar.svg"), Charts.radar(governance, Locale.CHINA));
Files.write(reportDir.resolve("governance-radar.png"), Chart.radar(governance, Locale.CHINA).png(2));
Files.writeString(reportDir.resolve("governance-indicators.svg"), Charts.bars(governance, Locale.CHINA));
Files.writeString(reportDir.resolve("public-value-scorecard.md"), Reports.markdown(publicValue, Locale.CHINA));
System.out.println("\nReport written to " + reportDir.toAbsolutePath() + ":");
try (var files = Files.list(reportDir)) {
  files.sorted().forEach(f -> System.out.println("  " + f.getFileName()));
}

System.out.println("\nTour finished.");

// 10. A dispute, mediated (矛盾纠纷调解): a resident and a merchant, an agreement, a follow-up that finds
// a term broken, mediation again. See docs/mediation.md.
System.out.println("\n== Dispute mediation ==");
class TourDisputeClock extends Clock {
  Instant now = Instant.parse("2026-11-03T01:00:00Z");
  public ZoneId getZone() { return SampleCommunity.ZONE; }
  public Clock withZone(ZoneId z) { return this; }
  public Instant instant() { return now; }
  void days(long n) { now = now.plus(Duration.ofDays(n)); }
}
TourDisputeClock disputeClock = new TourDisputeClock();
Mediation mediationDesk = Mediation.open(EventStores.inMemory(disputeClock), SampleCommunity.COMMUNITY, disputeClock,
    PersonalDataStore.inMemory(disputeClock));
Actor disputeCommittee = Actor.of("rc-mediation", Role.RESIDENTS_COMMITTEE);
Actor disputeResident = Actor.of("r-zhang", Role.RESIDENT);
Actor disputeMerchant = Actor.of("rep-bakery", Role.MEMBER_REPRESENTATIVE);
Actor peoplesMediator = Actor.of("med-wang", Role.RESIDENT);
mediationDesk.authoriseMediator(disputeCommittee, Mediator.peoples("med-wang"));
mediationDesk.file(disputeResident, CaseFiling.builder().id("dispute-1")
    .addParty(DisputeParty.resident(ResidentId.of("r-zhang")))
    .addParty(DisputeParty.organisation(PartyKind.MERCHANT, MemberId.of("m-bakery"), "rep-bakery"))
    .category(DisputeCategory.RENOVATION).facts("楼下面包店装修，早上七点就开始电钻").gridCell("B2").build());
mediationDesk.assignMediator(disputeCommittee, "dispute-1", "med-wang");
mediationDesk.recordSession(peoplesMediator, "dispute-1", Set.of("r-zhang", "m-bakery"));
mediationDesk.propose(peoplesMediator, "dispute-1", List.of(
    AgreementTerm.of("t1", "m-bakery", LocalDate.of(2026, 11, 30), "每日8:30前、20:00后不施工"),
    AgreementTerm.of("t2", "m-bakery", LocalDate.of(2026, 11, 15), "为张家窗户加装隔音条")));
mediationDesk.accept(disputeResident, "dispute-1", "r-zhang");
System.out.println("agreement (调解协议): " + mediationDesk.accept(disputeMerchant, "dispute-1", "m-bakery").state());
disputeClock.days(14);
DisputeCase afterVisit = mediationDesk.followUp(peoplesMediator, "dispute-1",
    Map.of("t1", TermCheck.BREACHED, "t2", TermCheck.KEPT), OptionalInt.of(2));
System.out.println("follow-up (回访) found t1 breached: case " + afterVisit.state() + ", reopened " + afterVisit.reopenings() + " time");
mediationDesk.propose(peoplesMediator, "dispute-1", List.of(
    AgreementTerm.of("t1", "m-bakery", LocalDate.of(2026, 12, 31), "周末停工；违约一次赔偿200元")));
mediationDesk.accept(disputeMerchant, "dispute-1", "m-bakery");
DisputeCase remediated = mediationDesk.accept(disputeResident, "dispute-1", "r-zhang");
System.out.println("re-mediated: " + remediated.state() + ", " + remediated.agreements().size() + " agreements");
disputeClock.days(10);
mediationDesk.followUp(disputeCommittee, "dispute-1", Map.of("t1", TermCheck.KEPT), OptionalInt.of(5));
System.out.println("case closed: " + mediationDesk.close(disputeCommittee, "dispute-1").state());
List<Observation> disputeFigures = mediationDesk.observations(november);
disputeFigures.stream().filter(o -> o.scope().equals(SampleCommunity.COMMUNITY))
    .forEach(o -> System.out.printf(java.util.Locale.ROOT, "  %-38s %.2f%n", o.indicatorId(), o.value()));
List<Observation> observedWithMediation = new ArrayList<>(observed);
observedWithMediation.addAll(disputeFigures);
Scorecard governanceWithMediation = Scorecard.evaluate(IndicatorSystems.governanceIndex(), SampleCommunity.COMMUNITY, november,
    governanceSurvey, observedWithMediation);
System.out.printf(java.util.Locale.ROOT, "governance index, community coordination with the mediation figure: %.1f (was %.1f)%n",
    governanceWithMediation.dimensionScores().get("gov.coordination"), governance.dimensionScores().get("gov.coordination"));
System.out.println("Mediation case finished.");
