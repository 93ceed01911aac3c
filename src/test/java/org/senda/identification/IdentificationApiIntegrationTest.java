package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.senda.organisation.Organisation;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SendaTest
class IdentificationApiIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Organisation organisation;

  long school() {
    return accounts.schoolIds().getFirst();
  }

  Api as(String role, long schoolId) {
    return new Api(port, accounts.get(role, schoolId).apiToken());
  }

  @Test
  void theSencoSeesEveryFourCriteriaExplainedAcrossTheDemoTrust() {
    Set<String> criteria = new HashSet<>();
    for (long schoolId : accounts.schoolIds()) {
      Api.Response response = as("SENCO", schoolId).get("/api/v1/schools/" + schoolId + "/progress-flags");
      assertThat(response.status()).isEqualTo(200);
      for (JsonNode flag : response.json()) {
        assertThat(flag.get("criteria").size()).isPositive();
        assertThat(flag.get("upn").asString()).hasSize(13);
        assertThat(flag.get("explanation").get("pupilScores").size()).isGreaterThan(1);
        assertThat(flag.get("explanation").has("gapAtEnd")).isTrue();
        flag.get("criteria").forEach(c -> criteria.add(c.asString()));
      }
    }
    assertThat(criteria).containsExactlyInAnyOrder(
        "SLOWER_THAN_PEERS", "BELOW_OWN_PREVIOUS_RATE", "GAP_NOT_CLOSING", "GAP_WIDENING");
  }

  @Test
  void flagsCanBeNarrowedToOneSubject() {
    Api.Response response = as("SENCO", school()).get("/api/v1/schools/" + school() + "/progress-flags?subject=maths");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().size()).isPositive();
    response.json().forEach(flag -> assertThat(flag.get("subject").asString()).isEqualTo("maths"));
  }

  @Test
  void aTeacherSeesOnlyTheirOwnPupilsFlags() {
    int teachersWithFlags = 0;
    for (long schoolId : accounts.schoolIds()) {
      String path = "/api/v1/schools/" + schoolId + "/progress-flags";
      Set<Long> all = pupilIds(as("SENCO", schoolId).get(path).json());
      Set<Long> own = pupilIds(as("TEACHER", schoolId).get(path).json());
      Set<Long> taught = taughtBy(accounts.get("TEACHER", schoolId).email());

      assertThat(own).allMatch(taught::contains);
      assertThat(all.stream().filter(taught::contains).toList()).containsExactlyInAnyOrderElementsOf(own);
      teachersWithFlags += own.isEmpty() ? 0 : 1;
    }
    assertThat(teachersWithFlags).isPositive();
  }

  @Test
  void refusesGovernorsOtherSchoolsAndCallersWithoutAToken() {
    long other = accounts.schoolIds().get(1);
    assertThat(as("GOVERNOR", school()).get("/api/v1/schools/" + school() + "/progress-flags").status())
        .isEqualTo(403);
    assertThat(as("SENCO", other).get("/api/v1/schools/" + school() + "/progress-flags").status()).isEqualTo(404);
    assertThat(new Api(port, null).get("/api/v1/schools/" + school() + "/progress-flags").status()).isEqualTo(401);
    assertThat(as("TEACHER", school()).post("/api/v1/schools/" + school() + "/assessment-imports", "text/csv",
        "upn,subject,assessment_point,score\n").status()).isEqualTo(403);
  }

  @Test
  void importsScoresAfterADryRunThatWritesNothing() {
    String upn = upnInSchool(school());
    String point = lastPointLabel(school());
    String csv = "upn,subject,assessment_point,score\n" + upn + ",reading," + point + ",101\n"
        + upn + ",Writing," + point + ",99\n";
    int before = scoreCount();

    Api.Response dryRun = as("SENCO", school()).post(
        "/api/v1/schools/" + school() + "/assessment-imports?dryRun=true", "text/csv", csv);
    assertThat(dryRun.status()).isEqualTo(200);
    assertThat(dryRun.json().get("created").asInt() + dryRun.json().get("updated").asInt()).isEqualTo(2);
    assertThat(dryRun.json().get("preview").size()).isEqualTo(2);
    assertThat(dryRun.json().get("preview").get(1).get("row").asInt()).isEqualTo(3);
    assertThat(dryRun.json().get("preview").get(1).get("upn").asString()).isEqualTo(upn);
    assertThat(dryRun.json().get("preview").get(1).get("assessmentPoint").asString()).isEqualTo(point);
    assertThat(dryRun.json().get("preview").get(1).get("score").asString()).isEqualTo("99");
    assertThat(dryRun.json().get("preview").get(1).get("action").asString()).isIn("create", "update");
    assertThat(scoreCount()).isEqualTo(before);

    Api.Response run = as("SENCO", school()).post(
        "/api/v1/schools/" + school() + "/assessment-imports", "text/csv", csv);
    assertThat(run.status()).isEqualTo(200);
    assertThat(scoreCount()).isEqualTo(before + run.json().get("created").asInt());
    assertThat(jdbc.sql("""
            select s.score from assessment_score s join pupil p on p.id = s.pupil_id
            join assessment_subject sub on sub.id = s.subject_id join assessment_point ap on ap.id = s.point_id
            where p.upn = ? and sub.code = 'reading' and ap.label = ?""")
        .params(upn, point).query(Double.class).single()).isEqualTo(101.0);
  }

  @Test
  void aFileWithAnyBadRowWritesNothingAndSaysWhere() {
    String upn = upnInSchool(school());
    String point = lastPointLabel(school());
    String csv = "upn,subject,assessment_point,score\n"
        + upn + ",reading," + point + ",100\n"
        + "A000000000000,reading," + point + ",100\n"
        + upn + ",art," + point + ",100\n"
        + upn + ",maths,Spring term 1999/00,100\n"
        + upn + ",maths," + point + ",400\n"
        + upn + ",reading," + point + ",102\n";
    int before = scoreCount();

    Api.Response response = as("SENCO", school()).post(
        "/api/v1/schools/" + school() + "/assessment-imports", "text/csv", csv);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.contentType()).startsWith("application/problem+json");
    List<String> errors = response.json().get("errors").valueStream()
        .map(e -> e.get("row").asInt() + ":" + e.get("column").asString())
        .toList();
    assertThat(errors).containsExactly("3:upn", "4:subject", "5:assessment_point", "6:score", "7:upn");
    assertThat(response.json().get("errors").get(4).get("message").asString()).contains("Row 2");
    assertThat(scoreCount()).isEqualTo(before);
  }

  @Test
  void aTeacherRaisesACauseForConcernAndReadsItBack() {
    long pupilId = taughtBy(accounts.get("TEACHER", school()).email()).iterator().next();
    Api teacher = as("TEACHER", school());

    Api.Response raised = teacher.postJson("/api/v1/pupils/" + pupilId + "/concerns", """
        {"areas":["COGNITION_AND_LEARNING","WELLBEING"],"evidence":"Reading age 18 months behind",
         "triedInClass":"Daily reading with an adult","pupilView":"Reading is hard"}""");
    assertThat(raised.status()).isEqualTo(201);
    assertThat(raised.json().get("status").asString()).isEqualTo("RAISED");

    Api.Response list = teacher.get("/api/v1/pupils/" + pupilId + "/concerns");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().valueStream().map(c -> c.get("id").asLong()))
        .contains(raised.json().get("id").asLong());
  }

  @Test
  void anIncompleteConcernNamesTheFieldsToFix() {
    long pupilId = taughtBy(accounts.get("TEACHER", school()).email()).iterator().next();

    Api.Response response = as("TEACHER", school()).postJson("/api/v1/pupils/" + pupilId + "/concerns",
        "{\"areas\":[\"ASTROLOGY\"],\"evidence\":\" \"}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .contains("areas[0]", "evidence", "triedInClass");
  }

  @Test
  void aTeacherCannotReadConcernsAboutPupilsTheyDoNotTeach() {
    Set<Long> taught = taughtBy(accounts.get("TEACHER", school()).email());
    long notTaught = jdbc.sql("select id from pupil where school_id = ? order by id")
        .param(school()).query(Long.class).list().stream()
        .filter(id -> !taught.contains(id)).findFirst().orElseThrow();

    assertThat(as("TEACHER", school()).get("/api/v1/pupils/" + notTaught + "/concerns").status()).isEqualTo(404);
    assertThat(as("SENCO", school()).get("/api/v1/pupils/" + notTaught + "/concerns").status()).isEqualTo(200);
    assertThat(as("GOVERNOR", school()).get("/api/v1/pupils/" + notTaught + "/concerns").status()).isEqualTo(404);
  }

  Set<Long> taughtBy(String email) {
    long staffId = jdbc.sql("select id from staff where email = ?").param(email).query(Long.class).single();
    Set<Long> classes = organisation.classesOf(staffId);
    return new HashSet<>(jdbc.sql("select id from pupil where class_id in (:classes)")
        .param("classes", classes).query(Long.class).list());
  }

  static Set<Long> pupilIds(JsonNode flags) {
    Set<Long> ids = new HashSet<>();
    flags.forEach(f -> ids.add(f.get("pupilId").asLong()));
    return ids;
  }

  String upnInSchool(long schoolId) {
    return jdbc.sql("select upn from pupil where school_id = ? order by id fetch first 1 rows only")
        .param(schoolId).query(String.class).single();
  }

  String lastPointLabel(long schoolId) {
    return jdbc.sql("""
            select label from assessment_point where school_id = ? and assessed_on <= current_date
            order by assessed_on desc fetch first 1 rows only""")
        .param(schoolId).query(String.class).single();
  }

  int scoreCount() {
    return jdbc.sql("select count(*) from assessment_score").query(Integer.class).single();
  }
}
