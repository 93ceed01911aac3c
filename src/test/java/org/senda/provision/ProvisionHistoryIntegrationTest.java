package org.senda.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.senda.test.SqlStatements;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SendaTest
class ProvisionHistoryIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  private Api api(DemoAccounts.Account account) {
    return new Api(port, account.apiToken());
  }

  /** A pupil of the school who is in no provision group yet, with a teacher who teaches them. */
  private long freshPupilTaughtBy(DemoAccounts.Account teacher) {
    return jdbc.sql("""
            select min(p.id) from pupil p
            join class_staff cs on cs.class_id = p.class_id join account a on a.staff_id = cs.staff_id
            where lower(a.email) = lower(?) and p.school_id = ?
              and not exists (select 1 from provision_group_pupil gp where gp.pupil_id = p.id)""")
        .params(teacher.email(), teacher.schoolId()).query(Long.class).single();
  }

  private long otherPupil(long school, long not) {
    return jdbc.sql("""
            select min(p.id) from pupil p where p.school_id = ? and p.id <> ?
              and not exists (select 1 from provision_group_pupil gp where gp.pupil_id = p.id)""")
        .params(school, not).query(Long.class).single();
  }

  private long staffWithRole(long schoolId, String role) {
    return jdbc.sql("select min(staff_id) from staff_role where school_id = ? and role = ?")
        .params(schoolId, role).query(Long.class).single();
  }

  private long interventionNamed(long school, DemoAccounts.Account senco, String name) {
    JsonNode catalogue = api(senco).get("/api/v1/schools/" + school + "/interventions").json();
    for (JsonNode i : catalogue) {
      if (i.get("name").asString().equals(name)) {
        return i.get("id").asLong();
      }
    }
    throw new AssertionError(name + " is not in the catalogue");
  }

  private long group(DemoAccounts.Account senco, long school, long intervention, long staff, List<Long> pupils,
      LocalDate start, LocalDate end) {
    Api.Response created = api(senco).postJson("/api/v1/schools/" + school + "/provision-groups", """
        {"interventionId":%d,"staff":[{"staffId":%d}],"pupilIds":%s,"sessionsPerWeek":3,"minutesPerSession":20,
         "startDate":"%s","endDate":"%s"}""".formatted(intervention, staff, pupils, start, end));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private void session(DemoAccounts.Account senco, long group, LocalDate date, List<Long> attended,
      List<Long> absent) {
    List<String> rows = new ArrayList<>();
    attended.forEach(p -> rows.add("{\"pupilId\":" + p + ",\"attended\":true}"));
    absent.forEach(p -> rows.add("{\"pupilId\":" + p + ",\"attended\":false}"));
    Api.Response response = api(senco).postJson("/api/v1/provision-groups/" + group + "/sessions",
        "{\"date\":\"" + date + "\",\"delivered\":true,\"attendance\":[" + String.join(",", rows) + "]}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  @Test
  void aPupilsHistoryListsEveryGroupWithAttendanceAndCostShareForThoseWhoMayKnow() {
    long school = accounts.schoolIds().getFirst();
    DemoAccounts.Account senco = accounts.get("SENCO", school);
    DemoAccounts.Account teacher = accounts.get("TEACHER", school);
    long pupil = freshPupilTaughtBy(teacher);
    long classmate = otherPupil(school, pupil);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    LocalDate today = LocalDate.now(clock);
    String path = "/api/v1/pupils/" + pupil + "/provision-history";

    long toeByToe = group(senco, school, interventionNamed(school, senco, "Toe by Toe"), ta, List.of(pupil),
        today.minusDays(100), today.minusDays(40));
    session(senco, toeByToe, today.minusDays(99), List.of(pupil), List.of());
    session(senco, toeByToe, today.minusDays(98), List.of(), List.of(pupil));
    // Warm-up: a token's first use in a minute also records when it was last used.
    api(teacher).get(path);
    Api.Response one = api(teacher).get(path);
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    int statementsForOne = SqlStatements.of(one);

    long fineMotor = group(senco, school, interventionNamed(school, senco, "Fine motor skills group"), ta,
        List.of(pupil, classmate), today.minusDays(30), today.plusDays(30));
    session(senco, fineMotor, today.minusDays(29), List.of(pupil, classmate), List.of());
    Api.Response two = api(teacher).get(path);
    assertThat(two.status()).isEqualTo(200);
    assertThat(SqlStatements.of(two)).as("statements do not grow with the groups").isEqualTo(statementsForOne);

    JsonNode history = two.json();
    JsonNode provision = history.get("provision");
    assertThat(provision).hasSize(2);
    JsonNode latest = provision.get(0);
    assertThat(latest.get("intervention").asString()).isEqualTo("Fine motor skills group");
    assertThat(latest.get("pupilsInGroup").asInt()).isEqualTo(2);
    assertThat(latest.get("sessionsDelivered").asInt()).isEqualTo(1);
    assertThat(latest.get("sessionsAttended").asInt()).isEqualTo(1);
    assertThat(latest.get("staff").get(0).get("role").asString()).isEqualTo("TEACHING_ASSISTANT");
    // 20 minutes at £15.50 = £5.17, + £60.00 resources = £65.17, shared by two pupils: £32.59 (half up).
    assertThat(two.body()).contains("\"groupCost\":65.17", "\"costShare\":32.59");
    JsonNode earlier = provision.get(1);
    assertThat(earlier.get("intervention").asString()).isEqualTo("Toe by Toe");
    assertThat(earlier.get("sessionsDelivered").asInt()).isEqualTo(2);
    assertThat(earlier.get("sessionsAttended").asInt()).isEqualTo(1);
    // One to one: 2 x 20 minutes at £15.50 = £10.33, + £29.95 = £40.28, all of it the pupil's.
    assertThat(two.body()).contains("\"groupCost\":40.28", "\"costShare\":40.28", "\"totalCost\":72.87");

    assertThat(api(senco).get(path).status()).isEqualTo(200);
    DemoAccounts.Account otherTeacher = accounts.get("TEACHER", school);
    long notTaught = jdbc.sql("""
            select min(p.id) from pupil p where p.school_id = ?
              and not exists (select 1 from class_staff cs join account a on a.staff_id = cs.staff_id
                              where cs.class_id = p.class_id and lower(a.email) = lower(?))
              and not exists (select 1 from pupil_support_staff s join account a on a.staff_id = s.staff_id
                              where s.pupil_id = p.id and lower(a.email) = lower(?))""")
        .params(school, otherTeacher.email(), otherTeacher.email()).query(Long.class).single();
    assertThat(api(otherTeacher).get("/api/v1/pupils/" + notTaught + "/provision-history").status())
        .as("a teacher who does not teach the pupil").isEqualTo(404);
    assertThat(api(accounts.get("GOVERNOR", school)).get(path).status()).isEqualTo(404);
    assertThat(api(accounts.get("SENCO", accounts.schoolIds().get(1))).get(path).status()).isEqualTo(404);
    assertThat(new Api(port, null).get(path).status()).isEqualTo(401);
  }

  @Test
  void theProvisionMapShowsATermsGroupsPupilsStaffAndCost() {
    long school = accounts.schoolIds().get(2);
    DemoAccounts.Account senco = accounts.get("SENCO", school);
    LocalDate today = LocalDate.now(clock);
    JsonNode term = jdbc.sql("select id, starts_on, ends_on from term where school_id = ? and starts_on <= ? "
            + "and ends_on >= ?").params(school, today, today)
        .query((rs, n) -> tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
            .put("id", rs.getLong(1)).put("start", rs.getObject(2, LocalDate.class).toString()))
        .optional().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(term != null, "today is in a term of the demo calendar");
    long termId = term.get("id").asLong();
    LocalDate termStart = LocalDate.parse(term.get("start").asString());
    long pupil = otherPupil(school, 0);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    String path = "/api/v1/schools/" + school + "/provision-map";

    api(senco).get(path + "?term=" + termId);
    Api.Response before = api(senco).get(path + "?term=" + termId);
    assertThat(before.status()).as(before.body()).isEqualTo(200);
    int statements = SqlStatements.of(before);
    int groupsBefore = before.json().get("groups").size();

    long nurture = group(senco, school, interventionNamed(school, senco, "Nurture group"), ta, List.of(pupil),
        termStart, today.plusDays(60));
    session(senco, nurture, today.isAfter(termStart) ? today.minusDays(1).isBefore(termStart) ? termStart
        : today.minusDays(1) : termStart, List.of(pupil), List.of());
    Api.Response after = api(senco).get(path + "?term=" + termId);
    assertThat(after.status()).isEqualTo(200);
    assertThat(SqlStatements.of(after)).isEqualTo(statements);
    JsonNode map = after.json();
    assertThat(map.get("groups")).hasSize(groupsBefore + 1);
    JsonNode entry = null;
    for (JsonNode g : map.get("groups")) {
      if (g.get("groupId").asLong() == nurture) {
        entry = g;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.get("pupils").get(0).get("pupilId").asLong()).isEqualTo(pupil);
    assertThat(entry.get("staff").get(0).get("staffId").asLong()).isEqualTo(ta);
    assertThat(entry.get("sessionsDeliveredInTerm").asInt()).isEqualTo(1);
    // 20 minutes at £15.50 = £5.17, + £600.00 resources (the group started this term).
    assertThat(after.body()).contains("\"costInTerm\":605.17");
    assertThat(api(senco).get(path).status()).as("the current term by default").isEqualTo(200);
    assertThat(api(senco).get(path + "?term=999999999").status()).isEqualTo(422);

    assertThat(api(accounts.get("TEACHER", school)).get(path).status()).isEqualTo(403);
    assertThat(api(accounts.get("GOVERNOR", school)).get(path).status()).isEqualTo(403);
    assertThat(api(accounts.get("SENCO", accounts.schoolIds().getFirst())).get(path).status()).isEqualTo(404);
    assertThat(new Api(port, null).get(path).status()).isEqualTo(401);
  }
}
