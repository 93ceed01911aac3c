package org.senda.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.test.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SendaTest
class RegisterIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  long school(int index) {
    return accounts.schoolIds().get(index);
  }

  Api api(String role, Long schoolId) {
    return new Api(port, accounts.get(role, schoolId).apiToken());
  }

  PageSession page(String role, Long schoolId) {
    return SESSIONS.of(port, accounts.get(role, schoolId));
  }

  long unitHost() {
    return jdbc.sql("select min(host_school_id) from dual_registration").query(Long.class).single();
  }

  @Test
  void sencoListsTheSchoolsPupilsWithStatusNeedsAndFlags() {
    long schoolId = school(1);
    Api.Response response = api("SENCO", schoolId).get("/api/v1/schools/" + schoolId + "/pupils?size=200");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    long onRoll = jdbc.sql("select count(*) from pupil where school_id = ? and leaving_date is null")
        .param(schoolId).query(Long.class).single();
    assertThat(body.get("total").asLong()).isEqualTo(onRoll);
    JsonNode first = body.get("items").get(0);
    for (String field : List.of("id", "upn", "name", "yearGroup", "sendStatus", "needs", "flags")) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    assertThat(first.get("needs").isArray()).isTrue();
    assertThat(first.get("flags").isArray()).isTrue();
    assertThat(body.get("items").size()).isEqualTo((int) Math.min(200, onRoll));
  }

  @Test
  void theListFiltersByStatusAndPages() {
    long schoolId = school(1);
    Api senco = api("SENCO", schoolId);
    JsonNode ehcp = senco.get("/api/v1/schools/" + schoolId + "/pupils?status=E&size=500").json();

    long expected = jdbc.sql("select count(*) from register_entry re join pupil p on p.id = re.pupil_id"
        + " where p.school_id = ? and re.status = 'E' and p.leaving_date is null").param(schoolId)
        .query(Long.class).single();
    assertThat(ehcp.get("total").asLong()).isEqualTo(expected).isPositive();
    ehcp.get("items").forEach(item -> {
      assertThat(item.get("sendStatus").asString()).isEqualTo("E");
      assertThat(item.get("needs").size()).isBetween(1, 2);
    });
    JsonNode page2 = senco.get("/api/v1/schools/" + schoolId + "/pupils?size=10&page=2").json();
    JsonNode page1 = senco.get("/api/v1/schools/" + schoolId + "/pupils?size=10&page=1").json();
    assertThat(page2.get("items").size()).isEqualTo(10);
    assertThat(page2.get("items").get(0).get("id").asLong()).isNotEqualTo(page1.get("items").get(0).get("id").asLong());
  }

  @Test
  void aTeacherSeesOnlyThePupilsOfTheirClasses() {
    long schoolId = school(1);
    DemoAccounts.Account teacher = accounts.get("TEACHER", schoolId);
    Set<Long> classes = new HashSet<>(jdbc.sql("select cs.class_id from class_staff cs join staff s on s.id = cs.staff_id"
        + " where lower(s.email) = ?").param(teacher.email()).query(Long.class).list());
    JsonNode list = new Api(port, teacher.apiToken()).get("/api/v1/schools/" + schoolId + "/pupils?size=200").json();
    long all = api("SENCO", schoolId).get("/api/v1/schools/" + schoolId + "/pupils?size=1").json()
        .get("total").asLong();

    assertThat(list.get("total").asLong()).isPositive().isLessThan(all);
    list.get("items").forEach(item -> {
      Long classId = jdbc.sql("select class_id from pupil where id = ?").param(item.get("id").asLong())
          .query(Long.class).optional().orElse(null);
      boolean assigned = jdbc.sql("select count(*) from pupil_support_staff pss join staff s on s.id = pss.staff_id"
          + " where pss.pupil_id = ? and lower(s.email) = ?").params(item.get("id").asLong(), teacher.email())
          .query(Long.class).single() > 0;
      assertThat(classes.contains(classId) || assigned).as("pupil %s", item.get("id")).isTrue();
    });
  }

  @Test
  void governorsSeeCountsButNoNames() {
    long schoolId = school(0);
    Api governor = api("GOVERNOR", schoolId);

    assertThat(governor.get("/api/v1/schools/" + schoolId + "/pupils").status()).isEqualTo(403);
    Api.Response summary = governor.get("/api/v1/schools/" + schoolId + "/register/summary");
    assertThat(summary.status()).isEqualTo(200);
    JsonNode body = summary.json();
    long k = jdbc.sql("select count(*) from register_entry re join pupil p on p.id = re.pupil_id"
        + " where p.school_id = ? and re.status = 'K' and p.leaving_date is null").param(schoolId)
        .query(Long.class).single();
    assertThat(body.get("byStatus").get("K").asLong()).isEqualTo(k);
    assertThat(body.get("byNeed").properties()).isNotEmpty();

    PageSession.Page page = page("GOVERNOR", schoolId).get("/schools/" + schoolId + "/register");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("SEND register summary").doesNotContain("register-table");
    String someName = jdbc.sql("select legal_surname from pupil where school_id = ? order by id limit 1")
        .param(schoolId).query(String.class).single();
    assertThat(page.body()).doesNotContain(someName);
    assertThat(page("GOVERNOR", schoolId).get("/schools/" + schoolId + "/register/export.csv").status())
        .isEqualTo(403);
  }

  @Test
  void refusalsOtherSchoolNoTokenAndWrongRole() {
    long mine = school(0);
    long other = school(1);
    assertThat(api("SENCO", mine).get("/api/v1/schools/" + other + "/pupils").status()).isEqualTo(404);
    assertThat(api("SENCO", mine).get("/api/v1/schools/" + other + "/register/summary").status()).isEqualTo(404);
    assertThat(new Api(port, null).get("/api/v1/schools/" + mine + "/pupils").status()).isEqualTo(401);
    assertThat(new Api(port, null).get("/api/v1/schools/" + mine + "/register/summary").status()).isEqualTo(401);
    assertThat(api("TEACHER", mine).get("/api/v1/schools/" + mine + "/register/summary").status()).isEqualTo(403);
    assertThat(page("SENCO", mine).get("/schools/" + other + "/register").status()).isEqualTo(404);
    assertThat(page("SENCO", mine).get("/schools/" + other + "/register/export.csv").status()).isEqualTo(404);
  }

  @Test
  void recordingAChangeAddsToTheHistory() {
    long schoolId = school(2);
    long pupilId = pupilOffTheRegister(schoolId);
    Api senco = api("SENCO", schoolId);

    Api.Response created = senco.postJson("/api/v1/pupils/" + pupilId + "/send-status",
        "{\"status\":\"K\",\"needs\":[{\"code\":\"SLCN\",\"rank\":1},{\"code\":\"ASD\",\"rank\":2}],"
            + "\"reason\":\"Speech and language therapist's assessment\"}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("K");
    assertThat(created.json().get("needs").get(0).asString()).isEqualTo("SLCN");
    Api.Response history = senco.get("/api/v1/pupils/" + pupilId + "/send-status/history");
    assertThat(history.status()).isEqualTo(200);
    JsonNode latest = history.json().get(0);
    assertThat(latest.get("status").asString()).isEqualTo("K");
    assertThat(latest.get("reason").asString()).isEqualTo("Speech and language therapist's assessment");
    assertThat(latest.get("changedBy").asString()).isNotBlank();
    assertThat(latest.get("changedAt").asString()).isNotBlank();
    assertThat(latest.get("effectiveDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(latest.get("needs").toString()).isEqualTo("[\"SLCN\",\"ASD\"]");
    JsonNode listed = senco.get("/api/v1/schools/" + schoolId + "/pupils?status=K&size=200").json();
    assertThat(listed.get("items").valueStream().anyMatch(i -> i.get("id").asLong() == pupilId)).isTrue();
  }

  @Test
  void anInvalidChangeNamesEachFieldAndWritesNothing() {
    long schoolId = school(2);
    long pupilId = pupilOffTheRegister(schoolId);
    long before = historyRows(pupilId);
    Api senco = api("SENCO", schoolId);

    Api.Response response = senco.postJson("/api/v1/pupils/" + pupilId + "/send-status",
        "{\"status\":\"E\",\"needs\":[{\"code\":\"XYZ\",\"rank\":1},{\"code\":\"NSA\",\"rank\":1}],\"reason\":\"\"}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.contentType()).startsWith("application/problem+json");
    Map<String, String> errors = new java.util.HashMap<>();
    response.json().get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
    assertThat(errors.get("needs[0].code")).contains("XYZ");
    assertThat(errors.get("needs[1].code")).contains("NSA");
    assertThat(errors.get("needs[1].rank")).contains("only one primary need");
    assertThat(errors.get("reason")).isEqualTo("Enter the reason for the change");
    assertThat(historyRows(pupilId)).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from register_entry where pupil_id = ?").param(pupilId)
        .query(Long.class).single()).isZero();
  }

  @Test
  void onlyStaffWhoManageSendMayChangeIt() {
    long schoolId = school(1);
    DemoAccounts.Account teacher = accounts.get("TEACHER", schoolId);
    long taught = new Api(port, teacher.apiToken()).get("/api/v1/schools/" + schoolId + "/pupils?size=1").json()
        .get("items").get(0).get("id").asLong();
    String body = "{\"status\":\"K\",\"needs\":[{\"code\":\"SLCN\",\"rank\":1}],\"reason\":\"Concern\"}";

    assertThat(new Api(port, teacher.apiToken()).postJson("/api/v1/pupils/" + taught + "/send-status", body)
        .status()).isEqualTo(403);
    assertThat(api("GOVERNOR", schoolId).postJson("/api/v1/pupils/" + taught + "/send-status", body).status())
        .isEqualTo(404);
    assertThat(api("SENCO", school(0)).postJson("/api/v1/pupils/" + taught + "/send-status", body).status())
        .isEqualTo(404);
    assertThat(new Api(port, null).postJson("/api/v1/pupils/" + taught + "/send-status", body).status())
        .isEqualTo(401);
  }

  @Test
  void theRegisterPageListsPupilsWithinNeedToKnowAndIsAudited() {
    long schoolId = school(1);
    PageSession.Page senco = page("SENCO", schoolId).get("/schools/" + schoolId + "/register?status=E");
    assertThat(senco.status()).isEqualTo(200);
    String ehcpPupil = jdbc.sql("select p.legal_surname from pupil p join register_entry re on re.pupil_id = p.id"
        + " where p.school_id = ? and re.status = 'E' order by p.legal_surname, p.legal_forename, p.id limit 1")
        .param(schoolId).query(String.class).single();
    assertThat(senco.body()).contains("register-table").contains(ehcpPupil).contains("E - EHC plan");
    assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'register' and school_id = ?"
        + " and detail like '%status=E%'").param(schoolId).query(Long.class).single()).isPositive();

    PageSession.Page teacher = page("TEACHER", schoolId).get("/schools/" + schoolId + "/register?status=all");
    assertThat(teacher.status()).isEqualTo(200);
    DemoAccounts.Account account = accounts.get("TEACHER", schoolId);
    String notTaught = jdbc.sql("""
        select p.upn from pupil p where p.school_id = ? and (p.class_id is null or p.class_id not in
          (select cs.class_id from class_staff cs join staff s on s.id = cs.staff_id where lower(s.email) = ?))
          and p.id not in (select pss.pupil_id from pupil_support_staff pss join staff s on s.id = pss.staff_id
          where lower(s.email) = ?) order by p.id limit 1""")
        .params(schoolId, account.email(), account.email()).query(String.class).single();
    assertThat(teacher.body()).doesNotContain(notTaught);
  }

  @Test
  void exportsAreAuditedWithTheFilter() {
    long schoolId = school(1);
    PageSession.Page csv = page("SENCO", schoolId).get("/schools/" + schoolId + "/register/export.csv?status=K&need=SLCN");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("UPN,Name,Year group");
    csv.body().lines().skip(1).forEach(line -> assertThat(line).contains(",K,").contains("SLCN"));
    assertThat(jdbc.sql("select count(*) from audit_entry where action = 'EXPORT' and record_type = 'register'"
        + " and detail like '%need=SLCN%' and detail like 'csv%'").query(Long.class).single()).isPositive();
    PageSession.Page xlsx = page("SENCO", schoolId).get("/schools/" + schoolId + "/register/export.xlsx");
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from audit_entry where action = 'EXPORT' and detail like 'xlsx%'")
        .query(Long.class).single()).isPositive();
  }

  @Test
  void theCensusViewShowsTheNextCensusDay() {
    long schoolId = school(1);
    PageSession.Page census = page("SENCO", schoolId).get("/schools/" + schoolId + "/register/census");
    assertThat(census.status()).isEqualTo(200);
    assertThat(census.body()).contains("census-table").contains("The next census day is the");
  }

  @Test
  void theTrustViewShowsCountsPerSchoolWithoutNames() {
    PageSession lead = page("TRUST_SEND_LEAD", null);
    PageSession.Page trust = lead.get("/trust/register");
    assertThat(trust.status()).isEqualTo(200);
    for (long schoolId : accounts.schoolIds()) {
      String name = accounts.get("SENCO", schoolId).school();
      assertThat(trust.body()).contains(name);
    }
    assertThat(trust.body()).contains("%").doesNotContain("/register/pupils/");
    String anyName = jdbc.sql("select legal_surname || ', ' from pupil order by id limit 1").query(String.class)
        .single();
    assertThat(trust.body()).doesNotContain(anyName);
    assertThat(lead.get("/schools/" + school(0) + "/register").body()).contains("SEND register summary");
    assertThat(page("TEACHER", school(0)).get("/trust/register").status()).isEqualTo(403);
  }

  @Test
  void theHostingSchoolSeesDualRegisteredPupilsRegisterEntryOnly() {
    long host = unitHost();
    long pupilId = jdbc.sql("select min(pupil_id) from dual_registration where ends_on is null").query(Long.class)
        .single();
    long home = jdbc.sql("select school_id from pupil where id = ?").param(pupilId).query(Long.class).single();
    assertThat(home).isNotEqualTo(host);
    Api hostSenco = api("SENCO", host);

    JsonNode list = hostSenco.get("/api/v1/schools/" + host + "/pupils?size=500").json();
    JsonNode item = list.get("items").valueStream().filter(i -> i.get("id").asLong() == pupilId).findFirst()
        .orElseThrow();
    assertThat(item.get("dualRegistration").asString()).endsWith("SLU");
    assertThat(item.get("flags").size()).isZero();
    assertThat(hostSenco.get("/api/v1/pupils/" + pupilId + "/send-status/history").status()).isEqualTo(200);
    assertThat(hostSenco.postJson("/api/v1/pupils/" + pupilId + "/send-status",
        "{\"status\":\"N\",\"reason\":\"x\"}").status()).isEqualTo(404);
    PageSession.Page page = page("SENCO", host).get("/schools/" + host + "/register?q=" + item.get("upn").asString());
    assertThat(page.body()).contains("Dual registered: ");
    assertThat(api("TEACHER", host).get("/api/v1/pupils/" + pupilId + "/send-status/history").status())
        .isEqualTo(404);
  }

  @Test
  void theRegisterPageRunsTheSameFewStatementsForASmallAndALargeSchool() {
    long small = school(2);
    long large = school(1);
    long smallPupils = countPupils(small);
    long largePupils = countPupils(large);
    assertThat(largePupils).isGreaterThan(smallPupils * 2);
    // Warm up: the need codes are read once per start.
    page("SENCO", small).get("/schools/" + small + "/register");
    int smallCount = SqlStatements.of(page("SENCO", small).get("/schools/" + small + "/register?status=all"));
    int largeCount = SqlStatements.of(page("SENCO", large).get("/schools/" + large + "/register?status=all"));

    assertThat(smallCount).isPositive();
    SqlStatements.assertBounded(10, smallCount, largeCount);
  }

  @Test
  void theRegisterPageRunsAtMostTenStatementsForEveryRoleWhateverTheFilterFinds() {
    long schoolId = school(1);
    String everyone = "/schools/" + schoolId + "/register?status=all";
    String few = "/schools/" + schoolId + "/register?status=E&need=HI&flag=LOOKED_AFTER";
    for (String role : List.of("SENCO", "TEACHER", "TEACHING_ASSISTANT", "HEADTEACHER")) {
      PageSession session = page(role, schoolId);
      session.get(everyone);
      PageSession.Page all = session.get(everyone);
      PageSession.Page filtered = session.get(few);
      assertThat(all.status()).as(role).isEqualTo(200);
      assertThat(filtered.status()).as(role).isEqualTo(200);
      // Every pupil the person sees, against a filter that finds (almost) nobody.
      assertThat(rowsShown(all)).as(role).isGreaterThan(rowsShown(filtered));
      SqlStatements.assertBounded(10, SqlStatements.of(all), SqlStatements.of(filtered));
    }
  }

  private static int rowsShown(PageSession.Page page) {
    return page.body().split("/register/pupils/", -1).length - 1;
  }

  long countPupils(long schoolId) {
    return jdbc.sql("select count(*) from pupil where school_id = ?").param(schoolId).query(Long.class).single();
  }

  long historyRows(long pupilId) {
    return jdbc.sql("select count(*) from register_change where pupil_id = ?").param(pupilId).query(Long.class)
        .single();
  }

  /** A pupil of the school with no register entry (status null) not touched by another test. */
  long pupilOffTheRegister(long schoolId) {
    return jdbc.sql("""
        select p.id from pupil p where p.school_id = ? and p.leaving_date is null
          and not exists (select 1 from register_entry re where re.pupil_id = p.id)
          and not exists (select 1 from register_change rc where rc.pupil_id = p.id)
        order by p.id desc limit 1""").param(schoolId).query(Long.class).single();
  }
}
