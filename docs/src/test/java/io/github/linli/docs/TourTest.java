package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's first command runs the tour; this checks what it prints and the files it writes. */
class TourTest {
  @Test
  void tour_printsEverySectionAndWritesTheReport() throws Exception {
    Path tour = RunnableDocsTest.DOCS.resolve("tour.jsh");
    String out = RunnableDocsTest.runs(Files.readString(tour), tour.toString());
    for (String expected :
        new String[] {
          "physiological", "生存保障", "HEALTHCARE", "CULTURE_SPORTS", "Refused as expected",
          "42 members, 77 projects (33 free)", "ADOPTED", "m-bakery is now ACTIVE",
          "kept in the embedded store as", "after a restart: 43 members, m-bakery ACTIVE",
          "classifying 400 needs", "tier mix:", "agreement with the coordinators' labels",
          "needs served", "three explained matches:", "demand map: DemandMap{", "exchanges posted", "ledger verifies: VerifyReport", "problems=[]",
          "greedy by votes", "10 voters, equal shares: [gym, playground, library]",
          "explained misses, one for each of the", "budget 100,000 CNY", "governance survey: ",
          "Scorecard{governance.index lishan", "Scorecard{public.value.scorecard lishan",
          "优先改进的维度", "Dimensions to improve first", "Report written to", "Tour finished."
        }) {
      assertTrue(out.contains(expected), "tour output lacks '" + expected + "':\n" + out);
    }
    // issue 19: no raw value dumps, no prices in fen, no miscounted voters, no long decimals
    for (String unwanted : new String[] {"Observation{", "SurveyResult{", " fen", "11 voters", "100000.5", "three explained misses"}) {
      assertTrue(!out.contains(unwanted), "tour output has '" + unwanted + "':\n" + out);
    }
    assertTrue(!out.matches("(?s).*[0-9]\\.[0-9]{7,}.*"), "an unrounded figure in:\n" + out);
    Path report = Path.of("target", "linli-tour");
    for (String file : new String[] {"governance-index.md", "governance-index.csv", "governance-radar.svg", "governance-indicators.svg", "demand-map.csv", "demand-map.svg", "governance-radar.png"}) {
      Path f = report.resolve(file);
      assertTrue(Files.size(f) > 100, f + " is missing or empty");
    }
    assertTrue(Files.readString(report.resolve("governance-index.csv")).startsWith("\uFEFF"), "the CSV has a byte-order mark");
    for (String file : new String[] {"governance-index.md", "public-value-scorecard.md", "governance-radar.svg", "governance-indicators.svg"}) {
      String text = Files.readString(report.resolve(file));
      assertTrue(!text.contains("Indicators to improve") && !text.contains(">no data<") && !text.contains("| share |") && !text.contains("Total **"),
          file + " mixes English into the Chinese report");
    }
    // issue 20: the dispute section at the end of the tour
    for (String expected : new String[] {"== Dispute mediation ==", "agreement (调解协议): AGREED", "case MEDIATING, reopened 1",
        "re-mediated: AGREED, 2 agreements", "case closed: CLOSED", "mediation.resolution_rate", "Mediation case finished."}) {
      assertTrue(out.contains(expected), "tour output lacks '" + expected + "'");
    }
    assertTrue(Files.readString(report.resolve("governance-radar.svg")).startsWith("<svg") || Files.readString(report.resolve("governance-radar.svg")).contains("<svg"));
  }
}
