package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.web.ConcurrentEdit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SENCO's subjects and scales: validation, the school's own steps, deactivation and concurrent edits. */
@SendaTest
class SubjectSetupIntegrationTest {

  static final SignedInSessions SESSIONS = new SignedInSessions();
  static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 10_000));

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  PageSession as(String role, long schoolId) {
    return SESSIONS.of(port, accounts.get(role, schoolId));
  }

  long school() {
    return accounts.schoolIds().get(1);
  }

  String base() {
    return "/schools/" + school() + "/identification/subjects";
  }

  Map<String, String> steps(String code, String steps) {
    return new HashMap<>(Map.of("code", code, "name", "Phonics", "scale", "STEPS", "scaleMin", "", "scaleMax", "",
        "steps", steps, "active", "true", "version", "0"));
  }

  long create(String code, String steps) {
    assertThat(as("SENCO", school()).post(base() + "/new", steps(code, steps)).status()).isEqualTo(302);
    return jdbc.sql("select id from assessment_subject where school_id = ? and code = ?")
        .params(school(), code).query(Long.class).single();
  }

  @Test
  void onlyTheSencoOfTheSchoolConfiguresSubjects() {
    assertThat(as("SENCO", school()).get(base()).status()).isEqualTo(200);
    assertThat(as("SENCO", school()).get(base()).body()).contains("Reading").contains("55 to 145");
    assertThat(as("TEACHER", school()).get(base()).status()).isEqualTo(403);
    assertThat(as("TEACHER", school()).post(base() + "/new", steps("x" + NEXT.incrementAndGet(), "A\nB")).status())
        .isEqualTo(403);
    assertThat(as("SENCO", accounts.schoolIds().getFirst()).get(base()).status()).isEqualTo(404);
  }

  @Test
  void aSubjectIsAddedOnlyWhenItsScaleMakesSense() {
    String code = "phonics-" + NEXT.incrementAndGet();
    PageSession senco = as("SENCO", school());

    PageSession.Page oneStep = senco.post(base() + "/new", steps(code, "Expected"));
    assertThat(oneStep.status()).isEqualTo(200);
    assertThat(oneStep.body()).contains("Enter at least 2 steps");
    PageSession.Page outOfOrder = senco.post(base() + "/new", steps(code, "Working towards = 2\nExpected = 1"));
    assertThat(outOfOrder.body()).contains("higher than the step before").contains("Working towards = 2");
    Map<String, String> numbers = steps(code, "");
    numbers.putAll(Map.of("scale", "SCALED", "scaleMin", "120", "scaleMax", "eighty"));
    assertThat(senco.post(base() + "/new", numbers).body()).contains("Enter the highest score as a number");
    PageSession.Page duplicate = senco.post(base() + "/new", steps("reading", "A\nB"));
    assertThat(duplicate.body()).contains("already has a subject with the code reading");
    assertThat(count(code)).isZero();

    long id = create(code, "Working towards\nExpected\nGreater depth");

    assertThat(steps(id)).containsExactly("Working towards=1.0", "Expected=2.0", "Greater depth=3.0");
  }

  @Test
  void stepsAreRenamedAddedAndReorderedAndASubjectCanBeStopped() {
    String code = "spelling-" + NEXT.incrementAndGet();
    long id = create(code, "Emerging\nExpected");
    PageSession senco = as("SENCO", school());
    Map<String, String> form = steps(code, "Beginning = 1\nDeveloping = 1.5\nExpected = 2");
    form.put("version", "0");
    assertThat(senco.post(base() + "/" + id, form).status()).isEqualTo(302);
    assertThat(steps(id)).containsExactly("Beginning=1.0", "Developing=1.5", "Expected=2.0");

    assertThat(senco.get("/schools/" + school() + "/identification").body()).contains("value=\"" + code + "\"");
    form.put("version", "1");
    form.put("active", "false");
    assertThat(senco.post(base() + "/" + id, form).status()).isEqualTo(302);
    assertThat(senco.get("/schools/" + school() + "/identification").body()).doesNotContain("value=\"" + code + "\"");
    assertThat(senco.get(base()).body()).contains("Not used");
  }

  @Test
  void twoSencosChangingASubjectAtOnceDoNotOverwriteEachOther() {
    String code = "science-" + NEXT.incrementAndGet();
    long id = create(code, "Low\nHigh");
    PageSession senco = as("SENCO", school());
    Map<String, String> first = steps(code, "Low\nMiddle\nHigh");
    Map<String, String> second = steps(code, "Lower\nHigher");
    second.put("name", "Science steps");

    assertThat(senco.post(base() + "/" + id, first).status()).isEqualTo(302);
    PageSession.Page conflict = senco.post(base() + "/" + id, second);

    assertThat(conflict.status()).isEqualTo(200);
    assertThat(conflict.body()).contains(ConcurrentEdit.MESSAGE).contains("value=\"Science steps\"")
        .contains("Lower\nHigher").contains("The latest saved version");
    assertThat(steps(id)).containsExactly("Low=1.0", "Middle=2.0", "High=3.0");
  }

  int count(String code) {
    return jdbc.sql("select count(*) from assessment_subject where code = ?").param(code).query(Integer.class).single();
  }

  List<String> steps(long subjectId) {
    return jdbc.sql("select label, step_value from assessment_step where subject_id = ? order by step_value")
        .param(subjectId)
        .query((rs, n) -> rs.getString(1) + "=" + rs.getDouble(2))
        .list();
  }
}
