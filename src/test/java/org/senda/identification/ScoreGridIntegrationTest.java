package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.web.ConcurrentEdit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Score entry in a class grid: need to know (a teacher's own classes; the SENCO's every class), every typed score
 * checked against the subject's scale with nothing written on any error, and a score changed meanwhile stopping
 * the save. Each test enters scores at its own assessment point far in the future, so that no flag changes.
 */
@SendaTest
class ScoreGridIntegrationTest {

  static final SignedInSessions SESSIONS = new SignedInSessions();
  static final AtomicInteger ORDINAL = new AtomicInteger(100 + (int) (System.nanoTime() % 1000));

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  long school;
  long teachersClass;
  long otherClass;
  long point;
  List<Long> pupils;

  PageSession as(String role, long schoolId) {
    return SESSIONS.of(port, accounts.get(role, schoolId));
  }

  @BeforeEach
  void setUp() {
    school = accounts.schoolIds().getFirst();
    String teacher = accounts.get("TEACHER", school).email();
    teachersClass = jdbc.sql("""
            select min(cs.class_id) from class_staff cs join account a on a.staff_id = cs.staff_id
            join school_class c on c.id = cs.class_id where a.email = ? and c.school_id = ?""")
        .params(teacher, school).query(Long.class).single();
    otherClass = jdbc.sql("""
            select min(c.id) from school_class c where c.school_id = ? and c.id not in (
              select cs.class_id from class_staff cs join account a on a.staff_id = cs.staff_id where a.email = ?)
              and exists (select 1 from pupil p where p.class_id = c.id)""")
        .params(school, teacher).query(Long.class).single();
    pupils = jdbc.sql("""
            select id from pupil where class_id = ? and leaving_date is null order by id""")
        .param(teachersClass).query(Long.class).list();
    int ordinal = ORDINAL.incrementAndGet();
    jdbc.sql("""
            insert into assessment_point (school_id, academic_year, ordinal, label, assessed_on)
            values (?, '2098/99', ?, ?, date '2099-07-20')""")
        .params(school, ordinal, "Grid test " + ordinal).update();
    point = jdbc.sql("select id from assessment_point where school_id = ? and academic_year = '2098/99' and ordinal = ?")
        .params(school, ordinal).query(Long.class).single();
  }

  String grid(long classId, String subject) {
    return "/schools/" + school + "/identification/classes/" + classId + "/scores?subject=" + subject
        + "&point=" + point;
  }

  String post(long classId) {
    return "/schools/" + school + "/identification/classes/" + classId + "/scores";
  }

  @Test
  void aTeacherEntersScoresForTheirClassOnlyAndTheSencoForAny() {
    long first = pupils.getFirst();
    insertScore(first, "reading", 97);

    PageSession.Page page = as("TEACHER", school).get(grid(teachersClass, "reading"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Reading scores")
        .contains("id=\"score-" + first + "\" name=\"score-" + first + "\" value=\"97\"");
    assertThat(hidden(page.body(), "seen-" + first)).isEqualTo("0");
    assertThat(as("TEACHER", school).get(grid(otherClass, "reading")).status()).isEqualTo(404);
    assertThat(as("TEACHER", school).post(post(otherClass), Map.of("subject", "reading",
        "point", String.valueOf(point))).status()).isEqualTo(404);
    assertThat(as("SENCO", school).get(grid(otherClass, "reading")).status()).isEqualTo(200);
    assertThat(as("GOVERNOR", school).get(grid(teachersClass, "reading")).status()).isEqualTo(403);
    assertThat(as("SENCO", accounts.schoolIds().get(1)).get(grid(teachersClass, "reading")).status())
        .isEqualTo(404);
  }

  @Test
  void everyTypedScoreIsCheckedAndNothingIsWrittenWhenOneIsWrong() {
    PageSession teacher = as("TEACHER", school);
    Map<String, String> form = formOf(teacher.get(grid(teachersClass, "maths")).body());
    form.put("score-" + pupils.get(0), "104");
    form.put("score-" + pupils.get(1), "two hundred");
    form.put("score-" + pupils.get(2), "200");

    PageSession.Page invalid = teacher.post(post(teachersClass), form);

    assertThat(invalid.status()).isEqualTo(200);
    assertThat(invalid.body()).contains("There is a problem")
        .contains("href=\"#score-" + pupils.get(1) + "\"").contains("href=\"#score-" + pupils.get(2) + "\"")
        .contains("id=\"score-" + pupils.get(1) + "-error\"")
        .contains("as a number from 55 to 145")
        .contains("value=\"104\"").contains("value=\"two hundred\"").contains("value=\"200\"");
    assertThat(invalid.body()).doesNotContain("id=\"score-" + pupils.get(0) + "-error\"");
    assertThat(scores("maths")).isEmpty();

    form.put("score-" + pupils.get(1), "88.5");
    form.put("score-" + pupils.get(2), "");
    PageSession.Page saved = teacher.post(post(teachersClass), form);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(scores("maths")).containsExactlyInAnyOrderEntriesOf(Map.of(pupils.get(0), 104.0, pupils.get(1), 88.5));
    assertThat(auditEntries()).isPositive();

    Map<String, String> again = formOf(teacher.get(java.net.URI.create(saved.location()).getRawPath() + "?"
        + java.net.URI.create(saved.location()).getRawQuery()).body());
    assertThat(again.get("score-" + pupils.get(1))).isEqualTo("88.5");
    again.put("score-" + pupils.get(0), "");
    again.put("score-" + pupils.get(1), "90");
    assertThat(teacher.post(post(teachersClass), again).status()).isEqualTo(302);
    assertThat(scores("maths")).containsExactlyEntriesOf(Map.of(pupils.get(1), 90.0));
  }

  @Test
  void aScoreChangedSinceTheGridWasShownStopsTheSaveAndKeepsWhatWasTyped() {
    PageSession teacher = as("TEACHER", school);
    PageSession senco = as("SENCO", school);
    Map<String, String> teachers = formOf(teacher.get(grid(teachersClass, "writing")).body());
    Map<String, String> sencos = formOf(senco.get(grid(teachersClass, "writing")).body());
    sencos.put("score-" + pupils.get(0), "111");
    assertThat(senco.post(post(teachersClass), sencos).status()).isEqualTo(302);

    teachers.put("score-" + pupils.get(0), "99");
    teachers.put("score-" + pupils.get(1), "101");
    PageSession.Page conflict = teacher.post(post(teachersClass), teachers);

    assertThat(conflict.status()).isEqualTo(200);
    assertThat(conflict.body()).contains(ConcurrentEdit.MESSAGE)
        .contains("Saved by someone else meanwhile: 111")
        .contains("value=\"99\"").contains("value=\"101\"");
    assertThat(scores("writing")).containsExactlyEntriesOf(Map.of(pupils.get(0), 111.0));

    Map<String, String> resubmitted = formOf(conflict.body());
    assertThat(teacher.post(post(teachersClass), resubmitted).status()).isEqualTo(302);
    assertThat(scores("writing")).containsExactlyInAnyOrderEntriesOf(Map.of(pupils.get(0), 99.0, pupils.get(1), 101.0));
  }

  @Test
  void aScaleOfStepsTakesOnlyItsSteps() {
    String code = "phonics" + point;
    jdbc.sql("""
            insert into assessment_subject (school_id, code, name, scale, scale_min, scale_max, position)
            values (?, ?, 'Phonics', 'STEPS', 1, 3, 99)""").params(school, code).update();
    long subject = jdbc.sql("select id from assessment_subject where school_id = ? and code = ?")
        .params(school, code).query(Long.class).single();
    String[][] steps = {{"Working towards", "1"}, {"Expected", "2"}, {"Greater depth", "3"}};
    for (String[] step : steps) {
      jdbc.sql("insert into assessment_step (subject_id, school_id, label, step_value) values (?, ?, ?, ?)")
          .params(subject, school, step[0], Double.parseDouble(step[1])).update();
    }
    PageSession teacher = as("TEACHER", school);
    Map<String, String> form = formOf(teacher.get(grid(teachersClass, code)).body());
    form.put("score-" + pupils.get(0), "expected");
    form.put("score-" + pupils.get(1), "Secure");

    PageSession.Page invalid = teacher.post(post(teachersClass), form);
    assertThat(invalid.status()).isEqualTo(200);
    assertThat(invalid.body()).contains("as one of Working towards, Expected, Greater depth")
        .contains("value=\"Secure\"");
    assertThat(scores(code)).isEmpty();

    form.put("score-" + pupils.get(1), "Greater depth");
    assertThat(teacher.post(post(teachersClass), form).status()).isEqualTo(302);
    assertThat(scores(code)).containsExactlyInAnyOrderEntriesOf(Map.of(pupils.get(0), 2.0, pupils.get(1), 3.0));
    assertThat(teacher.get(grid(teachersClass, code)).body()).contains("value=\"Greater depth\"");
  }

  @Test
  void theGridRunsTheSameFewStatementsForAnyClass() {
    PageSession senco = as("SENCO", school);
    List<Long> classes = jdbc.sql("""
            select c.id from school_class c where c.school_id = ?
            order by (select count(*) from pupil p where p.class_id = c.id), c.id""")
        .param(school).query(Long.class).list();

    int smallest = org.senda.test.SqlStatements.of(senco.get(grid(classes.getFirst(), "reading")));
    int largest = org.senda.test.SqlStatements.of(senco.get(grid(classes.getLast(), "reading")));

    org.senda.test.SqlStatements.assertBounded(16, smallest, largest);
  }

  @Test
  void theGridIsReachedFromTheIdentificationAndClassesPages() {
    PageSession teacher = as("TEACHER", school);
    assertThat(teacher.get("/schools/" + school + "/identification").body())
        .contains("href=\"/schools/" + school + "/identification/scores\"");
    String classes = teacher.get("/schools/" + school + "/classes").body();
    assertThat(classes).contains("href=\"/schools/" + school + "/identification/classes/" + teachersClass + "/scores\"")
        .doesNotContain("href=\"/schools/" + school + "/identification/classes/" + otherClass + "/scores\"");
    PageSession.Page chooser = teacher.get("/schools/" + school + "/identification/scores");
    assertThat(chooser.status()).isEqualTo(200);
    String classSelect = chooser.body().substring(chooser.body().indexOf("id=\"classId\""));
    classSelect = classSelect.substring(0, classSelect.indexOf("</select>"));
    assertThat(classSelect).contains("value=\"" + teachersClass + "\"").doesNotContain("value=\"" + otherClass + "\"");
    PageSession.Page chosen = teacher.get("/schools/" + school + "/identification/scores?classId=" + teachersClass
        + "&subject=reading&point=" + point);
    assertThat(chosen.status()).isEqualTo(302);
    assertThat(chosen.location()).endsWith(grid(teachersClass, "reading"));
  }

  void insertScore(long pupil, String subject, double score) {
    jdbc.sql("""
            insert into assessment_score (school_id, pupil_id, subject_id, point_id, score)
            values (?, ?, (select id from assessment_subject where school_id = ? and code = ?), ?, ?)""")
        .params(school, pupil, school, subject, point, score).update();
  }

  Map<Long, Double> scores(String subject) {
    Map<Long, Double> scores = new HashMap<>();
    jdbc.sql("""
            select s.pupil_id, s.score from assessment_score s join assessment_subject sub on sub.id = s.subject_id
            where s.point_id = ? and sub.code = ?""")
        .params(point, subject)
        .query(rs -> {
          scores.put(rs.getLong(1), rs.getDouble(2));
        });
    return scores;
  }

  int auditEntries() {
    return jdbc.sql("select count(*) from audit_entry where record_type = 'assessment-score' and action = 'UPDATE'")
        .query(Integer.class).single();
  }

  /** The grid's fields as the browser would send them: subject, point, every score and every seen version. */
  static Map<String, String> formOf(String body) {
    Map<String, String> form = new HashMap<>();
    Matcher inputs = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(body);
    while (inputs.find()) {
      String name = inputs.group(1);
      if (name.equals("subject") || name.equals("point") || name.startsWith("score-") || name.startsWith("seen-")) {
        form.put(name, inputs.group(2).replace("&amp;", "&"));
      }
    }
    return form;
  }

  static String hidden(String body, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(body);
    assertThat(m.find()).as(name).isTrue();
    return m.group(1);
  }
}
