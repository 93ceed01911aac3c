package org.senda.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.senda.test.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Dual registrations over the API: the hosting school's SENCO registers a pupil of another school, both schools
 * list it (hosted and away), and it ends on the last day chosen, never over a change made meanwhile; other roles and
 * other schools are refused as on the pages.
 */
@SendaTest
class DualRegistrationApiIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  long host() {
    return jdbc.sql("select min(host_school_id) from dual_registration").query(Long.class).single();
  }

  String base(long schoolId) {
    return "/api/v1/schools/" + schoolId + "/dual-registrations";
  }

  Api api(String role, long schoolId) {
    return new Api(port, accounts.get(role, schoolId).apiToken());
  }

  static List<String> fields(Api.Response response) {
    return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }

  static String message(Api.Response response, String field) {
    return response.json().get("errors").valueStream().filter(e -> e.get("field").asString().equals(field))
        .map(e -> e.get("message").asString()).findFirst().orElseThrow();
  }

  long audited(String action, long id) {
    return jdbc.sql("select count(*) from audit_entry where record_type = 'dual-registration' and action = ?"
        + " and record_id = ?").params(action, String.valueOf(id)).query(Long.class).single();
  }

  @Test
  void theHostSencoRegistersListsAndEndsARegistrationOnTheLastDayChosen() {
    long host = host();
    Map<String, Object> pupil = jdbc.sql("""
        select p.id, p.upn, p.school_id from pupil p
        where p.school_id <> ? and p.leaving_date is null
          and not exists (select 1 from dual_registration dr where dr.pupil_id = p.id)
        order by p.id limit 1""").param(host).query().singleRow();
    long pupilId = ((Number) pupil.get("id")).longValue();
    long main = ((Number) pupil.get("school_id")).longValue();
    String upn = (String) pupil.get("upn");
    LocalDate today = LocalDate.now(clock);
    Api senco = api("SENCO", host);
    senco.get(base(host)); // records the token as used (at most once a minute), so the counts below are warm
    int statementsBefore = SqlStatements.of(senco.get(base(host)));

    Api.Response empty = senco.postJson(base(host), "{}");
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.contentType()).startsWith("application/problem+json");
    assertThat(fields(empty)).contains("mainSchoolId", "upn", "provisionName", "panelDate", "startsOn")
        .doesNotContain("hostEnrolment");
    Api.Response wrong = senco.postJson(base(host), """
        {"mainSchoolId":%d,"upn":"%s","provisionName":"Language base","hostEnrolment":"X",
         "panelDate":"2026-02-30","startsOn":"next week"}""".formatted(main, upn));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(fields(wrong)).containsExactlyInAnyOrder("hostEnrolment", "panelDate", "startsOn");
    assertThat(message(wrong, "panelDate")).isEqualTo(
        "The date of the admission panel must be a real date, as YYYY-MM-DD, for example 2026-03-27");
    Api.Response ownSchool = senco.postJson(base(host), body(host, upn, today.minusDays(7), today));
    assertThat(message(ownSchool, "mainSchoolId")).isEqualTo("Select the school whose roll the pupil is on");
    Api.Response beforePanel = senco.postJson(base(host), body(main, upn, today.minusDays(7), today.minusDays(8)));
    assertThat(message(beforePanel, "startsOn")).isEqualTo("The date the pupil starts must be on or after the panel");
    assertThat(senco.postJson(base(host), "{\"upn\":").status()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from dual_registration where pupil_id = ?").param(pupilId)
        .query(Long.class).single()).isZero();

    Api.Response created = senco.postJson(base(host), body(main, upn, today.minusDays(7), today));
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(created.header("Location")).contains(base(host) + "/" + id);
    assertThat(created.header("ETag")).contains("\"0\"");
    assertThat(created.json().get("pupilId").asLong()).isEqualTo(pupilId);
    assertThat(created.json().get("mainSchoolId").asLong()).isEqualTo(main);
    assertThat(created.json().get("hostEnrolment").asString()).isEqualTo("S");
    assertThat(created.json().get("active").asBoolean()).isTrue();
    assertThat(audited("CREATE", id)).isOne();
    assertThat(message(senco.postJson(base(host), body(main, upn, today.minusDays(7), today)), "upn"))
        .isEqualTo("This pupil is already dual registered with your school");

    // The host lists it as hosted; the pupil's own school as away.
    Api.Response hosted = senco.get(base(host));
    assertThat(ids(hosted.json().get("hosted"))).contains(id);
    // One more registration, the same statements: the list does not read per registration.
    SqlStatements.assertBounded(10, statementsBefore, SqlStatements.of(hosted));
    JsonNode away = api("SENCO", main).get(base(main)).json().get("away");
    assertThat(ids(away)).contains(id);
    assertThat(ids(api("SENCO", main).get(base(main)).json().get("hosted"))).doesNotContain(id);
    assertThat(senco.get(base(host) + "/" + id).header("ETag")).contains("\"0\"");

    String end = base(host) + "/" + id + "/end";
    Api.Response noVersion = senco.postJson(end, "{\"lastDay\":\"" + today + "\"}");
    assertThat(noVersion.status()).isEqualTo(422);
    assertThat(fields(noVersion)).containsExactly("version");
    assertThat(message(senco.postJson(end, "{\"lastDay\":\"" + today.minusDays(1) + "\",\"version\":0}"),
        "lastDay")).startsWith("The last day must be on or after the day the pupil started");
    assertThat(message(senco.postJson(end, "{\"lastDay\":\"" + today.plusYears(1).plusDays(1) + "\",\"version\":0}"),
        "lastDay")).startsWith("The last day must be within a year from today, on or before");
    assertThat(fields(senco.postJson(end, "{\"lastDay\":\"31/03/2026\",\"version\":0}"))).containsExactly("lastDay");
    Api.Response stale = senco.send("POST", end, "application/json",
        ("{\"lastDay\":\"" + today.plusDays(14) + "\"}").getBytes(), "If-Match", "\"5\"");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(open(id)).isOne();
    assertThat(audited("UPDATE", id)).isZero();

    Api.Response ended = senco.send("POST", end, "application/json",
        ("{\"lastDay\":\"" + today.plusDays(14) + "\"}").getBytes(), "If-Match", "\"0\"");
    assertThat(ended.status()).isEqualTo(200);
    assertThat(ended.json().get("endsOn").asString()).isEqualTo(today.plusDays(14).toString());
    assertThat(ended.json().get("version").asInt()).isEqualTo(1);
    assertThat(ended.json().get("active").asBoolean()).isTrue();
    assertThat(ended.header("ETag")).contains("\"1\"");
    assertThat(audited("UPDATE", id)).isOne();
    Api.Response again = senco.postJson(end, "{\"lastDay\":\"" + today + "\",\"version\":1}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(jdbc.sql("select ends_on from dual_registration where id = ?").param(id).query(LocalDate.class)
        .single()).isEqualTo(today.plusDays(14));
  }

  @Test
  void teachersGovernorsAndOtherSchoolsCannotSeeOrManageTheHostsRegistrations() {
    long host = host();
    long other = accounts.schoolIds().stream().filter(id -> id != host).findFirst().orElseThrow();
    long registration = jdbc.sql("select min(id) from dual_registration where host_school_id = ?"
        + " and ends_on is null").param(host).query(Long.class).single();
    String end = base(host) + "/" + registration + "/end";
    String endBody = "{\"version\":0}";
    for (String role : List.of("TEACHER", "DSL", "GOVERNOR", "SCHOOL_ADMIN")) {
      Api api = api(role, host);
      assertThat(api.get(base(host)).status()).as(role).isEqualTo(403);
      assertThat(api.get(base(host) + "/" + registration).status()).as(role).isEqualTo(403);
      assertThat(api.postJson(base(host), "{}").status()).as(role).isEqualTo(403);
      assertThat(api.postJson(end, endBody).status()).as(role).isEqualTo(403);
    }
    Api otherSenco = api("SENCO", other);
    assertThat(otherSenco.get(base(host)).status()).isEqualTo(404);
    assertThat(otherSenco.get(base(host) + "/" + registration).status()).isEqualTo(404);
    assertThat(otherSenco.postJson(base(host), "{}").status()).isEqualTo(404);
    assertThat(otherSenco.postJson(end, endBody).status()).isEqualTo(404);
    // Through its own school's address it does not reach another host's registration either.
    assertThat(otherSenco.get(base(other) + "/" + registration).status()).isEqualTo(404);
    assertThat(otherSenco.postJson(base(other) + "/" + registration + "/end", endBody).status()).isEqualTo(404);
    assertThat(ids(otherSenco.get(base(other)).json().get("hosted"))).doesNotContain(registration);
    assertThat(new Api(port, null).get(base(host)).status()).isEqualTo(401);
    assertThat(new Api(port, null).postJson(end, endBody).status()).isEqualTo(401);
    assertThat(open(registration)).isOne();
  }

  @Test
  void theOpenApiDocumentDescribesTheDualRegistrationAndPhotoPaths() {
    JsonNode paths = new Api(port, null).get("/v3/api-docs").json().get("paths");
    assertThat(paths.has("/api/v1/schools/{schoolId}/dual-registrations")).isTrue();
    assertThat(paths.has("/api/v1/schools/{schoolId}/dual-registrations/{registrationId}/end")).isTrue();
    JsonNode photo = paths.get("/api/v1/pupils/{pupilId}/photo");
    assertThat(photo.has("get") && photo.has("put") && photo.has("delete")).isTrue();
  }

  static String body(long mainSchoolId, String upn, LocalDate panel, LocalDate starts) {
    return """
        {"mainSchoolId":%d,"upn":"%s","provisionName":"Language base","hostEnrolment":"S",
         "panelDate":"%s","startsOn":"%s"}""".formatted(mainSchoolId, upn, panel, starts);
  }

  static List<Long> ids(JsonNode items) {
    return items.valueStream().map(i -> i.get("id").asLong()).toList();
  }

  long open(long id) {
    return jdbc.sql("select count(*) from dual_registration where id = ? and ends_on is null").param(id)
        .query(Long.class).single();
  }
}
