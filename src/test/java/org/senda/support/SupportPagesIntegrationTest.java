package org.senda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SendaTest
class SupportPagesIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  private String plan(LocalDate today, String strategy) {
    return """
        {"outcomes":[{"description":"Reads the first 100 words","measure":"Words read from the list",
        "baseline":"22 of 100","target":"60 of 100","targetDate":"%s","strategies":["%s","Give extra time",
        "Seat near the front","Check understanding"]}],"wave":2,"reviewDate":"%s","status":"ACTIVE",
        "needs":[{"area":"COGNITION_AND_LEARNING","description":"Slow to decode new words"}]}"""
        .formatted(today.plusMonths(3), strategy, today.plusMonths(2));
  }

  @Test
  void theClassPageRunsAFixedNumberOfStatementsWhateverTheNumberOfPupils() {
    long school = accounts.schoolIds().getFirst();
    DemoAccounts.Account teacher = accounts.get("TEACHER", school);
    Api senco = new Api(port, accounts.get("SENCO", school).apiToken());
    long classId = jdbc.sql("""
            select min(cs.class_id) from class_staff cs join account a on a.staff_id = cs.staff_id
            where lower(a.email) = lower(?)""").param(teacher.email()).query(Long.class).single();
    List<Long> pupils = jdbc.sql("select id from pupil where class_id = ? order by id").param(classId)
        .query(Long.class).list();
    assertThat(pupils.size()).isGreaterThan(6);
    // The class's two lowest-numbered pupils are left without a plan for the meeting tests, which take them.
    pupils = pupils.subList(2, pupils.size());
    LocalDate today = LocalDate.now(clock);
    PageSession session = SESSIONS.of(port, teacher);
    String path = "/schools/" + school + "/classes/" + classId + "/send";

    Map<Integer, Integer> statements = new HashMap<>();
    for (int i = 0; i < pupils.size(); i++) {
      assertThat(senco.postJson("/api/v1/pupils/" + pupils.get(i) + "/support-plans",
          plan(today, "Strategy for pupil " + pupils.get(i))).status()).isEqualTo(201);
      senco.put("/api/v1/pupils/" + pupils.get(i) + "/passport",
          "{\"howBestToSupportMe\":\"Tell me what comes next, pupil " + pupils.get(i) + "\"}");
      if (i == 1 || i == pupils.size() - 1) {
        PageSession.Page page = session.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Strategy for pupil " + pupils.get(i), "Slow to decode new words",
            "Tell me what comes next, pupil " + pupils.get(i));
        statements.put(i + 1, org.senda.test.SqlStatements.of(page));
      }
    }
    System.out.println("Class page SQL statements by pupils with SEND: " + statements);
    // At most ten whatever the class size: reading the session and the person's schools, their grants and classes,
    // the page's own read (one statement), the audit entry (three) and saving the session (two).
    org.senda.test.SqlStatements.assertBounded(10, statements.values().stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void theClassPageIsForThoseWhoTeachTheClassOrSeeTheSchool() {
    long school = accounts.schoolIds().getFirst();
    DemoAccounts.Account teacher = accounts.get("TEACHER", school);
    long otherClass = jdbc.sql("""
            select min(c.id) from school_class c where c.school_id = ? and not exists (
              select 1 from class_staff cs join account a on a.staff_id = cs.staff_id
              where cs.class_id = c.id and lower(a.email) = lower(?))""")
        .params(school, teacher.email()).query(Long.class).single();
    String path = "/schools/" + school + "/classes/" + otherClass + "/send";
    assertThat(SESSIONS.of(port, teacher).get(path).status()).isEqualTo(404);
    assertThat(SESSIONS.of(port, accounts.get("SENCO", accounts.schoolIds().get(1))).get(path).status())
        .isEqualTo(404);
    assertThat(SESSIONS.of(port, accounts.get("SENCO", school)).get(path).status()).isEqualTo(200);
  }

  @Test
  void aPlanIsWrittenOnThePagesWithChecksAndGovukErrorsKeepingWhatWasTyped() {
    long school = accounts.schoolIds().getFirst();
    DemoAccounts.Account teacher = accounts.get("TEACHER", school);
    long pupil = SupportFixtures.pupilNotTaughtBy(jdbc, teacher);
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", school));
    String base = "/schools/" + school;

    PageSession.Page form = senco.get(base + "/pupils/" + pupil + "/support-plans/new");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("SMART check", "Plain language", "Add at least one outcome");

    int before = SupportFixtures.count(jdbc, "support_plan");
    Map<String, String> typed = new HashMap<>(Map.of(
        "strengths", "Kind and funny. Has SLCN.",
        "outcomes[0].description", "Improve his reading",
        "outcomes[0].baseline", "22 of 100",
        "wave", "2",
        "reviewDate.day", "", "reviewDate.month", "", "reviewDate.year", "",
        "status", "ACTIVE"));
    PageSession.Page refused = senco.post(base + "/pupils/" + pupil + "/support-plans", typed);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("There is a problem", "Enter how you will measure success",
        "Enter a review date", "Improve his reading", "speech, language and communication needs");
    assertThat(SupportFixtures.count(jdbc, "support_plan")).isEqualTo(before);

    PageSession.Page check = senco.post(base + "/support-plans/check", typed);
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.body()).contains("Enter how you will measure success", "is hard to measure")
        .doesNotContain("<html");

    typed.put("status", "DRAFT");
    PageSession.Page saved = senco.post(base + "/pupils/" + pupil + "/support-plans", typed);
    assertThat(saved.status()).isEqualTo(302);
    String planPath = saved.location().replaceFirst("^https?://[^/]+", "");
    PageSession.Page view = senco.get(planPath);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body()).contains("Improve his reading", "Draft");
    assertThat(senco.get(planPath + "/edit").status()).isEqualTo(200);
    assertThat(senco.get(planPath + "/review").status()).isEqualTo(200);
    assertThat(SESSIONS.of(port, teacher).get(planPath).status()).as("not the teacher's pupil")
        .isEqualTo(404);
  }

  @Test
  void twoPeopleEditingThePlanTheSecondSaveIsRefusedAndNothingIsLost() {
    long school = accounts.schoolIds().getFirst();
    long pupil = jdbc.sql("select max(id) from pupil where school_id = ?").param(school).query(Long.class).single();
    Api api = new Api(port, accounts.get("SENCO", school).apiToken());
    long id = api.postJson("/api/v1/pupils/" + pupil + "/support-plans",
        "{\"outcomes\":[{\"description\":\"Settles at the start of the day\"}],\"status\":\"DRAFT\"}")
        .json().get("id").asLong();
    PageSession first = SESSIONS.of(port, accounts.get("SENCO", school));
    PageSession second = SESSIONS.of(port, accounts.get("HEADTEACHER", school));
    String path = "/schools/" + school + "/support-plans/" + id;
    String version = api.get("/api/v1/support-plans/" + id).json().get("version").asString();
    first.get(path + "/edit");
    second.get(path + "/edit");
    assertThat(first.post(path, Map.of("version", version, "status", "DRAFT", "wave", "3",
        "outcomes[0].description", "Settles calmly within five minutes")).status()).isEqualTo(302);
    PageSession.Page refused = second.post(path, Map.of("version", version, "status", "DRAFT", "wave", "1",
        "outcomes[0].description", "Joins the line without help"));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("Someone else changed this record while you were editing it",
        "Joins the line without help");
    assertThat(api.get("/api/v1/support-plans/" + id).json().get("outcomes").get(0).get("description").asString())
        .isEqualTo("Settles calmly within five minutes");
  }

  @Test
  void thePassportPagesShowTheCurrentVersionAndThePlainLanguageCheck() {
    long school = accounts.schoolIds().getFirst();
    DemoAccounts.Account teacher = accounts.get("TEACHER", school);
    long pupil = SupportFixtures.pupilTaughtBy(jdbc, teacher);
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", school));
    String path = "/schools/" + school + "/pupils/" + pupil + "/passport";
    assertThat(senco.get(path + "/edit").status()).isEqualTo(200);
    PageSession.Page saved = senco.post(path, Map.of("version", String.valueOf(
            jdbc.sql("select coalesce(max(number), 0) from pupil_passport where pupil_id = ?").param(pupil)
                .query(Integer.class).single()),
        "howBestToSupportMe", "Give me a fiddle toy and tell me what is next",
        "pupilContributedOn.day", "20", "pupilContributedOn.month", "11", "pupilContributedOn.year", "2026"));
    assertThat(saved.status()).isEqualTo(302);
    PageSession.Page view = SESSIONS.of(port, teacher).get(path);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body()).contains("Give me a fiddle toy", "last contributed on 20 November 2026");
    PageSession.Page check = senco.post(path + "/check", Map.of("findHard", "Phonological awareness"));
    assertThat(check.body()).contains("hearing the sounds in words");
  }
}
