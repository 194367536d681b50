package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's first command runs the tour; this checks what the tour prints. */
class TourTest {
  @Test
  void tour_printsEverySection() throws Exception {
    Path tour = RunnableDocsTest.DOCS.resolve("tour.jsh");
    String out = RunnableDocsTest.runs(Files.readString(tour), tour.toString());
    for (String expected :
        new String[] {
          "physiological", "生存保障", "HEALTHCARE", "CULTURE_SPORTS", "Refused as expected", "matching.served_share",
          "42 members, 77 projects (33 free)", "ADOPTED", "m-bakery is now ACTIVE", "Tour finished."
        }) {
      assertTrue(out.contains(expected), "tour output lacks '" + expected + "':\n" + out);
    }
  }
}
