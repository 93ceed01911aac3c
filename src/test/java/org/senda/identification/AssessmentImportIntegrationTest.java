package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.senda.test.ImportPages.errorRows;
import static org.senda.test.ImportPages.previewRows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
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
 * The score import pages: a file with any problem is reported row by row and writes nothing; a good file is
 * previewed (a dry run) with each score it adds or replaces, then imported on confirmation, unless someone changed
 * one of its scores in between; only those who may use the score import API may use them.
 */
@SendaTest
class AssessmentImportIntegrationTest {

  static final SignedInSessions SESSIONS = new SignedInSessions();
  static final String HEADER = "upn,subject,assessment_point,score\n";

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  ImportPages pages;

  @BeforeEach
  void pages() {
    pages = new ImportPages(SESSIONS, port, accounts, school(), path(), "scores.csv");
  }

  long school() {
    return accounts.schoolIds().get(1);
  }

  String path() {
    return "/schools/" + school() + "/identification/assessment-imports";
  }

  /** The school's latest assessment point, not yet due, so that no pupil has a score there yet. */
  String latestPoint() {
    return jdbc.sql("""
            select label from assessment_point where school_id = ? order by assessed_on desc fetch first 1 rows only""")
        .param(school()).query(String.class).single();
  }

  /** Pupils of the school with no score in the subject at the point, so that importing theirs adds a row. */
  List<String> upnsWithoutScore(String subject, String point, int count) {
    return jdbc.sql("""
            select upn from pupil p where school_id = ? and not exists (
              select 1 from assessment_score s join assessment_subject sub on sub.id = s.subject_id
              join assessment_point ap on ap.id = s.point_id
              where s.pupil_id = p.id and sub.code = ? and ap.label = ?)
            order by id desc""")
        .params(school(), subject, point).query(String.class).list().subList(0, count);
  }

  /** A recorded score of the school: upn, subject code, point label and score as text. */
  List<String> recordedScore(int skip) {
    return jdbc.sql("""
            select p.upn, sub.code, ap.label, s.score from assessment_score s join pupil p on p.id = s.pupil_id
            join assessment_subject sub on sub.id = s.subject_id join assessment_point ap on ap.id = s.point_id
            where s.school_id = ? and sub.code = 'maths' order by s.pupil_id, ap.assessed_on""")
        .param(school())
        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
            String.valueOf(rs.getBigDecimal(4).stripTrailingZeros().toPlainString())))
        .list().get(skip);
  }

  double score(String upn, String subject, String point) {
    return jdbc.sql("""
            select s.score from assessment_score s join pupil p on p.id = s.pupil_id
            join assessment_subject sub on sub.id = s.subject_id join assessment_point ap on ap.id = s.point_id
            where p.upn = ? and sub.code = ? and ap.label = ?""")
        .params(upn, subject, point).query(Double.class).single();
  }

  int imports() {
    return jdbc.sql("""
            select count(*) from audit_entry where action = 'IMPORT' and record_type = 'assessment-score'
            and school_id = ? and detail = 'created 2, updated 1'""")
        .param(school()).query(Integer.class).single();
  }

  int scoreRows() {
    return jdbc.sql("select count(*) from assessment_score").query(Integer.class).single();
  }

  /** The school's progress-flags counter, which every change to a score must raise. */
  long progressInputs() {
    return jdbc.sql("select version from progress_inputs where school_id = ?").param(school())
        .query(Long.class).optional().orElse(0L);
  }

  @Test
  void aFileWithProblemsIsReportedRowByRowAndNothingIsWritten() {
    String point = latestPoint();
    List<String> upns = upnsWithoutScore("reading", point, 3);
    int before = scoreRows();
    long counter = progressInputs();

    PageSession.Page missingColumn = pages.upload("upn,subject,assessment_point\n" + upns.get(0) + ",reading," + point
        + "\n");
    assertThat(missingColumn.status()).isEqualTo(200);
    assertThat(missingColumn.body()).contains("There is a problem").contains("Nothing has been imported")
        .contains("The scores could not be imported");
    assertThat(errorRows(missingColumn.body())).containsExactly(List.of("1", "score", "",
        "The file has no column headed score", "Add a column headed score to the first row"));

    PageSession.Page rows = pages.upload(HEADER
        + upns.get(0) + ",reading," + point + ",101\n"
        + "A000000000000,reading," + point + ",101\n"
        + upns.get(1) + ",art," + point + ",101\n"
        + upns.get(1) + ",maths,Spring term 1999/00,101\n"
        + upns.get(2) + ",maths," + point + ",400\n"
        + upns.get(0) + ",Reading," + point + ",102\n");
    assertThat(rows.status()).isEqualTo(200);
    assertThat(rows.body()).contains("The file has 5 problems. Nothing has been imported.");
    List<List<String>> errors = errorRows(rows.body());
    assertThat(errors).hasSize(5);
    assertThat(errors.get(0)).containsExactly("3", "upn", "A000000000000", "No pupil in this school has this UPN",
        "Check the UPN against the pupil's record, or import the pupil first");
    assertThat(errors.get(1)).containsExactly("4", "subject", "art", "The school does not assess this subject",
        "Enter a subject the school assesses: " + String.join(", ", activeSubjects()));
    assertThat(errors.get(2).subList(0, 4)).containsExactly("5", "assessment_point", "Spring term 1999/00",
        "The school has no assessment point of this name");
    assertThat(errors.get(2).get(4)).startsWith("Enter an assessment point of this school, for example ");
    assertThat(errors.get(3)).containsExactly("6", "score", "400", "This is not a Maths score",
        "Enter a score for Maths as a number from 55 to 145");
    assertThat(errors.get(4)).containsExactly("7", "upn", upns.get(0),
        "Row 2 already gives a Reading score for this pupil at " + point, "Keep one of the rows");

    // what Excel writes for plain "CSV": Windows-1252, here a £ on the third row
    byte[] windows1252 = (HEADER + upns.get(0) + ",reading," + point + ",101\n" + upns.get(1) + ",reading," + point
        + ",£101\n").getBytes(Charset.forName("windows-1252"));
    PageSession.Page encoding = pages.upload(pages.senco(), windows1252);
    assertThat(encoding.status()).isEqualTo(200);
    assertThat(errorRows(encoding.body())).containsExactly(List.of("3", "file", "",
        "The file is not saved as UTF-8: it has characters that cannot be read",
        "In Excel choose File > Save As > CSV UTF-8 (comma delimited), then upload the new file"));

    PageSession.Page empty = pages.upload(pages.senco(), new byte[0]);
    assertThat(empty.body()).contains("Error: Import scores").contains("Select a CSV file");

    assertThat(scoreRows()).isEqualTo(before);
    assertThat(progressInputs()).as("nothing written, so the flags still hold").isEqualTo(counter);
    // nothing waits to be confirmed after a file with problems
    PageSession.Page confirm = pages.confirm(pages.senco());
    assertThat(confirm.status()).isEqualTo(302);
    assertThat(pages.senco().get(path()).body()).contains("Upload the file again: the preview has expired");
    assertThat(scoreRows()).isEqualTo(before);
  }

  @Test
  void aGoodFileIsPreviewedThenImportedOnConfirmation() {
    String point = latestPoint();
    List<String> upns = upnsWithoutScore("writing", point, 2);
    List<String> recorded = recordedScore(0);
    int before = scoreRows();
    long counter = progressInputs();
    int audited = imports();

    PageSession.Page preview = pages.upload("\uFEFF" + HEADER + upns.get(0) + ",writing," + point + ",97\n"
        + upns.get(1) + ",Writing," + point + ",103.5\n"
        + recorded.get(0) + "," + recorded.get(1) + "," + recorded.get(2) + ",131\n");
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body()).contains("Check the score import").contains("Nothing has changed yet");
    assertThat(previewRows(preview.body())).containsExactly(
        List.of("2", upns.get(0), "Writing", point, "None", "97", "Add"),
        List.of("3", upns.get(1), "Writing", point, "None", "103.5", "Add"),
        List.of("4", recorded.get(0), "Maths", recorded.get(2), recorded.get(3), "131", "Change"));
    assertThat(scoreRows()).as("a dry run writes nothing").isEqualTo(before);
    assertThat(progressInputs()).isEqualTo(counter);

    PageSession.Page done = pages.confirm(pages.senco());
    assertThat(done.status()).isEqualTo(302);
    assertThat(pages.senco().get(path()).body()).contains("Scores imported: 2 added, 1 changed");
    assertThat(scoreRows()).isEqualTo(before + 2);
    assertThat(score(upns.get(1), "writing", point)).isEqualTo(103.5);
    assertThat(score(recorded.get(0), "maths", recorded.get(2))).isEqualTo(131.0);
    assertThat(progressInputs()).as("the flags are worked out again").isGreaterThan(counter);
    assertThat(imports()).as("audited like the API import").isEqualTo(audited + 1);

    // confirming twice imports once: the file was used
    assertThat(pages.confirm(pages.senco()).status()).isEqualTo(302);
    assertThat(scoreRows()).isEqualTo(before + 2);
  }

  @Test
  void theImportRaisesTheFlagsCounterAsTheApiImportDoes() {
    String point = latestPoint();
    List<String> upns = upnsWithoutScore("maths", point, 2);
    List<String> first = recordedScore(1);
    List<String> second = recordedScore(2);

    long beforeApi = progressInputs();
    Api.Response api = new Api(port, accounts.get("SENCO", school()).apiToken()).post(
        "/api/v1/schools/" + school() + "/assessment-imports", "text/csv",
        HEADER + upns.get(0) + ",maths," + point + ",99\n" + String.join(",", first.subList(0, 3)) + ",98\n");
    assertThat(api.status()).isEqualTo(200);
    long byApi = progressInputs() - beforeApi;

    long beforePage = progressInputs();
    pages.upload(HEADER + upns.get(1) + ",maths," + point + ",99\n" + String.join(",", second.subList(0, 3)) + ",98\n");
    assertThat(pages.confirm(pages.senco()).status()).isEqualTo(302);
    long byPage = progressInputs() - beforePage;

    assertThat(byApi).isPositive();
    assertThat(byPage).isEqualTo(byApi);
  }

  @Test
  void aScoreChangedAfterThePreviewIsShownAgainBeforeAnythingIsImported() {
    String point = latestPoint();
    String upn = upnsWithoutScore("reading", point, 1).getFirst();
    PageSession.Page preview = pages.upload(HEADER + upn + ",reading," + point + ",104\n");
    assertThat(previewRows(preview.body())).containsExactly(List.of("2", upn, "Reading", point, "None", "104", "Add"));

    // a teacher types this pupil's score on the class grid meanwhile
    jdbc.sql("""
            insert into assessment_score (school_id, pupil_id, subject_id, point_id, score)
            select p.school_id, p.id, sub.id, ap.id, 88 from pupil p
            join assessment_subject sub on sub.school_id = p.school_id and sub.code = 'reading'
            join assessment_point ap on ap.school_id = p.school_id and ap.label = ?
            where p.upn = ?""")
        .params(point, upn).update();

    PageSession.Page stale = pages.confirm(pages.senco());
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains("Error: Check the score import")
        .contains("Someone changed scores in this file after you checked it. Nothing has been imported.");
    assertThat(previewRows(stale.body())).containsExactly(List.of("2", upn, "Reading", point, "88", "104", "Change"));
    assertThat(score(upn, "reading", point)).as("the teacher's score is kept until confirmed").isEqualTo(88.0);

    assertThat(pages.confirm(pages.senco()).status()).isEqualTo(302);
    assertThat(score(upn, "reading", point)).isEqualTo(104.0);
  }

  @Test
  void theTemplateHasARowForEachSubjectThatImportsOnceItsUpnIsReal() {
    byte[] template = pages.senco().getBytes(path() + "/template.csv");
    String text = new String(template, StandardCharsets.UTF_8);
    // The school's latest point already assessed, in the order of academic years and points as the page takes it
    // (other tests in this JVM add points of their own, in far-off years).
    String point = jdbc.sql("""
            select label from assessment_point where school_id = ? and assessed_on <= current_date
            order by academic_year desc, ordinal desc fetch first 1 rows only""")
        .param(school()).query(String.class).single();
    // A row for each subject the school assesses (other tests in this JVM may have added some), in its order; the
    // standardised ones get the middle of 55-145.
    List<String> subjects = activeSubjects();
    List<String> lines = List.of(text.split("\r\n"));
    assertThat(lines.getFirst()).isEqualTo("upn,subject,assessment_point,score");
    assertThat(lines.subList(1, lines.size())).hasSize(subjects.size())
        .allSatisfy(line -> assertThat(line).startsWith("A123456789012,").contains("," + point + ","));
    assertThat(lines.subList(1, lines.size()).stream().map(line -> line.split(",")[1]).toList())
        .isEqualTo(subjects);
    assertThat(lines.subList(1, 4)).containsExactly("A123456789012,reading," + point + ",100",
        "A123456789012,writing," + point + ",100", "A123456789012,maths," + point + ",100");

    String upn = jdbc.sql("select upn from pupil where school_id = ? order by id fetch first 1 rows only")
        .param(school()).query(String.class).single();
    PageSession.Page preview = pages.upload(text.replace("A123456789012", upn));
    assertThat(preview.body()).contains("Check the score import");
    assertThat(previewRows(preview.body())).hasSize(subjects.size());

    PageSession.Page page = pages.senco().get(path());
    assertThat(page.body()).contains("Subjects and their scores").contains("A number from 55 to 145")
        .contains(">" + point + "<").contains("href=\"" + path() + "/template.csv\"");
  }

  @Test
  void onlyThoseWhoMayImportPupilsUseThePages() {
    String point = latestPoint();
    String csv = HEADER + upnsWithoutScore("maths", point, 1).getFirst() + ",maths," + point + ",100\n";
    byte[] file = csv.getBytes(StandardCharsets.UTF_8);
    PageSession.Page admin = pages.as("SCHOOL_ADMIN", school()).get(path());
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.body()).as("the school admin, who cannot see the identification page, finds it in the header")
        .contains("href=\"" + path() + "\"").doesNotContain("Back to identification");
    assertThat(pages.senco().get("/schools/" + school() + "/identification").body())
        .contains("href=\"" + path() + "\"");
    assertThat(pages.senco().get("/schools/" + school() + "/identification/scores").body())
        .contains("href=\"" + path() + "\"");
    assertThat(pages.as("TEACHER", school()).get("/schools/" + school() + "/identification/scores").body())
        .doesNotContain(path());
    assertThat(pages.as("HEADTEACHER", school()).get(path()).status()).isEqualTo(200);
    int before = scoreRows();
    for (String role : List.of("TEACHER", "GOVERNOR", "DSL")) {
      assertThat(pages.as(role, school()).get(path()).status()).as(role).isEqualTo(403);
      assertThat(pages.as(role, school()).get(path() + "/template.csv").status()).as(role).isEqualTo(403);
      assertThat(pages.upload(pages.as(role, school()), file).status()).as(role).isEqualTo(403);
      assertThat(pages.confirm(pages.as(role, school())).status()).as(role).isEqualTo(403);
    }
    long other = accounts.schoolIds().getFirst();
    assertThat(pages.as("SENCO", other).get(path()).status()).isIn(403, 404);
    assertThat(pages.as("SENCO", other).get(path() + "/template.csv").status()).isIn(403, 404);
    assertThat(pages.upload(pages.as("SENCO", other), file).status()).isIn(403, 404);
    assertThat(pages.confirm(pages.as("SENCO", other)).status()).isIn(403, 404);
    assertThat(scoreRows()).isEqualTo(before);
  }

  @Test
  void thePagesRunTheSameStatementsForAShortAndALongFile() {
    String point = latestPoint();
    List<String> upns = upnsWithoutScore("maths", point, 40);
    StringBuilder longFile = new StringBuilder(HEADER);
    upns.forEach(upn -> longFile.append(upn).append(",maths,").append(point).append(",100\n"));
    String one = HEADER + upns.getFirst() + ",maths," + point + ",100\n";
    String forty = longFile.toString();
    String wrong = forty.replace(",100\n", ",1000\n");
    // the fewer of two readings: now and then a request also does work of its own (the session, the audit chain)
    int shortFile = Math.min(SqlStatements.of(pages.upload(one)), SqlStatements.of(pages.upload(one)));
    int longOne = Math.min(SqlStatements.of(pages.upload(forty)), SqlStatements.of(pages.upload(forty)));
    int errors = Math.min(SqlStatements.of(pages.upload(wrong)), SqlStatements.of(pages.upload(wrong)));
    int page = Math.min(SqlStatements.of(pages.senco().get(path())),
        SqlStatements.of(pages.senco().get(path())));
    System.out.printf("score import statements: preview %d (1 row), %d (40 rows), %d (40 wrong rows); page %d%n",
        shortFile, longOne, errors, page);
    SqlStatements.assertBounded(19, shortFile, longOne);
    assertThat(errors).isLessThanOrEqualTo(19);
    assertThat(page).isLessThanOrEqualTo(8);
  }

  /** The codes of the subjects the school assesses, in the order the school lists them. */
  private List<String> activeSubjects() {
    return jdbc.sql("select code from assessment_subject where school_id = ? and active order by position, name")
        .param(school()).query(String.class).list();
  }

}
