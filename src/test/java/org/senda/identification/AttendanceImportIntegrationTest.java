package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.senda.test.ImportPages.errorRows;
import static org.senda.test.ImportPages.previewRows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.ImportPages;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.test.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attendance import pages: a file with any problem is reported row by row and writes nothing; a good file is
 * previewed (a dry run) with the attendance each row adds or replaces, then imported on confirmation, unless someone
 * changed the attendance of one of its rows in between; only those who may use the import API may use them.
 */
@SendaTest
class AttendanceImportIntegrationTest {

  static final SignedInSessions SESSIONS = new SignedInSessions();
  static final String HEADER = "upn,term,attendance_percent\n";

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  ImportPages pages;

  @BeforeEach
  void pages() {
    pages = new ImportPages(SESSIONS, port, accounts, school(), path(), "attendance.csv");
  }

  long school() {
    return accounts.schoolIds().get(1);
  }

  String path() {
    return "/schools/" + school() + "/identification/attendance-imports";
  }

  /** Pupils of the school with no attendance recorded in the latest term, so that importing theirs adds a row. */
  List<String> upnsWithoutAttendance(int count) {
    return jdbc.sql("""
            select upn from pupil p where school_id = ?
            and not exists (select 1 from pupil_attendance a where a.pupil_id = p.id and a.term_id = ?)
            order by id desc""")
        .params(school(), latestTermId()).query(String.class).list().subList(0, count);
  }

  long latestTermId() {
    return jdbc.sql("""
            select id from term where school_id = ? and starts_on <= current_date order by starts_on desc
            fetch first 1 rows only""")
        .param(school()).query(Long.class).single();
  }

  String latestTerm() {
    return jdbc.sql("""
            select t.name || ' ' || ay.label from term t join academic_year ay on ay.id = t.academic_year_id
            where t.id = ?""")
        .param(latestTermId()).query(String.class).single();
  }

  @Test
  void aFileWithProblemsIsReportedRowByRowAndNothingIsWritten() {
    List<String> upns = upnsWithoutAttendance(3);
    String term = latestTerm();
    int before = attendanceRows();

    PageSession.Page missingColumn = pages.upload("upn,term\n" + upns.get(0) + "," + term + "\n");
    assertThat(missingColumn.status()).isEqualTo(200);
    assertThat(missingColumn.body()).contains("There is a problem").contains("Nothing has been imported")
        .contains("The file has no column headed attendance_percent")
        .contains("Add a column headed attendance_percent to the first row");

    PageSession.Page rows = pages.upload(HEADER
        + upns.get(0) + "," + term + ",97\n"
        + "A000000000000," + term + ",97\n"
        + upns.get(1) + "," + term + ",104\n"
        + upns.get(2) + "," + term + ",-3\n");
    assertThat(rows.status()).isEqualTo(200);
    assertThat(rows.body()).contains("The file has 3 problems. Nothing has been imported.");
    assertThat(errorRows(rows.body())).containsExactly(
        List.of("3", "upn", "A000000000000", "No pupil in this school has this UPN",
            "Check the UPN against the pupil's record, or import the pupil first"),
        List.of("4", "attendance_percent", "104", "This is not a percentage from 0 to 100",
            "Enter the attendance as a number from 0 to 100, with up to 2 decimal places"),
        List.of("5", "attendance_percent", "-3", "This is not a percentage from 0 to 100",
            "Enter the attendance as a number from 0 to 100, with up to 2 decimal places"));

    // what Excel writes for plain "CSV": Windows-1252, here an é on the third row
    byte[] windows1252 = (HEADER + upns.get(0) + "," + term + ",97\n" + upns.get(1) + "," + term
        + ",97 é\n").getBytes(Charset.forName("windows-1252"));
    PageSession.Page encoding = pages.upload(pages.senco(), windows1252);
    assertThat(encoding.status()).isEqualTo(200);
    assertThat(errorRows(encoding.body())).containsExactly(List.of("3", "file", "",
        "The file is not saved as UTF-8: it has characters that cannot be read",
        "In Excel choose File > Save As > CSV UTF-8 (comma delimited), then upload the new file"));

    assertThat(attendanceRows()).isEqualTo(before);
    // nothing waits to be confirmed after a file with problems
    PageSession.Page confirm = pages.confirm(pages.senco());
    assertThat(confirm.status()).isEqualTo(302);
    assertThat(attendanceRows()).isEqualTo(before);
  }

  @Test
  void aGoodFileIsPreviewedThenImportedOnConfirmation() {
    List<String> upns = upnsWithoutAttendance(2);
    String term = latestTerm();
    int before = attendanceRows();

    PageSession.Page preview = pages.upload("\uFEFF" + HEADER + upns.get(0) + "," + term + ",97\n"
        + upns.get(1) + "," + term + ",98.25%\n");
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body()).contains("Check the attendance import").contains("Nothing has changed yet")
        .contains(upns.get(0)).contains("98.25%");
    assertThat(attendanceRows()).as("a dry run writes nothing").isEqualTo(before);

    PageSession.Page done = pages.confirm(pages.senco());
    assertThat(done.status()).isEqualTo(302);
    assertThat(pages.senco().get(path()).body()).contains("Attendance imported: 2 added, 0 changed");
    assertThat(attendanceRows()).isEqualTo(before + 2);
    assertThat(jdbc.sql("""
            select a.percentage from pupil_attendance a join pupil p on p.id = a.pupil_id
            where p.upn = ? and a.term_id = ?""")
        .params(upns.get(1), latestTermId()).query(Double.class).single()).isEqualTo(98.25);

    // the same file again changes the two rows, and the preview says what each replaces
    PageSession.Page again = pages.upload(HEADER + upns.get(0) + "," + term + ",96\n");
    assertThat(again.body()).contains("97%").contains("96%").contains(">Change<");
  }

  @Test
  void attendanceChangedAfterThePreviewIsShownAgainBeforeAnythingIsImported() {
    String upn = upnsWithoutAttendance(1).getFirst();
    String term = latestTerm();
    long termId = latestTermId();
    long pupilId = jdbc.sql("select id from pupil where school_id = ? and upn = ?").params(school(), upn)
        .query(Long.class).single();
    String checks = "/schools/" + school() + "/pupils/" + pupilId + "/checks/attendance";
    PageSession headteacher = pages.as("HEADTEACHER", school());
    PageSession.Page recorded = headteacher.post(checks, Map.of("termId", String.valueOf(termId), "percentage", "90"));
    assertThat(recorded.status()).isEqualTo(302);
    headteacher.follow(recorded);

    PageSession.Page preview = pages.upload(HEADER + upn + "," + term + ",96\n");
    assertThat(previewRows(preview.body())).containsExactly(List.of("2", upn, term, "96%", "90%", "Change"));

    // the headteacher corrects the pupil's attendance on the pupil's checks page meanwhile
    int version = jdbc.sql("select version from pupil_attendance where pupil_id = ? and term_id = ?")
        .params(pupilId, termId).query(Integer.class).single();
    PageSession.Page corrected = headteacher.post(checks + "/" + termId, Map.of("percentage", "88",
        "version", String.valueOf(version)));
    assertThat(corrected.status()).isEqualTo(302);
    assertThat(headteacher.follow(corrected).body()).contains("88%");
    int audited = imports();

    PageSession.Page stale = pages.confirm(pages.senco());
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains("Error: Check the attendance import")
        .contains("Someone changed attendance in this file after you checked it. Nothing has been imported.");
    assertThat(previewRows(stale.body())).as("the new preview replaces the headteacher's figure")
        .containsExactly(List.of("2", upn, term, "96%", "88%", "Change"));
    assertThat(attendance(pupilId, termId)).as("the headteacher's figure is kept until confirmed").isEqualTo(88.0);
    assertThat(imports()).as("nothing imported").isEqualTo(audited);

    PageSession.Page imported = pages.confirm(pages.senco());
    assertThat(imported.status()).isEqualTo(302);
    assertThat(pages.senco().follow(imported).body()).contains("Attendance imported: 0 added, 1 changed");
    assertThat(attendance(pupilId, termId)).isEqualTo(96.0);
    assertThat(imports()).isEqualTo(audited + 1);
  }

  @Test
  void theTemplateListsTheColumnsWithAnExampleRow() {
    byte[] template = pages.senco().getBytes(path() + "/template.csv");
    String text = new String(template, StandardCharsets.UTF_8);
    assertThat(text).startsWith("upn,term,attendance_percent\r\n").contains(latestTerm());
  }

  @Test
  void onlyThoseWhoMayImportPupilsUseThePages() {
    String csv = HEADER + upnsWithoutAttendance(1).getFirst() + "," + latestTerm() + ",97\n";
    byte[] file = csv.getBytes(StandardCharsets.UTF_8);
    PageSession.Page admin = pages.as("SCHOOL_ADMIN", school()).get(path());
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.body()).as("the school admin, who cannot see the identification page, finds it in the header")
        .contains("href=\"" + path() + "\"").doesNotContain("Back to identification");
    assertThat(pages.senco().get("/schools/" + school() + "/identification").body())
        .contains("href=\"" + path() + "\"");
    assertThat(pages.as("HEADTEACHER", school()).get(path()).status()).isEqualTo(200);
    for (String role : List.of("TEACHER", "GOVERNOR", "DSL")) {
      assertThat(pages.as(role, school()).get(path()).status()).as(role).isEqualTo(403);
      assertThat(pages.upload(pages.as(role, school()), file).status()).as(role).isEqualTo(403);
      assertThat(pages.confirm(pages.as(role, school())).status()).as(role).isEqualTo(403);
    }
    long other = accounts.schoolIds().getFirst();
    assertThat(pages.as("SENCO", other).get(path()).status()).isIn(403, 404);
    assertThat(pages.upload(pages.as("SENCO", other), file).status()).isIn(403, 404);
  }

  @Test
  void thePreviewRunsTheSameStatementsForAShortAndALongFile() {
    List<String> upns = upnsWithoutAttendance(40);
    String term = latestTerm();
    StringBuilder longFile = new StringBuilder(HEADER);
    upns.forEach(upn -> longFile.append(upn).append(',').append(term).append(",97\n"));
    String one = HEADER + upns.getFirst() + "," + term + ",97\n";
    String forty = longFile.toString();
    String wrong = forty.replace(",97\n", ",970\n");
    // One reading each: a message left in the session by an earlier import, addressed to this page, is not taken by
    // the upload (a post) nor dropped by whichever request comes after it expires.
    int shortFile = SqlStatements.of(pages.upload(one));
    int longOne = SqlStatements.of(pages.upload(forty));
    int errors = SqlStatements.of(pages.upload(wrong));
    System.out.printf("attendance import preview statements: %d (1 row), %d (40 rows), %d (40 wrong rows)%n",
        shortFile, longOne, errors);
    SqlStatements.assertBounded(13, shortFile, longOne);
    assertThat(errors).isLessThanOrEqualTo(13);
  }

  double attendance(long pupilId, long termId) {
    return jdbc.sql("select percentage from pupil_attendance where pupil_id = ? and term_id = ?")
        .params(pupilId, termId).query(Double.class).single();
  }

  /** The school's attendance imports in the audit log. */
  int imports() {
    return jdbc.sql("""
            select count(*) from audit_entry where action = 'IMPORT' and record_type = 'pupil-attendance'
            and school_id = ?""")
        .param(school()).query(Integer.class).single();
  }

  int attendanceRows() {
    return jdbc.sql("select count(*) from pupil_attendance").query(Integer.class).single();
  }
}
