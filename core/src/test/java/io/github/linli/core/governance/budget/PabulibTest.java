package io.github.linli.core.governance.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ValidationException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PabulibTest {
  /** Like real Pabulib files: BOM, CRLF, a decimal comma, quotes, an empty vote. */
  static final String REAL_LIKE =
      "\uFEFFMETA\r\n"
          + "key;value\r\n"
          + "description;Municipal PB in Testowo\r\n"
          + "country;Poland\r\n"
          + "num_projects;3\r\n"
          + "num_votes;4\r\n"
          + "budget;1000,5\r\n"
          + "vote_type;approval\r\n"
          + "rule;greedy\r\n"
          + "min_length;1\r\n"
          + "max_length;2\r\n"
          + "PROJECTS\r\n"
          + "project_id;name;cost;votes;selected\r\n"
          + "1;\"Park \"\"Stok\"\"; phase II\";600,25;3;1\r\n"
          + "2;Library;400;2;1\r\n"
          + "3;Gym;500;1;0\r\n"
          + "VOTES\r\n"
          + "voter_id;age;sex;vote;voting_method\r\n"
          + "1;34;F;1,2;internet\r\n"
          + "2;51;M;1;paper\r\n"
          + "3;;M;;internet\r\n"
          + "4;19;F;1,3;internet\r\n";

  @Test
  void parse_realFileQuirks() {
    BudgetElection e = Pabulib.parse(REAL_LIKE);
    assertEquals(new BigDecimal("1000.5"), e.budget());
    assertEquals(VoteType.APPROVAL, e.voteType());
    assertEquals(3, e.projects().size());
    BudgetProject park = e.project("1").orElseThrow();
    assertEquals(Optional.of("Park \"Stok\"; phase II"), park.name());
    assertEquals(new BigDecimal("600.25"), park.cost());
    assertEquals("1", park.attributes().get("selected"));
    assertEquals(List.of(), e.ballots().get(2).projectIds());
    assertEquals(Optional.of(BallotChannel.PAPER), e.ballots().get(1).channel());
    assertEquals(Optional.empty(), Optional.ofNullable(e.ballots().get(2).attributes().get("age")));
    assertEquals("Municipal PB in Testowo", e.meta().get("description"));
    assertEquals("1000.5", e.meta().get("budget"));
    assertEquals(2, e.maxLength().getAsInt());
    assertEquals(new BigDecimal("3"), e.support("1"));
    // 1 (3 votes), then 2 and 3 tie on one vote: 2 is cheaper and fits (600.25 + 400 <= 1000.5)
    assertEquals(List.of("1", "2"), e.count(BudgetRule.greedy()).selectedProjectIds());
  }

  @Test
  void format_thenParse_givesTheSameElection() {
    BudgetElection e = Pabulib.parse(REAL_LIKE);
    String text = Pabulib.format(e);
    assertEquals(e, Pabulib.parse(text));
    assertTrue(text.contains("1;600.25;\"Park \"\"Stok\"\"; phase II\";3;1\n"), text);
    assertEquals(text, Pabulib.format(Pabulib.parse(text)));
  }

  @Test
  void readAndWrite_files(@TempDir Path dir) {
    Path in = dir.resolve("in.pb");
    Path out = dir.resolve("out.pb");
    try {
      Files.write(in, REAL_LIKE.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException x) {
      throw new UncheckedIOException(x);
    }
    BudgetElection e = Pabulib.read(in);
    Pabulib.write(e, out);
    assertEquals(e, Pabulib.read(out));
    assertThrows(UncheckedIOException.class, () -> Pabulib.read(dir.resolve("missing.pb")));
  }

  @Test
  void parse_cumulativeVotes() {
    String text =
        "META\nkey;value\nbudget;100\nvote_type;cumulative\nmax_sum_points;10\n"
            + "PROJECTS\nproject_id;cost\na;60\nb;40\n"
            + "VOTES\nvoter_id;vote;points\n1;a,b;7,3\n2;b;10\n3;;\n";
    BudgetElection e = Pabulib.parse(text);
    assertEquals(List.of(new BigDecimal("7"), new BigDecimal("3")), e.ballots().get(0).points());
    assertEquals(new BigDecimal("13"), e.support("b"));
    assertEquals(e, Pabulib.parse(Pabulib.format(e)));
  }

  static ValidationException bad(String text) {
    return assertThrows(ValidationException.class, () -> Pabulib.parse(text));
  }

  static final String HEAD = "META\nkey;value\nbudget;100\nvote_type;approval\n";
  static final String PROJECTS = "PROJECTS\nproject_id;cost\na;60\nb;40\n";

  @Test
  void parse_missingSection_namesIt() {
    ValidationException e = bad(HEAD + PROJECTS);
    assertEquals("line 9", e.field());
    assertTrue(e.getMessage().contains("VOTES"), e.getMessage());
    assertTrue(bad(HEAD + "VOTES\nvoter_id;vote\n").getMessage().contains("out of order"));
    assertTrue(bad("").getMessage().contains("META"));
  }

  @Test
  void parse_voteForUnknownProject_issue17_namesLineAndColumn_neverTheCell() {
    ValidationException e = bad(HEAD + PROJECTS + "VOTES\nvoter_id;vote\n1;a\n2;a,zz\n");
    assertEquals("line 12", e.field());
    assertEquals(Optional.of("****"), e.value());
    assertTrue(e.getMessage().contains("column vote: the voter votes for a project that is not listed"), e.getMessage());
    assertFalse(e.getMessage().contains("zz"), e.getMessage());
  }

  @Test
  void parse_duplicateVoter_namesBothLines() {
    ValidationException e = bad(HEAD + PROJECTS + "VOTES\nvoter_id;vote\n7;a\n7;b\n");
    assertEquals("line 12", e.field());
    assertTrue(e.getMessage().contains("line 11"), e.getMessage());
  }

  @Test
  void parse_duplicateProject() {
    assertEquals("line 8", bad(HEAD + "PROJECTS\nproject_id;cost\na;60\na;40\nVOTES\nvoter_id;vote\n").field());
  }

  @Test
  void parse_malformedNumbers() {
    ValidationException cost = bad(HEAD + "PROJECTS\nproject_id;cost\na;6O\nVOTES\nvoter_id;vote\n");
    assertEquals("line 7", cost.field());
    assertEquals(Optional.of("****"), cost.value());
    assertFalse(cost.getMessage().contains("6O"), cost.getMessage());
    ValidationException budget = bad("META\nkey;value\nbudget;1.000,5\nvote_type;approval\n" + PROJECTS);
    assertEquals("line 3", budget.field());
    assertEquals("line 7", bad(HEAD + PROJECTS.replace("a;60", "a;-5")).field());
    ValidationException points =
        bad("META\nkey;value\nbudget;100\nvote_type;cumulative\n" + PROJECTS
            + "VOTES\nvoter_id;vote;points\n1;a,b;3,x\n");
    assertEquals("line 11", points.field());
    assertEquals("line 11", bad("META\nkey;value\nbudget;100\nvote_type;cumulative\n" + PROJECTS
            + "VOTES\nvoter_id;vote;points\n1;a,b;3\n").field());
    assertEquals("line 3", bad("META\nkey;value\nmin_length;one\nbudget;1\nvote_type;approval\n"
            + PROJECTS + "VOTES\nvoter_id;vote\n").field());
  }

  @Test
  void parse_otherBadInput() {
    assertEquals("line 1", bad("budget;100\n").field());
    assertEquals("line 4", bad(HEAD.replace("approval", "plurality") + PROJECTS).field());
    assertEquals("line 6", bad(HEAD + "PROJECTS\nproject_id;name\n").field());
    assertEquals("line 11", bad(HEAD + PROJECTS + "VOTES\nvoter_id;vote\n1;\"a\n").field());
    assertEquals("line 11", bad(HEAD + PROJECTS + "VOTES\nvoter_id;vote\n1;a;extra\n").field());
    assertEquals("line 5", bad("META\nkey;value\nbudget;1\nvote_type;approval\nbudget;2\n").field());
    assertTrue(bad(HEAD + PROJECTS + "VOTES\nvoter_id;vote\n1;a,a\n").getMessage().contains("twice"));
    assertTrue(bad("META\nkey;value\nvote_type;approval\nPROJECTS\n").getMessage().contains("budget"));
  }

  @Test
  void parse_metaValueWithUnquotedSemicolon_keepsItWhole() {
    BudgetElection e =
        Pabulib.parse(HEAD.replace("budget;100", "description;parks; and gardens\nbudget;100")
            + PROJECTS + "VOTES\nvoter_id;vote\n");
    // unquoted fields are trimmed, so the space after the inner separator goes
    assertEquals("parks;and gardens", e.meta().get("description"));
    assertEquals(e, Pabulib.parse(Pabulib.format(e)));
  }

  @Test
  void read_notUtf8(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("latin1.pb");
    Files.write(f, (HEAD + "description;Kraków\n").getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("file", assertThrows(ValidationException.class, () -> Pabulib.read(f)).field());
  }
}
