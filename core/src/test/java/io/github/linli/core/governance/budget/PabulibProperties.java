package io.github.linli.core.governance.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PabulibProperties {
  /** Texts that need quoting: separators, quotes, line breaks, outer spaces, empty. */
  static Arbitrary<String> awkwardText() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "a;b", "say \"hi\"", "two\nlines", "cr\r\nlf", " pad ", "none",
            "Zielony Milion – łąka", "社区花园", "META", "PROJECTS"),
        Arbitraries.strings().withChars("ab;\", \n").ofMaxLength(6));
  }

  @Provide
  Arbitrary<BudgetElection> elections() {
    Arbitrary<Boolean> points = Arbitraries.of(true, false);
    Arbitrary<List<BigDecimal>> costs =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999")).ofScale(2)
            .list().ofMinSize(1).ofMaxSize(5);
    Arbitrary<List<String>> names = awkwardText().injectNull(0.3).list().ofSize(5);
    Arbitrary<List<List<Integer>>> ballots =
        Arbitraries.integers().between(0, 4).list().ofMaxSize(5).list().ofMaxSize(8);
    Arbitrary<List<String>> extras = awkwardText().injectNull(0.4).list().ofSize(8);
    Arbitrary<BigDecimal> budget =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(1);
    return Combinators.combine(points, costs, names, ballots, extras, budget)
        .as(
            (pts, cs, ns, bs, xs, b) -> {
              BudgetElection.Builder e =
                  BudgetElection.builder()
                      .budget(b)
                      .voteType(pts ? VoteType.CUMULATIVE : VoteType.APPROVAL)
                      .meta("description", xs.get(0) == null ? "PB" : xs.get(0))
                      .meta("country", "China");
              for (int c = 0; c < cs.size(); c++) {
                BudgetProject.Builder p = BudgetProject.builder().id("p" + c).cost(cs.get(c));
                if (ns.get(c) != null) {
                  p.name(ns.get(c));
                }
                if (xs.get(c + 1) != null) {
                  p.putAttribute("category", xs.get(c + 1));
                }
                e.addProject(p.build());
              }
              int v = 0;
              for (List<Integer> marks : bs) {
                BudgetBallot.Builder ballot = BudgetBallot.builder().voterId("voter " + v);
                for (int c = 0; c < Math.min(marks.size(), cs.size()); c++) {
                  if (marks.get(c) > 0) {
                    ballot.addProjectIds("p" + c);
                    if (pts) {
                      ballot.addPoints(BigDecimal.valueOf(marks.get(c)));
                    }
                  }
                }
                if (v % 3 == 1) {
                  ballot.channel(v % 2 == 0 ? BallotChannel.ONLINE : BallotChannel.PAPER);
                }
                String x = xs.get(v % xs.size());
                if (x != null) {
                  ballot.putAttribute("district", x);
                }
                e.addBallot(ballot.build());
                v++;
              }
              return e.build();
            });
  }

  @Property(tries = 400)
  void writeThenRead_preservesTheElection(@ForAll("elections") BudgetElection e) {
    String text = Pabulib.format(e);
    BudgetElection back = Pabulib.parse(text);
    assertEquals(e, back, text);
    assertEquals(text, Pabulib.format(back));
  }

  @Property(tries = 40)
  void writeThenRead_countsTheSame(@ForAll("elections") BudgetElection e) {
    BudgetElection back = Pabulib.parse(Pabulib.format(e));
    List<BudgetRule> rules = new ArrayList<>(BudgetRuleProperties.RULES);
    for (BudgetRule r : rules) {
      assertEquals(e.count(r), back.count(r));
    }
  }

  /** Whatever the text, parsing either succeeds or fails with the typed error naming a line. */
  @Property(tries = 400)
  void parse_arbitraryText_onlyTypedErrors(@ForAll("mangled") String text) {
    try {
      Pabulib.parse(text);
    } catch (io.github.linli.core.ValidationException e) {
      assertEquals(true, e.field().startsWith("line ") || e.field().equals("file"), e.field());
    }
  }

  @Provide
  Arbitrary<String> mangled() {
    String valid = PabulibTest.REAL_LIKE;
    return Combinators.combine(
            Arbitraries.integers().between(0, valid.length() - 1),
            Arbitraries.integers().between(0, 6),
            Arbitraries.strings().withChars(";\"\n\r,x1 ").ofMaxLength(3))
        .as((at, cut, insert) ->
            valid.substring(0, at) + insert + valid.substring(Math.min(valid.length(), at + cut)));
  }
}
