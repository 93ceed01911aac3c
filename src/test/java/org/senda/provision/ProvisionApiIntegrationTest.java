package org.senda.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SendaTest
class ProvisionApiIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  long school;
  long otherSchool;
  DemoAccounts.Account senco;

  @BeforeEach
  void setUp() {
    school = accounts.schoolIds().getFirst();
    otherSchool = accounts.schoolIds().get(1);
    senco = accounts.get("SENCO", school);
  }

  private Api api(DemoAccounts.Account account) {
    return new Api(port, account.apiToken());
  }

  private int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }

  private long staffWithRole(long schoolId, String role) {
    return jdbc.sql("select min(staff_id) from staff_role where school_id = ? and role = ?")
        .params(schoolId, role).query(Long.class).single();
  }

  private List<Long> pupilsOf(long schoolId, int n) {
    return jdbc.sql("select id from pupil where school_id = ? order by id").param(schoolId).query(Long.class).list()
        .subList(0, n);
  }

  private static List<String> fields(Api.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
  }

  private long intervention(long resourcesPence) {
    Api.Response created = api(senco).postJson("/api/v1/schools/" + school + "/interventions", """
        {"name":"Reading fluency group","areaOfNeed":"COGNITION_AND_LEARNING","description":"Paired reading",
         "evidenceLink":"https://example.org/evidence","defaultGroupSize":3,"sessionsPerWeek":2,
         "minutesPerSession":30,"lengthWeeks":10,"resourcesCostPence":%d,"entryExitMeasure":"Words per minute",
         "deliveredByRole":"TEACHING_ASSISTANT"}""".formatted(resourcesPence));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  @Test
  void theCatalogueListsTheTrustsSharedInterventionsAndTheSchoolsOwn() {
    JsonNode catalogue = api(accounts.get("TEACHER", school)).get("/api/v1/schools/" + school + "/interventions")
        .json();
    List<String> names = new ArrayList<>();
    catalogue.forEach(i -> names.add(i.get("name").asString()));
    assertThat(names).contains("Toe by Toe", "Numicon intervention", "Numbers Count", "Nurture group",
        "Art therapy", "Precision teaching", "Fine motor skills group", "Social communication group");

    long own = intervention(4599);
    JsonNode added = api(senco).get("/api/v1/schools/" + school + "/interventions").json();
    List<Long> ids = new ArrayList<>();
    added.forEach(i -> ids.add(i.get("id").asLong()));
    assertThat(ids).contains(own);
    JsonNode elsewhere = api(accounts.get("SENCO", otherSchool))
        .get("/api/v1/schools/" + otherSchool + "/interventions").json();
    List<Long> otherIds = new ArrayList<>();
    elsewhere.forEach(i -> otherIds.add(i.get("id").asLong()));
    assertThat(otherIds).as("a school's own entry is not shared").doesNotContain(own);

    long audits = jdbc.sql("select count(*) from audit_entry where record_type = 'intervention' and record_id = ?")
        .param(String.valueOf(own)).query(Long.class).single();
    assertThat(audits).isEqualTo(1);
  }

  @Test
  void anInvalidInterventionIsRefusedFieldByFieldAndNothingIsWritten() {
    int before = count("intervention");
    Api.Response response = api(senco).postJson("/api/v1/schools/" + school + "/interventions", """
        {"name":" ","areaOfNeed":"READING","evidenceLink":"not a link","defaultGroupSize":0,"sessionsPerWeek":-1,
         "minutesPerSession":30,"lengthWeeks":10,"resourcesCostPence":-5,"deliveredByRole":"GOVERNOR"}""");
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.contentType()).contains("application/problem+json");
    assertThat(fields(response)).containsExactlyInAnyOrder("name", "areaOfNeed", "evidenceLink",
        "defaultGroupSize", "sessionsPerWeek", "resourcesCostPence", "deliveredByRole");
    assertThat(count("intervention")).isEqualTo(before);
  }

  @Test
  void onlyTheSencoOrHeadteacherAddsToTheCatalogue() {
    String body = """
        {"name":"X","areaOfNeed":"COGNITION_AND_LEARNING","defaultGroupSize":1,"sessionsPerWeek":1,
         "minutesPerSession":30,"lengthWeeks":1,"resourcesCostPence":0,"deliveredByRole":"TEACHER"}""";
    assertThat(api(accounts.get("TEACHER", school)).postJson("/api/v1/schools/" + school + "/interventions", body)
        .status()).isEqualTo(403);
    assertThat(api(accounts.get("SENCO", otherSchool)).postJson("/api/v1/schools/" + school + "/interventions",
        body).status()).isEqualTo(404);
    assertThat(api(accounts.get("SENCO", otherSchool)).get("/api/v1/schools/" + school + "/interventions")
        .status()).isEqualTo(404);
    assertThat(new Api(port, null).get("/api/v1/schools/" + school + "/interventions").status()).isEqualTo(401);
  }

  @Test
  void anInvalidGroupNamesEveryFieldAndWritesNothing() {
    long intervention = intervention(0);
    long foreignPupil = pupilsOf(otherSchool, 1).getFirst();
    long foreignStaff = staffWithRole(otherSchool, "TEACHING_ASSISTANT");
    long pupil = pupilsOf(school, 1).getFirst();
    int groups = count("provision_group");
    int staff = count("provision_group_staff");
    int pupils = count("provision_group_pupil");

    Api.Response response = api(senco).postJson("/api/v1/schools/" + school + "/provision-groups", """
        {"interventionId":%d,"staff":[{"staffId":%d}],"pupilIds":[%d,%d],"sessionsPerWeek":-2,
         "minutesPerSession":-30,"startDate":"2026-10-05","endDate":"2026-09-01"}"""
        .formatted(intervention, foreignStaff, pupil, foreignPupil));
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(fields(response)).containsExactlyInAnyOrder("staff[0].staffId", "pupilIds[1]", "sessionsPerWeek",
        "minutesPerSession", "endDate");

    Api.Response empty = api(senco).postJson("/api/v1/schools/" + school + "/provision-groups", """
        {"interventionId":999999999,"staff":[],"pupilIds":[],"sessionsPerWeek":2,"minutesPerSession":30,
         "startDate":"2026-10-05","endDate":"2026-12-01"}""");
    assertThat(empty.status()).isEqualTo(422);
    assertThat(fields(empty)).containsExactlyInAnyOrder("interventionId", "staff", "pupilIds");

    assertThat(count("provision_group")).isEqualTo(groups);
    assertThat(count("provision_group_staff")).isEqualTo(staff);
    assertThat(count("provision_group_pupil")).isEqualTo(pupils);
  }

  private int groupAudits() {
    return jdbc.sql("select count(*) from audit_entry where record_type = 'provision-group' and action = 'CREATE'")
        .query(Integer.class).single();
  }

  private long staffOf(DemoAccounts.Account account) {
    return jdbc.sql("select staff_id from account where lower(email) = lower(?)").param(account.email())
        .query(Long.class).single();
  }

  @Test
  void onlyTheSencoOrHeadteacherOfTheSchoolSetsUpAGroupAndARefusalWritesNothing() {
    long intervention = intervention(0);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    List<Long> pupils = pupilsOf(school, 2);
    LocalDate today = LocalDate.now(clock);
    String path = "/api/v1/schools/" + school + "/provision-groups";
    String body = """
        {"interventionId":%d,"staff":[{"staffId":%d}],"pupilIds":[%d,%d],"sessionsPerWeek":2,
         "minutesPerSession":30,"startDate":"%s","endDate":"%s"}"""
        .formatted(intervention, ta, pupils.get(0), pupils.get(1), today, today.plusWeeks(6));
    int groups = count("provision_group");
    int staff = count("provision_group_staff");
    int members = count("provision_group_pupil");
    int audits = groupAudits();

    for (String role : List.of("TEACHER", "TEACHING_ASSISTANT", "GOVERNOR")) {
      Api.Response refused = api(accounts.get(role, school)).postJson(path, body);
      assertThat(refused.status()).as(role + ": " + refused.body()).isEqualTo(403);
    }
    Api.Response elsewhere = api(accounts.get("SENCO", otherSchool)).postJson(path, body);
    assertThat(elsewhere.status()).as("another school's SENCO is not told the school exists").isEqualTo(404);
    assertThat(count("provision_group")).isEqualTo(groups);
    assertThat(count("provision_group_staff")).isEqualTo(staff);
    assertThat(count("provision_group_pupil")).isEqualTo(members);
    assertThat(groupAudits()).as("no group recorded as created").isEqualTo(audits);

    Api.Response created = api(senco).postJson(path, body);
    assertThat(created.status()).as("the same request from the school's SENCO: " + created.body()).isEqualTo(201);
    assertThat(count("provision_group")).isEqualTo(groups + 1);
  }

  @Test
  void aTeacherRecordsSessionsOfTheGroupsTheyDeliverAndNoOthers() {
    long intervention = intervention(0);
    DemoAccounts.Account teacherAccount = accounts.get("TEACHER", school);
    long teacher = staffOf(teacherAccount);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    assertThat(ta).as("the teaching assistant's group is not the teacher's").isNotEqualTo(teacher);
    List<Long> pupils = pupilsOf(school, 10).subList(8, 10);
    LocalDate today = LocalDate.now(clock);
    String groupBody = """
        {"interventionId":%d,"staff":[{"staffId":%d}],"pupilIds":[%d,%d],"sessionsPerWeek":2,
         "minutesPerSession":30,"startDate":"%s","endDate":"%s"}""";
    long notTheirs = api(senco).postJson("/api/v1/schools/" + school + "/provision-groups", groupBody.formatted(
        intervention, ta, pupils.get(0), pupils.get(1), today.minusWeeks(2), today.plusWeeks(4))).json().get("id")
        .asLong();
    long theirs = api(senco).postJson("/api/v1/schools/" + school + "/provision-groups", groupBody.formatted(
        intervention, teacher, pupils.get(0), pupils.get(1), today.minusWeeks(2), today.plusWeeks(4))).json()
        .get("id").asLong();
    String session = """
        {"date":"%s","delivered":true,"attendance":[{"pupilId":%d,"attended":true},{"pupilId":%d,"attended":false}]}"""
        .formatted(today.minusDays(1), pupils.get(0), pupils.get(1));
    Api teacherApi = api(teacherAccount);
    int sessions = count("provision_session");
    int attendance = count("provision_attendance");

    Api.Response refused = teacherApi.postJson("/api/v1/provision-groups/" + notTheirs + "/sessions", session);
    assertThat(refused.status()).as("a teacher who does not deliver the group: " + refused.body()).isEqualTo(403);
    assertThat(api(accounts.get("TEACHING_ASSISTANT", school)).postJson("/api/v1/provision-groups/" + theirs
        + "/sessions", session).status()).as("nor a teaching assistant who does not deliver it").isEqualTo(403);
    assertThat(count("provision_session")).isEqualTo(sessions);
    assertThat(count("provision_attendance")).isEqualTo(attendance);

    Api.Response recorded = teacherApi.postJson("/api/v1/provision-groups/" + theirs + "/sessions", session);
    assertThat(recorded.status()).as("the teacher who delivers it: " + recorded.body()).isEqualTo(201);
    assertThat(count("provision_session")).isEqualTo(sessions + 1);
    assertThat(count("provision_attendance")).isEqualTo(attendance + 2);
  }

  @Test
  void sessionsAreRecordedAndTheGroupIsCostedInPoundsToThePenny() {
    long intervention = intervention(1240);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    List<Long> pupils = pupilsOf(school, 3);
    LocalDate today = LocalDate.now(clock);
    LocalDate start = today.minusDays(60);
    Api.Response created = api(senco).postJson("/api/v1/schools/" + school + "/provision-groups", """
        {"interventionId":%d,"staff":[{"staffId":%d}],"pupilIds":[%d,%d,%d],"sessionsPerWeek":2,
         "minutesPerSession":30,"startDate":"%s","endDate":"%s"}"""
        .formatted(intervention, ta, pupils.get(0), pupils.get(1), pupils.get(2), start, today.plusDays(30)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long group = created.json().get("id").asLong();
    String sessions = "/api/v1/provision-groups/" + group + "/sessions";

    String attendance = """
        [{"pupilId":%d,"attended":true},{"pupilId":%d,"attended":true},{"pupilId":%d,"attended":false}]"""
        .formatted(pupils.get(0), pupils.get(1), pupils.get(2));
    for (int day : new int[] {1, 8}) {
      Api.Response session = api(senco).postJson(sessions, """
          {"date":"%s","delivered":true,"attendance":%s}""".formatted(start.plusDays(day), attendance));
      assertThat(session.status()).as(session.body()).isEqualTo(201);
    }
    assertThat(api(senco).postJson(sessions, """
        {"date":"%s","delivered":false,"cancelledReason":"TA covering a class"}""".formatted(start.plusDays(3)))
        .status()).isEqualTo(201);

    int before = count("provision_session");
    Api.Response bad = api(senco).postJson(sessions, """
        {"date":"%s","delivered":false,"attendance":[{"pupilId":%d,"attended":true}]}"""
        .formatted(start.minusDays(1), pupils.get(0)));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(fields(bad)).containsExactlyInAnyOrder("date", "cancelledReason", "attendance");
    Api.Response partial = api(senco).postJson(sessions, """
        {"date":"%s","delivered":true,"attendance":[{"pupilId":%d,"attended":true}]}"""
        .formatted(start.plusDays(2), pupils.get(0)));
    assertThat(fields(partial)).containsExactly("attendance");
    assertThat(count("provision_session")).isEqualTo(before);

    Api.Response cost = api(senco).get("/api/v1/provision-groups/" + group + "/cost");
    assertThat(cost.status()).as(cost.body()).isEqualTo(200);
    // 2 delivered sessions x 30 minutes x £15.50 = £15.50, + £12.40 resources = £27.90; / 3 pupils = £9.30.
    assertThat(cost.body()).contains("\"actual\":27.90", "\"perPupilActual\":9.30");
    assertThat(cost.json().get("deliveredSessions").asInt()).isEqualTo(2);
    assertThat(cost.json().get("cancelledSessions").asInt()).isEqualTo(1);
    assertThat(cost.body()).containsPattern("\"planned\":\\d+\\.\\d\\d[,}]");
    assertThat(cost.json().get("planned").decimalValue()).isGreaterThan(cost.json().get("actual").decimalValue());

    assertThat(api(accounts.get("TEACHER", school)).get("/api/v1/provision-groups/" + group + "/cost").status())
        .isEqualTo(403);
    assertThat(api(accounts.get("SENCO", otherSchool)).get("/api/v1/provision-groups/" + group + "/cost")
        .status()).isEqualTo(404);
    assertThat(api(accounts.get("SENCO", otherSchool)).postJson(sessions, "{}").status()).isEqualTo(404);
    assertThat(new Api(port, null).get("/api/v1/provision-groups/" + group + "/cost").status()).isEqualTo(401);
  }

  @Test
  void effectivenessReportsGainTargetsAndCostPerInterventionFromEntryAndExitMeasures() {
    long intervention = intervention(0);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    List<Long> pupils = pupilsOf(school, 5).subList(3, 5);
    LocalDate today = LocalDate.now(clock);
    Api.Response created = api(senco).postJson("/api/v1/schools/" + school + "/provision-groups", """
        {"interventionId":%d,"staff":[{"staffId":%d}],"pupilIds":[%d,%d],"sessionsPerWeek":1,
         "minutesPerSession":60,"startDate":"%s","endDate":"%s"}"""
        .formatted(intervention, ta, pupils.get(0), pupils.get(1), today.minusDays(20), today));
    long group = created.json().get("id").asLong();
    assertThat(api(senco).postJson("/api/v1/provision-groups/" + group + "/sessions", """
        {"date":"%s","delivered":true,"attendance":[{"pupilId":%d,"attended":true},{"pupilId":%d,"attended":true}]}"""
        .formatted(today.minusDays(10), pupils.get(0), pupils.get(1))).status()).isEqualTo(201);
    String measures = "/api/v1/provision-groups/" + group + "/pupils/";
    assertThat(api(senco).put(measures + pupils.get(0) + "/measures",
        "{\"entry\":10,\"exit\":16,\"exitTarget\":15}").status()).isEqualTo(204);
    assertThat(api(senco).put(measures + pupils.get(1) + "/measures",
        "{\"entry\":12,\"exit\":14,\"exitTarget\":15}").status()).isEqualTo(204);
    Api.Response invalid = api(senco).put(measures + pupilsOf(school, 6).get(5) + "/measures",
        "{\"entry\":1.234}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(fields(invalid)).containsExactlyInAnyOrder("entry", "pupilId");
    assertThat(api(accounts.get("TEACHER", school)).put(measures + pupils.get(0) + "/measures", "{\"entry\":1}")
        .status()).isEqualTo(403);

    String path = "/api/v1/schools/" + school + "/intervention-effectiveness";
    Api.Response report = api(accounts.get("GOVERNOR", school)).get(path);
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    JsonNode row = null;
    for (JsonNode r : report.json()) {
      if (r.get("interventionId").asLong() == intervention) {
        row = r;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.get("groups").asInt()).isEqualTo(1);
    assertThat(row.get("pupils").asInt()).isEqualTo(2);
    assertThat(row.get("pupilsMeasured").asInt()).isEqualTo(2);
    // Gains 6 and 2; one of two met the target; 60 minutes at £15.50 shared by two; £7.75 / 4.00 = £1.94.
    assertThat(row.get("averageGain").decimalValue()).isEqualByComparingTo("4.00");
    assertThat(row.get("shareMeetingExitTarget").decimalValue()).isEqualByComparingTo("0.50");
    assertThat(row.get("totalCost").decimalValue()).isEqualByComparingTo("15.50");
    assertThat(row.get("costPerPupil").decimalValue()).isEqualByComparingTo("7.75");
    assertThat(row.get("costPerUnitOfGain").decimalValue()).isEqualByComparingTo("1.94");
    assertThat(row.get("smallSample").asBoolean()).isTrue();
    assertThat(report.body()).doesNotContain("\"name\"");

    assertThat(api(accounts.get("TEACHER", school)).get(path).status()).isEqualTo(403);
    assertThat(api(accounts.get("SENCO", otherSchool)).get(path).status()).isEqualTo(404);
    assertThat(new Api(port, null).get(path).status()).isEqualTo(401);
  }

  @Test
  void aSchoolsOwnHourlyRatesReplaceTheDefaultsInItsCosts() {
    DemoAccounts.Account otherSenco = accounts.get("SENCO", otherSchool);
    String rates = "/api/v1/schools/" + otherSchool + "/provision-staff-rates";
    Api.Response defaults = new Api(port, otherSenco.apiToken()).get(rates);
    assertThat(defaults.status()).isEqualTo(200);
    assertThat(defaults.body()).contains("{\"role\":\"TEACHING_ASSISTANT\",\"title\":\"Teaching assistant\","
        + "\"pencePerHour\":1550,\"schoolsOwn\":false}");

    Api.Response invalid = new Api(port, otherSenco.apiToken()).put(rates,
        "{\"rates\":{\"GOVERNOR\":100,\"TEACHER\":-1}}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(fields(invalid)).containsExactlyInAnyOrder("rates.GOVERNOR", "rates.TEACHER");
    assertThat(api(accounts.get("TEACHER", otherSchool)).put(rates, "{\"rates\":{\"TEACHER\":4000}}").status())
        .isEqualTo(403);
    assertThat(api(senco).put(rates, "{\"rates\":{\"TEACHER\":4000}}").status()).isEqualTo(404);

    Api.Response own = new Api(port, otherSenco.apiToken()).put(rates, "{\"rates\":{\"TEACHER\":4210}}");
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    try {
      long teacher = staffWithRole(otherSchool, "TEACHER");
      long intervention = new Api(port, otherSenco.apiToken()).postJson(
          "/api/v1/schools/" + otherSchool + "/interventions", """
          {"name":"Maths catch-up","areaOfNeed":"COGNITION_AND_LEARNING","defaultGroupSize":1,"sessionsPerWeek":1,
           "minutesPerSession":60,"lengthWeeks":4,"resourcesCostPence":0,"deliveredByRole":"TEACHER"}""")
          .json().get("id").asLong();
      long pupil = pupilsOf(otherSchool, 1).getFirst();
      LocalDate today = LocalDate.now(clock);
      long group = new Api(port, otherSenco.apiToken()).postJson(
          "/api/v1/schools/" + otherSchool + "/provision-groups", """
          {"interventionId":%d,"staff":[{"staffId":%d,"role":"TEACHER"}],"pupilIds":[%d],"startDate":"%s",
           "endDate":"%s"}""".formatted(intervention, teacher, pupil, today.minusDays(14), today))
          .json().get("id").asLong();
      assertThat(new Api(port, otherSenco.apiToken()).postJson("/api/v1/provision-groups/" + group + "/sessions",
          "{\"date\":\"" + today.minusDays(7) + "\",\"delivered\":true,\"attendance\":[{\"pupilId\":" + pupil
              + ",\"attended\":true}]}").status()).isEqualTo(201);
      Api.Response cost = new Api(port, otherSenco.apiToken()).get("/api/v1/provision-groups/" + group + "/cost");
      assertThat(cost.body()).contains("\"actual\":42.10", "\"perPupilActual\":42.10");
    } finally {
      new Api(port, otherSenco.apiToken()).put(rates, "{\"rates\":{\"TEACHER\":3800}}");
    }
  }

  private JsonNode mapEntry(long schoolId, long groupId) {
    Api.Response map = api(accounts.get("SENCO", schoolId)).get("/api/v1/schools/" + schoolId + "/provision-map");
    assertThat(map.status()).as(map.body()).isEqualTo(200);
    for (JsonNode g : map.json().get("groups")) {
      if (g.get("groupId").asLong() == groupId) {
        return g;
      }
    }
    throw new AssertionError("group " + groupId + " not on the map");
  }

  @Test
  void inClassSupportIsAKindOfItsOwnAndTheKindIsDerivedWhenNotGiven() {
    long intervention = intervention(0);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    List<Long> pupils = pupilsOf(school, 8).subList(5, 8);
    LocalDate today = LocalDate.now(clock);
    String groups = "/api/v1/schools/" + school + "/provision-groups";
    String common = """
        "interventionId":%d,"staff":[{"staffId":%d}],"sessionsPerWeek":5,"minutesPerSession":60,
        "startDate":"%s","endDate":"%s\"""".formatted(intervention, ta, today.minusDays(20), today.plusDays(30));
    Api.Response inClass = api(senco).postJson(groups, "{" + common + ",\"pupilIds\":[%d,%d],\"kind\":\"IN_CLASS\","
        .formatted(pupils.get(0), pupils.get(1)) + "\"lessons\":\"English and maths in 4B\"}");
    assertThat(inClass.status()).as(inClass.body()).isEqualTo(201);
    long inClassId = inClass.json().get("id").asLong();
    Api.Response single = api(senco).postJson(groups, "{" + common + ",\"pupilIds\":[" + pupils.get(2) + "]}");
    Api.Response pair = api(senco).postJson(groups, "{" + common + ",\"pupilIds\":[" + pupils.get(0) + ","
        + pupils.get(2) + "],\"room\":\"Library\"}");
    assertThat(single.status()).isEqualTo(201);
    assertThat(pair.status()).isEqualTo(201);

    JsonNode entry = mapEntry(school, inClassId);
    assertThat(entry.get("kind").asString()).isEqualTo("IN_CLASS");
    assertThat(entry.get("lessons").asString()).isEqualTo("English and maths in 4B");
    assertThat(entry.get("room").isNull()).isTrue();
    assertThat(mapEntry(school, single.json().get("id").asLong()).get("kind").asString())
        .as("one pupil and no kind: one to one, as before").isEqualTo("ONE_TO_ONE");
    assertThat(mapEntry(school, pair.json().get("id").asLong()).get("kind").asString()).isEqualTo("GROUP");
    assertThat(mapEntry(school, pair.json().get("id").asLong()).get("lessons").isNull()).isTrue();

    JsonNode history = api(senco).get("/api/v1/pupils/" + pupils.get(0) + "/provision-history").json();
    List<String> kinds = new ArrayList<>();
    history.get("provision").forEach(e -> kinds.add(e.get("groupId").asLong() + ":" + e.get("kind").asString()));
    assertThat(kinds).contains(inClassId + ":IN_CLASS", pair.json().get("id").asLong() + ":GROUP");

    // The same cost: delivered sessions x minutes / 60 x the hourly cost of each member of staff, shared by pupils.
    assertThat(api(senco).postJson("/api/v1/provision-groups/" + inClassId + "/sessions", """
        {"date":"%s","delivered":true,"attendance":[{"pupilId":%d,"attended":true},{"pupilId":%d,"attended":true}]}"""
        .formatted(today.minusDays(2), pupils.get(0), pupils.get(1))).status()).isEqualTo(201);
    Api.Response cost = api(senco).get("/api/v1/provision-groups/" + inClassId + "/cost");
    // 60 minutes at £15.50 = £15.50, shared by two pupils.
    assertThat(cost.body()).contains("\"actual\":15.50", "\"perPupilActual\":7.75");
  }

  @Test
  void aKindThatDoesNotFitIsRefusedNamingTheField() {
    long intervention = intervention(0);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    List<Long> pupils = pupilsOf(school, 2);
    int before = count("provision_group");
    String groups = "/api/v1/schools/" + school + "/provision-groups";
    String common = """
        {"interventionId":%d,"staff":[{"staffId":%d}],"pupilIds":[%d,%d],"sessionsPerWeek":2,
         "minutesPerSession":30,"startDate":"2026-10-05","endDate":"2026-12-01\"""".formatted(intervention, ta,
        pupils.get(0), pupils.get(1));

    Api.Response oneToOne = api(senco).postJson(groups, common + ",\"kind\":\"ONE_TO_ONE\"}");
    assertThat(oneToOne.status()).as(oneToOne.body()).isEqualTo(422);
    assertThat(fields(oneToOne)).containsExactly("pupilIds");
    assertThat(oneToOne.body()).contains("One-to-one support is for one pupil");

    Api.Response noLessons = api(senco).postJson(groups, common + ",\"kind\":\"IN_CLASS\",\"room\":\"Hall\"}");
    assertThat(noLessons.status()).isEqualTo(422);
    assertThat(fields(noLessons)).containsExactlyInAnyOrder("lessons", "room");

    Api.Response unknown = api(senco).postJson(groups, common + ",\"kind\":\"SMALL_GROUP\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(fields(unknown)).containsExactly("kind");
    assertThat(count("provision_group")).isEqualTo(before);
  }

  private long trustOf(long schoolId) {
    return jdbc.sql("select trust_id from school where id = ?").param(schoolId).query(Long.class).single();
  }

  private static final String TRUST_ENTRY = """
      {"name":"%s","areaOfNeed":"COMMUNICATION_AND_INTERACTION","description":"Whole-class vocabulary",
       "defaultGroupSize":4,"sessionsPerWeek":2,"minutesPerSession":30,"lengthWeeks":10,"resourcesCostPence":%d,
       "entryExitMeasure":"Words known","deliveredByRole":"TEACHING_ASSISTANT"%s}""";

  @Test
  void theTrustSendLeadKeepsTheTrustCatalogueOverTheApi() {
    long trust = trustOf(school);
    Api lead = api(accounts.get("TRUST_SEND_LEAD", null));
    String path = "/api/v1/trusts/" + trust + "/interventions";

    Api.Response list = lead.get(path);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    list.json().forEach(i -> names.add(i.get("name").asString()));
    assertThat(names).contains("Toe by Toe", "In-class TA support");
    list.json().forEach(i -> assertThat(i.get("sharedAcrossTrust").asBoolean()).isTrue());

    int before = count("intervention");
    Api.Response invalid = lead.postJson(path, """
        {"name":"","areaOfNeed":"READING","defaultGroupSize":0,"sessionsPerWeek":2,"minutesPerSession":30,
         "lengthWeeks":10,"resourcesCostPence":0,"deliveredByRole":"GOVERNOR"}""");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(fields(invalid)).containsExactlyInAnyOrder("name", "areaOfNeed", "defaultGroupSize",
        "deliveredByRole");
    assertThat(count("intervention")).isEqualTo(before);

    Api.Response added = lead.postJson(path, TRUST_ENTRY.formatted("Word Aware", 1500, ""));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    long id = added.json().get("id").asLong();
    assertThat(added.json().get("sharedAcrossTrust").asBoolean()).isTrue();
    assertThat(added.json().get("version").asInt()).isZero();
    assertThat(added.header("Location")).hasValue(path + "/" + id);
    JsonNode seenBySchool = null;
    for (JsonNode i : api(accounts.get("TEACHER", otherSchool)).get("/api/v1/schools/" + otherSchool
        + "/interventions").json()) {
      if (i.get("id").asLong() == id) {
        seenBySchool = i;
      }
    }
    assertThat(seenBySchool).as("every school of the trust reads it in its own catalogue").isNotNull();

    String one = path + "/" + id;
    Api.Response noVersion = lead.put(one, TRUST_ENTRY.formatted("Word Aware", 1600, ""));
    assertThat(noVersion.status()).isEqualTo(422);
    assertThat(fields(noVersion)).containsExactly("version");
    Api.Response changed = lead.put(one, TRUST_ENTRY.formatted("Word Aware (2nd edition)", 1600, ",\"version\":0"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("version").asInt()).isEqualTo(1);
    assertThat(changed.json().get("resourcesCostPence").asLong()).isEqualTo(1600);
    Api.Response stale = lead.put(one, TRUST_ENTRY.formatted("Word Aware stale", 1700, ",\"version\":0"));
    assertThat(stale.status()).as("based on the version before the last save").isEqualTo(409);
    Api.Response staleHeader = lead.send("PUT", one, "application/json",
        TRUST_ENTRY.formatted("Word Aware stale", 1700, "").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "If-Match", "\"0\"");
    assertThat(staleHeader.status()).isEqualTo(409);
    Api.Response byHeader = lead.send("PUT", one, "application/json",
        TRUST_ENTRY.formatted("Word Aware", 1800, "").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "If-Match", "\"1\"");
    assertThat(byHeader.status()).as(byHeader.body()).isEqualTo(200);
    assertThat(jdbc.sql("select name from intervention where id = ?").param(id).query(String.class).single())
        .isEqualTo("Word Aware");
    Api.Response invalidChange = lead.put(one, TRUST_ENTRY.formatted("", -1, ",\"version\":2"));
    assertThat(invalidChange.status()).isEqualTo(422);
    assertThat(fields(invalidChange)).containsExactlyInAnyOrder("name", "resourcesCostPence");

    long audits = jdbc.sql("""
            select count(*) from audit_entry where record_type = 'intervention' and record_id = ?""")
        .param(String.valueOf(id)).query(Long.class).single();
    assertThat(audits).as("added, then changed twice").isEqualTo(3);
  }

  @Test
  void onlyTheTrustSendLeadOfThatTrustWritesToTheTrustCatalogue() {
    long trust = trustOf(school);
    String path = "/api/v1/trusts/" + trust + "/interventions";
    Api lead = api(accounts.get("TRUST_SEND_LEAD", null));
    long shared = lead.get(path).json().get(0).get("id").asLong();
    int version = lead.get(path).json().get(0).get("version").asInt();
    int before = count("intervention");
    String body = TRUST_ENTRY.formatted("Not allowed", 0, ",\"version\":" + version);

    for (String role : List.of("SENCO", "HEADTEACHER", "TEACHER")) {
      Api staff = api(accounts.get(role, school));
      assertThat(staff.postJson(path, body).status()).as(role + " adding").isEqualTo(403);
      assertThat(staff.put(path + "/" + shared, body).status()).as(role + " changing").isEqualTo(403);
      assertThat(staff.get(path).status()).as(role + " reads through the school's catalogue").isEqualTo(403);
    }
    long otherTrust = jdbc.sql("select max(id) from trust").query(Long.class).single() + 1000;
    assertThat(lead.get("/api/v1/trusts/" + otherTrust + "/interventions").status()).isEqualTo(404);
    assertThat(lead.postJson("/api/v1/trusts/" + otherTrust + "/interventions", body).status()).isEqualTo(404);
    assertThat(lead.put("/api/v1/trusts/" + otherTrust + "/interventions/" + shared, body).status())
        .isEqualTo(404);
    long schoolsOwn = intervention(0);
    assertThat(lead.put(path + "/" + schoolsOwn, body).status()).as("a school's own entry is not the trust's")
        .isEqualTo(404);
    assertThat(new Api(port, null).get(path).status()).isEqualTo(401);
    assertThat(count("intervention")).isEqualTo(before + 1);
    assertThat(jdbc.sql("select count(*) from intervention where name = 'Not allowed'").query(Integer.class)
        .single()).isZero();
  }
}
