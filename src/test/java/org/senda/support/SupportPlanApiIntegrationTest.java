package org.senda.support;

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
class SupportPlanApiIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  long school;
  DemoAccounts.Account senco;
  DemoAccounts.Account teacher;
  long pupil;
  LocalDate today;

  @BeforeEach
  void setUp() {
    school = accounts.schoolIds().getFirst();
    senco = accounts.get("SENCO", school);
    teacher = accounts.get("TEACHER", school);
    pupil = SupportFixtures.pupilTaughtBy(jdbc, teacher);
    today = LocalDate.now(clock);
  }

  private String plan(String status, String outcome, String reviewDate) {
    return """
        {"outcomes":[%s],"wave":2,%s"status":"%s"}"""
        .formatted(outcome, reviewDate == null ? "" : "\"reviewDate\":\"" + reviewDate + "\",", status);
  }

  private String fullOutcome() {
    return """
        {"description":"Reads the first 100 high-frequency words","measure":"Words read correctly from a list",
         "baseline":"22 of 100","target":"60 of 100","targetDate":"%s",
         "strategies":["Pre-teach key words before each lesson","Give extra time to read instructions"]}"""
        .formatted(today.plusMonths(3));
  }

  private Api api(DemoAccounts.Account account) {
    return new Api(port, account.apiToken());
  }

  @Test
  void anActivePlanIsCreatedAndReadBackByTheSencoAndThePupilsTeacher() {
    Api.Response created = api(senco).postJson("/api/v1/pupils/" + pupil + "/support-plans",
        plan("ACTIVE", fullOutcome(), today.plusMonths(2).toString()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();

    for (DemoAccounts.Account reader : List.of(senco, teacher)) {
      Api.Response read = api(reader).get("/api/v1/support-plans/" + id);
      assertThat(read.status()).as(reader.role()).isEqualTo(200);
      JsonNode plan = read.json();
      assertThat(plan.get("status").asString()).isEqualTo("ACTIVE");
      assertThat(plan.get("wave").asInt()).isEqualTo(2);
      assertThat(plan.get("outcomes").get(0).get("target").asString()).isEqualTo("60 of 100");
      assertThat(plan.get("outcomes").get(0).get("strategies").size()).isEqualTo(2);
    }
  }

  @Test
  void anActivePlanWithGapsIsRefusedNamingEachFieldAndNothingIsWritten() {
    int before = SupportFixtures.count(jdbc, "support_plan");
    String gaps = """
        {"description":"Reads more words","baseline":"22 of 100","strategies":[]}""";
    Api.Response refused = api(senco).postJson("/api/v1/pupils/" + pupil + "/support-plans",
        plan("ACTIVE", fullOutcome() + "," + gaps, null));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).contains("outcomes[1].measure", "outcomes[1].target", "outcomes[1].targetDate", "reviewDate")
        .doesNotContain("outcomes[0].measure", "outcomes[0].target");
    assertThat(SupportFixtures.count(jdbc, "support_plan")).isEqualTo(before);
  }

  @Test
  void aDraftWithGapsIsSaved() {
    Api.Response created = api(senco).postJson("/api/v1/pupils/" + pupil + "/support-plans",
        plan("DRAFT", "{\"description\":\"Settles at the start of the day\"}", null));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("id").asLong()).isPositive();
  }

  @Test
  void needToKnowRefusesEveryoneElse() {
    long id = api(senco).postJson("/api/v1/pupils/" + pupil + "/support-plans",
        plan("ACTIVE", fullOutcome(), today.plusMonths(2).toString())).json().get("id").asLong();
    long otherPupil = SupportFixtures.pupilNotTaughtBy(jdbc, teacher);
    long otherPlan = api(senco).postJson("/api/v1/pupils/" + otherPupil + "/support-plans",
        plan("DRAFT", fullOutcome(), null)).json().get("id").asLong();
    long otherSchool = accounts.schoolIds().get(1);

    assertThat(api(teacher).get("/api/v1/support-plans/" + otherPlan).status()).as("another class").isEqualTo(404);
    assertThat(api(accounts.get("GOVERNOR", school)).get("/api/v1/support-plans/" + id).status()).as("governor")
        .isEqualTo(404);
    assertThat(api(accounts.get("SENCO", otherSchool)).get("/api/v1/support-plans/" + id).status())
        .as("other school").isEqualTo(404);
    assertThat(new Api(port, null).get("/api/v1/support-plans/" + id).status()).as("no token").isEqualTo(401);
    assertThat(api(teacher).postJson("/api/v1/pupils/" + pupil + "/support-plans",
        plan("DRAFT", fullOutcome(), null)).status()).as("teacher writing").isEqualTo(403);
    assertThat(api(accounts.get("SENCO", otherSchool)).postJson("/api/v1/pupils/" + pupil + "/support-plans",
        plan("DRAFT", fullOutcome(), null)).status()).as("other school writing").isEqualTo(404);
  }

  @Test
  void aReviewClosesTheCycleAndOpensTheNextCarryingOutcomesNotAchieved() {
    String two = fullOutcome() + "," + fullOutcome().replace("Reads the first 100", "Writes the first 50");
    long id = api(senco).postJson("/api/v1/pupils/" + pupil + "/support-plans",
        plan("ACTIVE", two, today.plusMonths(2).toString())).json().get("id").asLong();
    JsonNode outcomes = api(senco).get("/api/v1/support-plans/" + id).json().get("outcomes");
    long achieved = outcomes.get(0).get("id").asLong();
    long partly = outcomes.get(1).get("id").asLong();

    Api.Response review = api(senco).postJson("/api/v1/support-plans/" + id + "/reviews", """
        {"heldOn":"%s","outcomes":[{"outcomeId":%d,"result":"ACHIEVED","evidence":"Read 64 of 100"},
          {"outcomeId":%d,"result":"PARTLY","evidence":"Writes 30 of 50"}],
         "whatWorked":"Daily five-minute practice","pupilView":"I like the word games",
         "parentsView":"Reads signs in town now","decision":"CONTINUE"}""".formatted(today, achieved, partly));
    assertThat(review.status()).as(review.body()).isEqualTo(201);

    JsonNode plan = api(senco).get("/api/v1/support-plans/" + id).json();
    assertThat(plan.get("currentCycle").asInt()).isEqualTo(2);
    assertThat(plan.get("cycles").size()).isEqualTo(2);
    JsonNode first = plan.get("cycles").get(0);
    assertThat(first.get("closedOn").asString()).isEqualTo(today.toString());
    assertThat(first.get("review").get("parentsView").asString()).isEqualTo("Reads signs in town now");
    assertThat(first.get("outcomes").size()).isEqualTo(2);
    assertThat(plan.get("outcomes").size()).as("only the outcome not achieved is carried over").isEqualTo(1);
    assertThat(plan.get("outcomes").get(0).get("description").asString()).startsWith("Writes");
    assertThat(plan.get("reviewDate").asString()).isNotBlank();
    assertThat(LocalDate.parse(plan.get("reviewDate").asString())).isAfter(today);
  }

  @Test
  void aReviewThatMissesAnOutcomeIsRefusedAndTheCycleStaysOpen() {
    long id = api(senco).postJson("/api/v1/pupils/" + pupil + "/support-plans",
        plan("ACTIVE", fullOutcome(), today.plusMonths(2).toString())).json().get("id").asLong();
    Api.Response refused = api(senco).postJson("/api/v1/support-plans/" + id + "/reviews",
        "{\"outcomes\":[],\"decision\":\"LEAVE_REGISTER\"}");
    assertThat(refused.status()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).contains("heldOn", "decisionReason", "outcomes");
    assertThat(api(senco).get("/api/v1/support-plans/" + id).json().get("currentCycle").asInt()).isEqualTo(1);
  }

  @Test
  void aSecondSaveFromAnOlderVersionIsRefusedAndTheFirstIsKept() {
    long id = api(senco).postJson("/api/v1/pupils/" + pupil + "/support-plans",
        plan("DRAFT", fullOutcome(), null)).json().get("id").asLong();
    int version = api(senco).get("/api/v1/support-plans/" + id).json().get("version").asInt();
    String first = "{\"version\":%d,\"wave\":3,\"status\":\"DRAFT\",\"outcomes\":[%s]}".formatted(version,
        fullOutcome());
    String second = "{\"version\":%d,\"wave\":1,\"status\":\"DRAFT\",\"outcomes\":[%s]}".formatted(version,
        fullOutcome());
    assertThat(api(senco).put("/api/v1/support-plans/" + id, first).status()).isEqualTo(200);
    Api.Response conflict = api(senco).put("/api/v1/support-plans/" + id, second);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(api(senco).get("/api/v1/support-plans/" + id).json().get("wave").asInt()).isEqualTo(3);
  }
}
