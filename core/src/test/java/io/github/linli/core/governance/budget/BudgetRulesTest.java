package io.github.linli.core.governance.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checked examples, most from equalshares.net's explanation page. */
class BudgetRulesTest {
  static final BudgetRule MES = BudgetRule.equalShares(Completion.NONE, false);
  static final BudgetRule ADD1 = BudgetRule.equalShares(Completion.ADD1, false);
  static final BudgetRule ADD1U = BudgetRule.equalShares(Completion.ADD1_UTILITARIAN, false);

  /**
   * equalshares.net "Explanation", example 1: budget 1100, 11 voters; the left-most six vote for
   * bike path and gym, the eleventh for the bike path only.
   */
  static BudgetElection example1(boolean lastVoterPrefersGym) {
    BudgetElection.Builder b =
        BudgetElection.builder()
            .budget(1100)
            .addProject("bike", 700)
            .addProject("gym", 400)
            .addProject("park", 250)
            .addProject("playground", 200)
            .addProject("library", 100);
    String[][] votes = {
      {"bike", "gym"},
      {"bike", "gym", "park"},
      {"bike", "gym"},
      {"bike", "gym", "park"},
      {"bike", "gym", "park"},
      {"bike", "gym"},
      {"park", "playground", "library"},
      {"playground"},
      {"playground", "library"},
      {"park", "playground", "library"},
      {lastVoterPrefersGym ? "gym" : "bike"},
    };
    for (int i = 0; i < votes.length; i++) {
      b.addBallot(BudgetBallot.approval("v" + (i + 1), votes[i]));
    }
    return b.build();
  }

  @Test
  void toString_countsInWords() {
    assertEquals("BudgetElection{approval, budget 1100, 5 projects, 11 ballots}", example1(false).toString());
    BudgetElection one =
        BudgetElection.builder().budget(10).addProject("p", 5).addBallot(BudgetBallot.approval("v", "p")).build();
    assertEquals("BudgetElection{approval, budget 10, 1 project, 1 ballot}", one.toString());
  }

  @Test
  void equalShares_explanationExample1() {
    BudgetOutcome o = example1(false).count(MES);
    assertEquals(List.of("bike", "playground", "library"), o.selectedProjectIds());
    assertEquals(new BigDecimal("1000"), o.totalCost());
    assertEquals(new BigDecimal("100"), o.voterShare().orElseThrow());
  }

  @Test
  void greedy_explanationExample1_fundsTheTwoSportsProjects() {
    assertEquals(List.of("bike", "gym"), example1(false).count(BudgetRule.greedy()).selectedProjectIds());
  }

  @Test
  void equalShares_explanationExample2_splitsUnequallyWhenSomeCannotPay() {
    assertEquals(
        List.of("gym", "park", "playground"), example1(true).count(MES).selectedProjectIds());
  }

  @Test
  void add1_example1_raisesUntilTheParkWouldOverspend() {
    // shares 100..129: bike, playground, library; at 130 the park becomes affordable after bike
    // and playground and beats the library (rho 80/250 < 1/3): 1150 > 1100, so 129 is kept
    BudgetOutcome o = example1(false).count(ADD1);
    assertEquals(List.of("bike", "playground", "library"), o.selectedProjectIds());
    assertEquals(29, o.add1Increments());
    assertEquals(new BigDecimal("129"), o.voterShare().orElseThrow());
    assertEquals(o.selectedProjectIds(), example1(false).count(ADD1U).selectedProjectIds());
  }

  @Test
  void comparisonStep_example1_takesGreedyWhenMoreVotersPreferIt() {
    BudgetOutcome o = example1(false).count(BudgetRule.equalShares(Completion.NONE, true));
    // voters 1-6 have two funded projects under greedy, one under MES; voters 7-10 prefer MES
    assertEquals(6, o.votersPreferringGreedy());
    assertEquals(4, o.votersPreferringEqualShares());
    assertTrue(o.greedyByComparison());
    assertEquals(List.of("bike", "gym"), o.selectedProjectIds());
  }

  @Test
  void comparisonStep_example2_keepsEqualShares() {
    BudgetOutcome o = example1(true).count(BudgetRule.equalShares(Completion.NONE, true));
    assertEquals(3, o.votersPreferringGreedy());
    assertEquals(4, o.votersPreferringEqualShares());
    assertFalse(o.greedyByComparison());
    assertEquals(List.of("gym", "park", "playground"), o.selectedProjectIds());
  }

  @Test
  void add1_example2_addsTheLibraryWithRaisedShares() {
    // 250 is left after gym, park and playground: raising the shares lets the library's
    // supporters pay for it (checked against the voter-by-voter reference in the properties)
    BudgetOutcome o = example1(true).count(ADD1);
    assertEquals(List.of("gym", "park", "playground", "library"), o.selectedProjectIds());
    assertTrue(o.add1Increments() > 0);
  }

  /** b has two supporters; a and c one each and cost more than one share of 25 until raised. */
  static BudgetElection raiseExample() {
    return BudgetElection.builder()
        .budget(100)
        .addProject("a", 40)
        .addProject("b", 50)
        .addProject("c", 30)
        .addProject("d", 15)
        .addBallot(BudgetBallot.approval("v1", "a"))
        .addBallot(BudgetBallot.approval("v2", "b"))
        .addBallot(BudgetBallot.approval("v3", "b"))
        .addBallot(BudgetBallot.approval("v4", "c"))
        .build();
  }

  @Test
  void add1_raisesSharesUntilTheNextRaiseOverspends() {
    BudgetElection e = raiseExample();
    assertEquals(List.of("b"), e.count(MES).selectedProjectIds());
    BudgetOutcome o = e.count(ADD1);
    // at a share of 30 c becomes affordable (80 spent); at 40 a would be too (120 > 100)
    assertEquals(List.of("b", "c"), o.selectedProjectIds());
    assertEquals(14, o.add1Increments());
    assertEquals(new BigDecimal("39"), o.voterShare().orElseThrow());
  }

  @Test
  void add1Utilitarian_addsByVotesWhatStillFits() {
    // d has no votes: Add1 ignores it, the utilitarian completion funds it with the 20 left
    assertEquals(List.of("b", "c", "d"), raiseExample().count(ADD1U).selectedProjectIds());
  }

  @Test
  void greedy_breaksTiesByLowerCostThenListing() {
    // a and c have one vote each: c is cheaper; d has none
    assertEquals(List.of("b", "c", "d"), raiseExample().count(BudgetRule.greedy()).selectedProjectIds());
    BudgetElection same =
        BudgetElection.builder()
            .budget(10)
            .addProject("x", 10)
            .addProject("y", 10)
            .addBallot(BudgetBallot.approval("v1", "y"))
            .addBallot(BudgetBallot.approval("v2", "x"))
            .build();
    assertEquals(List.of("x"), same.count(BudgetRule.greedy()).selectedProjectIds());
    // Add1: at a share of 10 both become affordable together and overspend, so nothing is kept;
    // the utilitarian completion then funds x (listed first)
    assertEquals(List.of(), same.count(ADD1).selectedProjectIds());
    assertEquals(List.of("x"), same.count(ADD1U).selectedProjectIds());
  }

  @Test
  void add1_keepsTheLastOutcomeThatDoesNotOverspend() {
    // a and b cost 60 each, one supporter each, budget 100: at a share of 60 both would be funded
    BudgetElection e =
        BudgetElection.builder()
            .budget(100)
            .addProject("a", 60)
            .addProject("b", 60)
            .addBallot(BudgetBallot.approval("v1", "a"))
            .addBallot(BudgetBallot.approval("v2", "b"))
            .build();
    BudgetOutcome o = e.count(ADD1);
    assertEquals(List.of(), o.selectedProjectIds());
    assertEquals(9, o.add1Increments());
    assertEquals(List.of("a"), e.count(ADD1U).selectedProjectIds());
  }

  @Test
  void equalShares_tieBreaksByLowerCostThenMoreVotes() {
    // p (cost 20, 2 votes) and q (cost 10, 1 vote) both have rho = 1/2 per unit of cost... and
    // r (cost 10, 1 vote) ties q on cost and votes: listing order decides
    BudgetElection e =
        BudgetElection.builder()
            .budget(40)
            .addProject("p", 20)
            .addProject("r", 10)
            .addProject("q", 10)
            .addBallot(BudgetBallot.approval("v1", "p"))
            .addBallot(BudgetBallot.approval("v2", "p"))
            .addBallot(BudgetBallot.approval("v3", "q", "r"))
            .addBallot(BudgetBallot.approval("v4"))
            .build();
    // shares of 10: p costs 10 each (rho 1/20), q and r 10 from v3 alone (rho 1/10)
    assertEquals(List.of("p", "r"), e.count(MES).selectedProjectIds());
  }

  @Test
  void cumulative_countsPointsTimesCost() {
    BudgetElection e =
        BudgetElection.builder()
            .budget(100)
            .voteType(VoteType.CUMULATIVE)
            .addProject("a", 50)
            .addProject("b", 50)
            .addProject("c", 60)
            .addBallot(BudgetBallot.points("v1", List.of("a", "c"), List.of(1, 2)))
            .addBallot(BudgetBallot.points("v2", List.of("b", "c"), List.of(3, 1)))
            .build();
    assertEquals(new BigDecimal("3"), e.support("c"));
    // greedy by points: b (3) before c (3, dearer); c no longer fits in 50, a (1 point) does
    assertEquals(List.of("b", "a"), e.count(BudgetRule.greedy()).selectedProjectIds());
    // shares of 50: c costs 30 each but neither can pay 60 alone... c: v1 u=120, v2 u=60,
    // rho = 60/180; b: rho = 50/150; a: rho = 1 — c and b tie at 1/3, b is cheaper
    assertEquals(List.of("b", "a"), e.count(MES).selectedProjectIds());
  }

  @Test
  void greedy_ordinalBallots_countBordaPoints() {
    // Krakow-style 3-2-1: a is first on two ballots (6), b second on three (2+2+3 = 7)
    BudgetElection e =
        BudgetElection.builder()
            .budget(10)
            .voteType(VoteType.ORDINAL)
            .meta("max_length", "3")
            .addProject("a", 10)
            .addProject("b", 10)
            .addProject("c", 10)
            .addBallot(BudgetBallot.approval("v1", "a", "b"))
            .addBallot(BudgetBallot.approval("v2", "a", "b", "c"))
            .addBallot(BudgetBallot.approval("v3", "b"))
            .build();
    assertEquals(new BigDecimal("6"), e.support("a"));
    assertEquals(new BigDecimal("7"), e.support("b"));
    assertEquals(List.of("b"), e.count(BudgetRule.greedy()).selectedProjectIds());
  }

  @Test
  void count_emptyElection_fundsNothing() {
    BudgetElection e = BudgetElection.builder().budget(10).addProject("a", 5).build();
    assertEquals(List.of(), e.count(ADD1).selectedProjectIds());
    assertEquals(List.of("a"), e.count(BudgetRule.greedy()).selectedProjectIds());
  }

  @Test
  void count_freeProjectWithSupport_isFundedFirst() {
    BudgetElection e =
        BudgetElection.builder()
            .budget(10)
            .addProject("a", 10)
            .addProject("free", 0)
            .addBallot(BudgetBallot.approval("v1", "a", "free"))
            .build();
    assertEquals(List.of("free", "a"), e.count(MES).selectedProjectIds());
  }

  @Test
  void builder_secondBallotOfAVoter_isRefused() {
    BudgetElection.Builder b =
        BudgetElection.builder().budget(10).addProject("a", 5).addBallot(BudgetBallot.approval("v1", "a"));
    ValidationException e =
        assertThrows(ValidationException.class, () -> b.addBallot(BudgetBallot.approval("v1")));
    assertEquals("ballot.voterId", e.field());
    assertEquals(1, b.build().ballots().size());
  }

  @Test
  void builder_voteForUnknownProject_isRefused() {
    BudgetElection.Builder b = BudgetElection.builder().budget(10).addProject("a", 5);
    ValidationException e =
        assertThrows(ValidationException.class, () -> b.addBallot(BudgetBallot.approval("v1", "zz")));
    assertTrue(e.getMessage().contains("zz"), e.getMessage());
  }

  @Test
  void addBallots_withADuplicate_addsNone() {
    BudgetElection.Builder b = BudgetElection.builder().budget(10).addProject("a", 5);
    assertThrows(
        ValidationException.class,
        () -> b.addBallots(List.of(BudgetBallot.approval("v1"), BudgetBallot.approval("v1", "a"))));
    assertEquals(0, b.build().ballots().size());
  }

  @Test
  void checkBallot_enforcesLengthAndPoints() {
    BudgetElection e =
        BudgetElection.builder()
            .budget(10)
            .meta("min_length", "2")
            .meta("max_length", "2")
            .addProject("a", 5)
            .addProject("b", 5)
            .addProject("c", 5)
            .build();
    e.checkBallot(BudgetBallot.approval("v1", "a", "b"));
    e.checkBallot(BudgetBallot.approval("v2"));
    assertThrows(ValidationException.class, () -> e.checkBallot(BudgetBallot.approval("v3", "a")));
    assertThrows(
        ValidationException.class, () -> e.checkBallot(BudgetBallot.approval("v4", "a", "b", "c")));
    BudgetElection points =
        BudgetElection.builder()
            .budget(10)
            .voteType(VoteType.CUMULATIVE)
            .meta("max_sum_points", "10")
            .addProject("a", 5)
            .build();
    points.checkBallot(BudgetBallot.points("v1", List.of("a"), List.of(10)));
    assertThrows(
        ValidationException.class,
        () -> points.checkBallot(BudgetBallot.points("v2", List.of("a"), List.of(11))));
  }

  @Test
  void ballot_repeatedProject_isRefused() {
    assertThrows(ValidationException.class, () -> BudgetBallot.approval("v1", "a", "a"));
  }

  @Test
  void mergedBallots_firstSourceWins() {
    BudgetBallot online = BudgetBallot.builder().voterId("p1").addProjectIds("a").channel(BallotChannel.ONLINE).build();
    BudgetBallot paper = BudgetBallot.builder().voterId("p1").addProjectIds("b").channel(BallotChannel.PAPER).build();
    BudgetBallot paper2 = BudgetBallot.builder().voterId("p2").addProjectIds("b").channel(BallotChannel.PAPER).build();
    MergedBallots m = MergedBallots.of(List.of(online), List.of(paper, paper2));
    assertEquals(List.of(online, paper2), m.accepted());
    assertEquals(List.of(paper), m.rejected());
    assertEquals("MergedBallots{accepted 2, rejected 1}", m.toString());
  }

  @Test
  void toString_showsFiguresButNoBallotAttributes() {
    BudgetBallot b = BudgetBallot.builder().voterId("v1").putAttribute("age", "87").build();
    assertFalse(b.toString().contains("87"), b.toString());
    assertEquals(
        "BudgetOutcome{greedy: [bike, gym], cost 1100 of 1100}",
        example1(false).count(BudgetRule.greedy()).toString());
  }
}
