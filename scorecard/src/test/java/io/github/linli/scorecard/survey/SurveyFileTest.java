package io.github.linli.scorecard.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.core.ValidationException;
import io.github.linli.scorecard.IndicatorSystems;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Survey exports as 问卷星 and 腾讯问卷 write them: Chinese headers, option texts, XLSX and CSV in
 * UTF-8 with a byte-order mark or GBK. Each is checked against the same answers as numbers read
 * by the plain {@link SurveyReader}.
 */
class SurveyFileTest {
  static final String[] HEADER = {
    "序号", "提交答卷时间", "1、居委会、业委会和物业的职责清楚", "2、社区里的事总是少数人说了算",
    "3、我经常参加社区事务", "4(社区活动能照顾到不同居民的需要)", "4(居民的意见能被采纳)", "5、您的年龄段"
  };
  // answers as the export writes them: option texts, a number, a skipped question, a bad cell
  static final String[][] ROWS = {
    {"1", "2026/10/3 9:12:01", "非常同意", "不同意", "同意", "一般", "满意", "30-39岁"},
    {"2", "2026/10/3 9:20:45", "同意", "非常不同意", "A. 非常同意", "4", "很满意", "40-49岁"},
    {"3", "2026/10/4 18:02:13", "一般", "同意", "(跳过)", "一般", "不满意", "60岁及以上"},
    {"4", "2026/10/5 7:45:00", "很好", "同意", "同意", "同意", "一般", "18-29岁"},
    {"5", "2026/10/5 8:01:30", "比较同意", "一般", "非常同意", "非常同意", "非常满意", "50-59岁"},
  };
  // the same answers as numbers (row 4 has the unknown option 很好, row 3 the skip)
  static final String NUMERIC_CSV = "q1,q2,q3,q4a,q4b\n5,2,4,3,4\n4,1,5,4,5\n3,4,,3,2\n9,4,4,4,3\n4,3,5,5,5\n";

  static Questionnaire questionnaire() {
    return Questionnaire.builder(IndicatorSystems.governanceIndex(), 5)
        .item("q1", "gov.role_clarity")
        .reverseItem("q2", "gov.role_clarity")
        .item("q3", "gov.resident_participation")
        .item("q4a", "gov.consultation_mechanism")
        .item("q4b", "gov.consultation_mechanism")
        .build();
  }

  static SurveyFile mapped() {
    return SurveyFile.builder(questionnaire())
        .question(1, "q1")
        .question(2, "q2")
        .question(3, "q3")
        .wording("照顾到不同居民", "q4a")
        .column("G", "q4b")
        .build();
  }

  static Path xlsx(Path dir, String[] header, String[][] rows) throws Exception {
    Path f = dir.resolve("wjx-export.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
      Sheet s = wb.createSheet("问卷数据");
      Row h = s.createRow(0);
      for (int c = 0; c < header.length; c++) {
        h.createCell(c).setCellValue(header[c]);
      }
      for (int r = 0; r < rows.length; r++) {
        Row row = s.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          // numbers as numeric cells, as a platform's "scores" export writes them
          if (rows[r][c].matches("[0-9]+")) {
            row.createCell(c).setCellValue(Integer.parseInt(rows[r][c]));
          } else {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      wb.write(out);
    }
    return f;
  }

  static String csv(String[] header, String[][] rows) {
    StringBuilder b = new StringBuilder(String.join(",", header)).append("\r\n");
    for (String[] r : rows) {
      b.append(String.join(",", r)).append("\r\n");
    }
    return b.toString();
  }

  static void sameAsNumbers(SurveyResult r) {
    SurveyResult numbers = SurveyReader.read(new StringReader(NUMERIC_CSV), questionnaire(), MissingDataPolicy.PERSON_MEAN);
    assertEquals(numbers.accepted(), r.accepted());
    assertEquals(numbers.rejected(), r.rejected());
    assertEquals(numbers.imputed(), r.imputed());
    assertEquals(numbers.itemMeans(), r.itemMeans());
    assertEquals(numbers.indicatorScores(), r.indicatorScores());
    assertEquals(numbers.reliability().toString(), r.reliability().toString());
  }

  @Test
  void xlsx_chineseHeadersAndOptionTexts_sameAsTheNumbers(@TempDir Path dir) throws Exception {
    SurveyResult r = mapped().read(xlsx(dir, HEADER, ROWS), MissingDataPolicy.PERSON_MEAN);
    sameAsNumbers(r);
    assertEquals(4, r.accepted());
    assertEquals(1, r.imputed(), "the skipped question of row 3");
    // row 4 (sheet row 5) answers 很好, not an option of the scale: rejected by row and column
    Rejection why = r.rejections().get(0);
    assertEquals(5, why.line());
    assertEquals("C (q1)", why.column());
    assertEquals("很好", why.value());
    assertTrue(why.reason().contains("not a number or a known answer option"), why.toString());
    // reverse-keyed q2: 不同意 (2) counts 4, 非常不同意 (1) counts 5
    assertEquals((4 + 5 + 2 + 3) / 4.0, r.itemMeans().get("q2"), 1e-12);
  }

  @Test
  void csv_utf8WithBomAndGbk_sameAsTheNumbers(@TempDir Path dir) throws Exception {
    String text = csv(HEADER, ROWS);
    Path bom = dir.resolve("bom.csv");
    Files.write(bom, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
    Path gbk = dir.resolve("gbk.csv");
    Files.write(gbk, text.getBytes(Charset.forName("GBK")));
    Path plain = dir.resolve("plain.csv");
    Files.writeString(plain, text);
    for (Path f : List.of(bom, gbk, plain)) {
      SurveyResult r = mapped().read(f, MissingDataPolicy.PERSON_MEAN);
      sameAsNumbers(r);
      assertEquals(5, r.rejections().get(0).line(), f.toString());
      assertEquals("C (q1)", r.rejections().get(0).column(), f.toString());
    }
    assertEquals(StandardCharsets.UTF_8, SurveyFile.sniff(bom));
    assertEquals(Charset.forName("GB18030"), SurveyFile.sniff(gbk));
    assertEquals(StandardCharsets.UTF_8, SurveyFile.sniff(plain));
    // a named encoding overrides the detection
    SurveyFile asGbk = SurveyFile.builder(questionnaire()).question(1, "q1").question(2, "q2").question(3, "q3")
        .wording("照顾到不同居民", "q4a").column("7", "q4b").charset(Charset.forName("GBK")).build();
    sameAsNumbers(asGbk.read(gbk, MissingDataPolicy.PERSON_MEAN));
    ValidationException wrong = assertThrows(ValidationException.class,
        () -> SurveyFile.builder(questionnaire()).charset(StandardCharsets.UTF_8).build().read(gbk, MissingDataPolicy.PERSON_MEAN));
    assertEquals("survey.encoding", wrong.field());
  }

  /** GBK text past the first 64 KiB is still read when the start is ASCII: detection fails loudly, not silently. */
  @Test
  void csv_encodingChangesAfterTheSample_clearError(@TempDir Path dir) throws Exception {
    StringBuilder b = new StringBuilder("q1,q2,q3,q4a,q4b\n");
    while (b.length() < 70_000) {
      b.append("5,2,4,3,4\n");
    }
    b.append("同意,2,4,3,4\n");
    Path f = dir.resolve("late.csv");
    Files.write(f, b.toString().getBytes(Charset.forName("GBK")));
    ValidationException e = assertThrows(ValidationException.class, () -> SurveyFile.of(questionnaire()).read(f, MissingDataPolicy.LISTWISE));
    assertEquals("survey.encoding", e.field());
  }

  @Test
  void items_namedByNumber_matchTheQuestionNumber(@TempDir Path dir) throws Exception {
    Questionnaire q = Questionnaire.builder(IndicatorSystems.governanceIndex(), 5)
        .item("1", "gov.role_clarity").reverseItem("2", "gov.role_clarity").item("3", "gov.resident_participation").build();
    String[] header = {"序号", "Q1. 职责清楚", "第2题 少数人说了算", "3．我经常参加社区事务"};
    String[][] rows = {{"1", "非常同意", "不同意", "同意"}, {"2", "同意", "非常不同意", "非常同意"}};
    SurveyResult r = SurveyFile.of(q).read(xlsx(dir, header, rows), MissingDataPolicy.LISTWISE);
    assertEquals(2, r.accepted());
    assertEquals(4.5, r.itemMeans().get("1"), 1e-12);
    assertEquals(4.5, r.itemMeans().get("2"), 1e-12);
    assertEquals(4.5, r.itemMeans().get("3"), 1e-12);
  }

  @Test
  void mappingErrors_nameTheItemAndWhatIsWrong(@TempDir Path dir) throws Exception {
    Path f = xlsx(dir, HEADER, ROWS);
    // question 4 is a matrix with two rows: a number is ambiguous
    ValidationException matrix = assertThrows(ValidationException.class, () -> SurveyFile.builder(questionnaire())
        .question(1, "q1").question(2, "q2").question(3, "q3").question(4, "q4a").column("G", "q4b").build()
        .read(f, MissingDataPolicy.LISTWISE));
    assertEquals("question(q4a)", matrix.field());
    assertTrue(matrix.getMessage().contains("has 2 columns (F, G)"), matrix.getMessage());
    ValidationException unmapped = assertThrows(ValidationException.class, () -> SurveyFile.of(questionnaire()).read(f, MissingDataPolicy.LISTWISE));
    assertEquals("survey.header", unmapped.field());
    assertTrue(unmapped.getMessage().contains("no column is named q1"), unmapped.getMessage());
    ValidationException noWording = assertThrows(ValidationException.class, () -> SurveyFile.builder(questionnaire())
        .question(1, "q1").question(2, "q2").question(3, "q3").wording("不存在的题目", "q4a").column("G", "q4b").build()
        .read(f, MissingDataPolicy.LISTWISE));
    assertEquals("wording(q4a)", noWording.field());
    ValidationException twice = assertThrows(ValidationException.class, () -> SurveyFile.builder(questionnaire())
        .question(1, "q1").question(2, "q2").question(3, "q3").column("C", "q4a").column("G", "q4b").build()
        .read(f, MissingDataPolicy.LISTWISE));
    assertTrue(twice.getMessage().contains("column C is mapped to both q1 and q4a"), twice.getMessage());
    ValidationException beyond = assertThrows(ValidationException.class, () -> SurveyFile.builder(questionnaire())
        .question(1, "q1").question(2, "q2").question(3, "q3").column("Z", "q4a").column("G", "q4b").build()
        .read(f, MissingDataPolicy.LISTWISE));
    assertEquals("column(q4a)", beyond.field());
    assertThrows(ValidationException.class, () -> SurveyFile.builder(questionnaire()).question(1, "nope"));
    assertThrows(ValidationException.class, () -> SurveyFile.builder(questionnaire()).question(1, "q1").question(2, "q1"));
    assertThrows(ValidationException.class, () -> SurveyFile.builder(questionnaire()).column("A1", "q1"));
    assertThrows(ValidationException.class, () -> SurveyFile.builder(questionnaire()).wording("、。", "q1"));
    // a 7-point questionnaire needs its own options
    Questionnaire seven = Questionnaire.builder(IndicatorSystems.governanceIndex(), 7).item("q1", "gov.role_clarity").build();
    assertEquals("options", assertThrows(ValidationException.class, () -> SurveyFile.of(seven)).field());
    assertEquals("options.points", assertThrows(ValidationException.class,
        () -> SurveyFile.builder(seven).options(AnswerOptions.chineseFivePoint())).field());
    // not a workbook
    Path fake = dir.resolve("fake.xlsx");
    Files.writeString(fake, "序号,1、题目\n1,同意\n");
    assertEquals("survey", assertThrows(ValidationException.class, () -> SurveyFile.of(questionnaire()).read(fake, MissingDataPolicy.LISTWISE)).field());
    // a damaged workbook: a zip header and nothing a spreadsheet needs
    Path damaged = dir.resolve("damaged.xlsx");
    Files.write(damaged, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    ValidationException broken = assertThrows(ValidationException.class, () -> SurveyFile.of(questionnaire()).read(damaged, MissingDataPolicy.LISTWISE));
    assertTrue(broken.getMessage().contains("damaged"), broken.getMessage());
    Path truncated = dir.resolve("truncated.xlsx");
    byte[] whole = Files.readAllBytes(f);
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertEquals("survey", assertThrows(ValidationException.class, () -> SurveyFile.of(questionnaire()).read(truncated, MissingDataPolicy.LISTWISE)).field());
    ValidationException sheet = assertThrows(ValidationException.class, () -> SurveyFile.builder(questionnaire()).sheet("Sheet9").build().read(f, MissingDataPolicy.LISTWISE));
    assertEquals("sheet", sheet.field());
  }

  @Test
  void answerOptions_defaultScalesLettersNumbersAndOwn() {
    AnswerOptions o = AnswerOptions.chineseFivePoint();
    String[][] cases = {
      {"非常不同意", "1"}, {"不同意", "2"}, {"一般", "3"}, {"同意", "4"}, {"非常同意", "5"},
      {"很不满意", "1"}, {"非常满意", "5"}, {"比较满意", "4"}, {"从不", "1"}, {"总是", "5"}, {"非常符合", "5"},
      {"Strongly Agree", "5"}, {" 同 意 ", "4"}, {"E、非常同意", "5"}, {"A.非常不同意", "1"}, {"4分", "4"}, {"3", "3"},
    };
    for (String[] c : cases) {
      assertEquals(Double.parseDouble(c[1]), o.score(c[0]).orElseThrow(), c[0]);
    }
    assertTrue(o.score("很好").isEmpty());
    assertTrue(o.score("X.同意").isEmpty(), "only option letters A-K are skipped");
    assertTrue(o.isSkipped("（跳过）") && o.isSkipped("(跳过)") && !o.isSkipped("同意"));
    AnswerOptions importance = AnswerOptions.of("很不重要", "不重要", "一般", "重要", "很重要");
    assertEquals(5, importance.points());
    assertEquals(4, importance.score("重要").orElseThrow());
    assertEquals("option", assertThrows(ValidationException.class,
        () -> AnswerOptions.builder(5).option("同意", 4).option("同意", 5)).field());
    assertThrows(ValidationException.class, () -> AnswerOptions.of("a", "b"));
    assertThrows(ValidationException.class, () -> AnswerOptions.builder(5).option("x", 6));
    assertThrows(ValidationException.class, () -> AnswerOptions.builder(5).option(" ", 1));
    AnswerOptions both = AnswerOptions.builder(5).addAll(o).option("很好", 5).build();
    assertEquals(5, both.score("很好").orElseThrow());
    assertTrue(!o.toString().contains("同意"), "toString counts the texts: " + o);
  }

  @Test
  void letters_andColumnIndex_roundTrip() {
    assertEquals("A", SurveyFile.letters(0));
    assertEquals("Z", SurveyFile.letters(25));
    assertEquals("AA", SurveyFile.letters(26));
    assertEquals("AZ", SurveyFile.letters(51));
    assertEquals("BA", SurveyFile.letters(52));
    for (int i = 0; i < 16_384; i += 7) {
      assertEquals(i, SurveyFile.columnIndex(SurveyFile.letters(i)));
    }
    assertEquals(5, SurveyFile.columnIndex("6"));
    assertEquals(5, SurveyFile.columnIndex("f"));
  }
}
