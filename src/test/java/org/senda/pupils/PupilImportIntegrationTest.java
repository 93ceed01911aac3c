package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.senda.access.Accounts;
import org.senda.test.Api;
import org.senda.test.PageSession;
import org.senda.test.SignedInSessions;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pupil import through the API, into a school of its own (a trust created for these tests, so that the demo
 * trust is left as it was): created and updated counts, dry runs, every error case with nothing written, XLSX.
 */
@SendaTest
class PupilImportIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();
  private static ImportTestSchool school;
  private static final AtomicInteger SERIAL = new AtomicInteger();

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  @Autowired
  DemoAccounts demo;

  @BeforeEach
  void createSchoolOnce() {
    if (school == null || !school.exists(jdbc)) {
      school = ImportTestSchool.create(jdbc, accounts);
    }
  }

  static String upn() {
    int n = SERIAL.incrementAndGet();
    return UpnCheck.generate(999, 9001 + n / 1000, 2021, n % 1000);
  }

  static String wrongCheckLetter(String upn) {
    char wrong = upn.charAt(0) == 'A' ? 'B' : 'A';
    return wrong + upn.substring(1);
  }

  static final String HEADER = "upn,forename,surname,date_of_birth,year_group,sen_status,primary_need,secondary_need\n";

  Api senco() {
    return new Api(port, school.sencoToken());
  }

  Api.Response importCsv(String csv, boolean dryRun) {
    return senco().post("/api/v1/schools/" + school.schoolId() + "/pupil-imports?dryRun=" + dryRun, "text/csv", csv);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** Row counts of everything an import writes: they must not move when an import is refused. */
  List<Long> written() {
    return List.of(count("pupil"), count("pupil_record_event"),
        jdbc.sql("select count(*) from audit_entry where action = 'IMPORT'").query(Long.class).single());
  }

  @Test
  void importCreatesPupilsAndReimportUpdatesThemInsteadOfDuplicating() {
    String first = upn();
    String second = upn();
    String csv = HEADER
        + first + ",Amelia,Khan,2018-03-14,3,N,,\n"
        + second + ",Oliver,Nowak,14/02/2019,Y2,N,,\n";
    Api.Response created = importCsv(csv, false);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("created").asInt()).isEqualTo(2);
    assertThat(created.json().get("updated").asInt()).isEqualTo(0);
    long pupils = count("pupil");

    Api.Response again = importCsv(csv.replace("Amelia", "Amelie"), false);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("created").asInt()).isEqualTo(0);
    assertThat(again.json().get("updated").asInt()).isEqualTo(2);
    assertThat(count("pupil")).isEqualTo(pupils);
    assertThat(jdbc.sql("select legal_forename from pupil where school_id = ? and upn = ?")
        .params(school.schoolId(), first).query(String.class).single()).isEqualTo("Amelie");
    assertThat(jdbc.sql("select y.code from pupil p join year_group y on y.id = p.year_group_id where p.upn = ?")
        .param(second).query(String.class).single()).isEqualTo("Y2");
    // audited with counts, never the file's contents
    List<String> details = jdbc.sql("""
            select detail from audit_entry where action = 'IMPORT' and school_id = ? order by seq desc""")
        .param(school.schoolId()).query(String.class).list();
    assertThat(details.getFirst()).isEqualTo("created=0, updated=2");
    assertThat(details).noneMatch(d -> d.contains("Khan") || d.contains(first));
  }

  @Test
  void thePageImportsTheFileItPreviewedAndNotOverAPupilChangedSince() {
    String upn = upn();
    assertThat(importCsv(HEADER + upn + ",Amelia,Khan,2018-03-14,3,N,,\n", false).status()).isEqualTo(200);
    String path = "/schools/" + school.schoolId() + "/pupil-imports";
    PageSession senco = SESSIONS.of(port, school.senco());
    PageSession.Page preview = senco.postFile(path, Map.of(), "file", "pupils.csv", "text/csv",
        (HEADER + upn + ",Amelia,Khan-Shah,2018-03-14,3,N,,\n").getBytes(StandardCharsets.UTF_8));
    assertThat(preview.body()).contains("Check the import", "Update").doesNotContain("changed-since-preview");

    jdbc.sql("update pupil set preferred_forename = 'Millie', version = version + 1 where upn = ?").param(upn).update();
    PageSession.Page stopped = senco.post(path + "/confirm", Map.of());
    assertThat(stopped.status()).isEqualTo(200);
    assertThat(stopped.body()).contains("changed-since-preview",
        "Nothing was imported: someone changed these pupils after you checked the file");
    assertThat(surname(upn)).as("nothing written").isEqualTo("Khan");

    PageSession.Page confirmed = senco.post(path + "/confirm", Map.of());
    assertThat(confirmed.status()).isEqualTo(302);
    assertThat(senco.follow(confirmed).body()).contains("Pupils imported: 0 added, 1 updated");
    assertThat(surname(upn)).isEqualTo("Khan-Shah");
    assertThat(jdbc.sql("select preferred_forename from pupil where upn = ?").param(upn).query(String.class).single())
        .as("the change made after the preview is kept").isEqualTo("Millie");
    assertThat(senco.post(path + "/confirm", Map.of()).status()).as("the file is gone once imported").isEqualTo(302);
  }

  private String surname(String upn) {
    return jdbc.sql("select legal_surname from pupil where upn = ?").param(upn).query(String.class).single();
  }

  @Test
  void dryRunCountsAndPreviewsButWritesNothing() {
    List<Long> before = written();
    String csv = HEADER + upn() + ",Ivy,Brown,2017-10-01,Year 4,N,,\n" + upn() + ",Leo,Green,2020-01-05,R,N,,\n";
    Api.Response response = importCsv(csv, true);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("created").asInt()).isEqualTo(2);
    assertThat(response.json().get("dryRun").asBoolean()).isTrue();
    assertThat(response.json().get("preview").size()).isEqualTo(2);
    assertThat(response.json().get("preview").get(1).get("yearGroup").asString()).isEqualTo("Reception");
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void acceptsAByteOrderMarkAndMisHeaderAliases() {
    String csv = "\uFEFFUPN,Legal Forename,Legal Surname,DOB,NC Year,Reg Group,Gender,EAL,SEN Status,Primary Need,Secondary Need\n"
        + upn() + ",Zoë,O'Brien,03/09/2016,5,Year 5 Ash,F,Y,N,,\n";
    Api.Response response = importCsv(csv, false);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from pupil where legal_forename = 'Zoë' and eal and sex = 'F' and class_id is not null")
        .query(Integer.class).single()).isEqualTo(1);
  }

  record Case(String name, String csv, int row, String column, String message) {}

  @Test
  void everyMalformedFileIsRefusedWithItsRowColumnAndMessageAndNothingIsWritten() {
    String good = upn();
    String future = LocalDate.now().plusDays(3).toString();
    String duplicate = upn();
    List<Case> cases = List.of(
        new Case("missing required column", "upn,forename,surname,year_group\n" + upn() + ",A,B,3\n", 1,
            "date_of_birth", "The file has no date_of_birth column"),
        new Case("duplicate UPN", HEADER + duplicate + ",A,B,2018-01-01,3,N,,\n" + duplicate
            + ",C,D,2018-01-02,3,N,,\n", 3, "upn", "UPN " + duplicate + " is also on row 2"),
        new Case("invalid check letter", HEADER + good + ",A,B,2018-01-01,3,N,,\n" + wrongCheckLetter(upn())
            + ",C,D,2018-01-02,3,N,,\n", 3, "upn", "The UPN check letter is wrong"),
        new Case("unparsable date of birth", HEADER + upn() + ",A,B,31/02/2018,3,N,,\n", 2, "date_of_birth",
            "Date of birth must be a real date"),
        new Case("future date of birth", HEADER + upn() + ",A,B," + future + ",3,N,,\n", 2, "date_of_birth",
            "Date of birth must be in the past"),
        new Case("unknown year group", HEADER + upn() + ",A,B,2018-01-01,9,N,,\n", 2, "year_group",
            "Year group 9 is not a year group of this school"),
        new Case("blank surname", HEADER + upn() + ",A,,2018-01-01,3,N,,\n", 2, "surname", "Enter a surname"));
    for (Case c : cases) {
      List<Long> before = written();
      Api.Response response = importCsv(c.csv(), false);
      assertThat(response.status()).as(c.name() + ": " + response.body()).isEqualTo(422);
      assertThat(response.contentType()).startsWith("application/problem+json");
      JsonNode error = first(response.json().get("errors"), c.column());
      assertThat(error).as(c.name() + ": " + response.body()).isNotNull();
      assertThat(error.get("row").asInt()).as(c.name()).isEqualTo(c.row());
      assertThat(error.get("message").asString()).as(c.name()).isEqualTo(c.message());
      assertThat(error.get("fix").asString()).as(c.name()).isNotBlank();
      assertThat(written()).as(c.name() + " wrote nothing").isEqualTo(before);
    }
    // the good row of a refused file was not imported either
    assertThat(jdbc.sql("select count(*) from pupil where upn = ?").param(good).query(Integer.class).single())
        .isZero();
  }

  @Test
  void aFileNotSavedAsUtf8IsRefusedOnTheRowOfTheFirstBadCharacter() {
    List<Long> before = written();
    byte[] windows1252 = (HEADER + upn() + ",Amelia,Khan,2018-03-14,3,N,,\n" + upn() + ",Zoë,Brown,2018-03-14,3,N,,\n")
        .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    HttpResponse<String> response = postBytes("text/csv", windows1252, false);
    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode error = JsonMapper.builder().build().readTree(response.body()).get("errors").get(0);
    assertThat(error.get("row").asInt()).isEqualTo(3);
    assertThat(error.get("column").asString()).isEqualTo("file");
    assertThat(error.get("message").asString()).contains("Windows-1252");
    assertThat(error.get("fix").asString()).contains("CSV UTF-8");
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void importsAnExcelWorkbook() throws Exception {
    String upn = upn();
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Pupils");
      Row header = sheet.createRow(0);
      String[] names = {"UPN", "Forename", "Surname", "Date of Birth", "Year", "SEN Status"};
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(upn);
      row.createCell(1).setCellValue("Freya");
      row.createCell(2).setCellValue("Adeyemi");
      var date = row.createCell(3);
      date.setCellValue(LocalDate.of(2019, 5, 20));
      var style = book.createCellStyle();
      style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      date.setCellStyle(style);
      row.createCell(4).setCellValue(2);
      row.createCell(5).setCellValue("N");
      book.write(out);
      workbook = out.toByteArray();
    }
    HttpResponse<String> response = postBytes(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook, false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(jdbc.sql("select date_of_birth from pupil where upn = ?").param(upn).query(LocalDate.class).single())
        .isEqualTo(LocalDate.of(2019, 5, 20));
  }

  @Test
  void importNeedsThePermissionAndTheSchool() {
    String csv = HEADER + upn() + ",A,B,2018-01-01,3,N,,\n";
    String path = "/api/v1/schools/" + school.schoolId() + "/pupil-imports?dryRun=false";
    assertThat(new Api(port, school.teacherToken()).post(path, "text/csv", csv).status()).isEqualTo(403);
    String otherSenco = demo.get("SENCO", demo.schoolIds().getFirst()).apiToken();
    assertThat(new Api(port, otherSenco).post(path, "text/csv", csv).status()).isEqualTo(404);
    assertThat(new Api(port, null).post(path, "text/csv", csv).status()).isEqualTo(401);
  }

  /**
   * A whole school's file of 1,000 pupils is created and, imported again, updates them all. How fast is the
   * benchmark's business (./mvnw -Pbenchmark verify times a 1,000-pupil import against its 5 s target).
   */
  @Test
  void aThousandPupilFileCreatesThemAllAndReimportUpdatesThemAll() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 1000; i++) {
      csv.append(upn()).append(",Pupil").append(i).append(",Surname").append(i % 97).append(",2018-0")
          .append(1 + i % 9).append("-1").append(i % 9).append(",").append(1 + i % 6).append(",N,,\n");
    }
    Api.Response created = importCsv(csv.toString(), false);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("created").asInt()).isEqualTo(1000);
    Api.Response updated = importCsv(csv.toString(), false);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().get("created").asInt()).isEqualTo(0);
    assertThat(updated.json().get("updated").asInt()).isEqualTo(1000);
  }

  private static JsonNode first(JsonNode errors, String column) {
    for (JsonNode error : errors) {
      if (column.equals(error.get("column").asString())) {
        return error;
      }
    }
    return null;
  }

  private HttpResponse<String> postBytes(String contentType, byte[] body, boolean dryRun) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/schools/"
              + school.schoolId() + "/pupil-imports?dryRun=" + dryRun))
          .header("Authorization", "Bearer " + school.sencoToken())
          .header("Content-Type", contentType)
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
