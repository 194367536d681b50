package io.github.linli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/data/governance-survey-wjx.xlsx} is the 60 answers of {@code
 * governance-survey-sample.csv} as 问卷星 exports them "by option text": Chinese question headers
 * ("1、…"), answers as 非常不同意…非常同意, a skipped question as "(跳过)", the bad cells as they
 * were. This test keeps the two files the same survey; run it with {@code -Dlinli.regenerate=true}
 * to write the workbook again.
 */
class WjxSampleTest {
  static final String[] QUESTIONS = {
    "居委会、业委会、物业和社会组织的职责分工清楚",
    "社区里的事情常常分不清该由谁负责",
    "社区社会组织扎根社区、长期开展服务",
    "我经常参加社区的议事和活动",
    "我觉得社区事务与我关系不大",
    "社区能兼顾不同居民群体的利益",
    "社区常用议事会、恳谈会等方式形成共识",
    "遇到公共问题，社区会先征求居民意见",
    "社区的资源在各小区之间分配公平",
    "社区提供的服务符合居民的实际需要",
    "驻区单位的资源能为社区所用",
    "社区承担的行政事务太多",
    "社区的各项工作机制衔接顺畅",
    "社区善用微信群、小程序等数字工具",
    "社区与街道、驻区单位协同顺畅",
    "参与社区治理的各方都能从中受益",
    "社区工作有清楚的考核和反馈",
  };
  static final String[] OPTIONS = {"非常不同意", "不同意", "一般", "同意", "非常同意"};

  static List<List<String>> expected(Path docs) throws Exception {
    List<String> lines = Files.readAllLines(docs.resolve("data/governance-survey-sample.csv"));
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("序号", "提交答卷时间", "所用时间"));
    for (int i = 0; i < QUESTIONS.length; i++) {
      header.add((i + 1) + "、" + QUESTIONS[i]);
    }
    rows.add(header);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      int n = Integer.parseInt(cells[0]);
      List<String> row = new ArrayList<>(List.of(cells[0],
          String.format(Locale.ROOT, "2026/10/%d %d:%02d:%02d", 1 + n % 28, 8 + n % 12, (n * 7) % 60, (n * 13) % 60),
          (90 + (n * 37) % 300) + "秒"));
      for (int i = 1; i < cells.length; i++) {
        String c = cells[i];
        row.add(c.isEmpty() ? "(跳过)" : c.matches("[1-5]") ? OPTIONS[Integer.parseInt(c) - 1] : c);
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void workbook_isTheCsvSurveyAsAnOptionTextExport() throws Exception {
    Path docs = RunnableDocsTest.DOCS;
    Path xlsx = docs.resolve("data/governance-survey-wjx.xlsx");
    List<List<String>> rows = expected(docs);
    if (Boolean.getBoolean("linli.regenerate")) {
      try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
        Sheet s = wb.createSheet("问卷数据");
        for (int r = 0; r < rows.size(); r++) {
          Row row = s.createRow(r);
          for (int c = 0; c < rows.get(r).size(); c++) {
            String v = rows.get(r).get(c);
            if (r > 0 && v.matches("[0-9]+")) {
              row.createCell(c).setCellValue(Integer.parseInt(v));   // numbers as number cells
            } else {
              row.createCell(c).setCellValue(v);
            }
          }
        }
        wb.write(out);
      }
    }
    assertTrue(Files.exists(xlsx), xlsx + " is missing: run this test with -Dlinli.regenerate=true");
    DataFormatter shown = new DataFormatter(Locale.ROOT);
    try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
      Sheet s = wb.getSheetAt(0);
      assertEquals(rows.size() - 1, s.getLastRowNum());
      for (int r = 0; r < rows.size(); r++) {
        List<String> got = new ArrayList<>();
        for (int c = 0; c < s.getRow(r).getLastCellNum(); c++) {
          got.add(shown.formatCellValue(s.getRow(r).getCell(c)));
        }
        assertEquals(rows.get(r), got, "row " + (r + 1));
      }
    }
  }
}
