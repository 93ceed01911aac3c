package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A SENCO takes a cause for concern through evidence and a discussion with the parents to starting SEN support. */
@SendaTest
class ConcernDecisionIntegrationTest {

  private static final Map<String, PageSession> SESSIONS = new ConcurrentHashMap<>();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  long school() {
    return accounts.schoolIds().get(0);
  }

  PageSession page(String role, long schoolId) {
    return SESSIONS.computeIfAbsent(role + "/" + schoolId,
        k -> PageSession.signedIn(port, accounts.get(role, schoolId)));
  }

  long pupilWithoutSen() {
    return jdbc.sql("""
            select max(p.id) from pupil p left join register_entry re on re.pupil_id = p.id
            where p.school_id = ? and p.leaving_date is null
              and (re.pupil_id is null or re.status = 'N' and re.monitor_until is null)
              and not exists (select 1 from concern c where c.pupil_id = p.id)""")
        .param(school()).query(Long.class).single();
  }

  long raiseConcern(long pupilId) {
    Api.Response raised = new Api(port, accounts.get("SENCO", school()).apiToken())
        .postJson("/api/v1/pupils/" + pupilId + "/concerns", """
            {"areas":["COMMUNICATION_AND_INTERACTION"],"evidence":"Hard to follow two-step instructions",
             "triedInClass":"Visual timetable and instructions broken into steps"}""");
    assertThat(raised.status()).isEqualTo(201);
    return raised.json().get("id").asLong();
  }

  Map<String, Object> concernRow(long id) {
    return jdbc.sql("select status, decision, version from concern where id = ?").param(id).query().singleRow();
  }

  String version(long id) {
    return String.valueOf(concernRow(id).get("version"));
  }

  @Test
  void aSencoTakesAConcernThroughADiscussionWithParentsToSenSupport() {
    long pupilId = pupilWithoutSen();
    long concernId = raiseConcern(pupilId);
    String base = "/schools/" + school() + "/concerns/" + concernId;
    PageSession senco = page("SENCO", school());

    PageSession.Page view = senco.get(base);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body()).contains("Hard to follow two-step instructions", "Start gathering evidence");

    assertThat(senco.post(base + "/gather-evidence", Map.of("version", version(concernId))).status()).isEqualTo(302);
    assertThat(concernRow(concernId).get("status")).isEqualTo("GATHERING_EVIDENCE");

    PageSession.Page incomplete = senco.post(base + "/discussion", Map.of("version", version(concernId),
        "heldOn.day", "3", "heldOn.month", "", "heldOn.year", "2026", "attendees", "Mum, class teacher, SENCO"));
    assertThat(incomplete.status()).isEqualTo(200);
    assertThat(incomplete.body()).contains("must include a month", "Enter notes of the discussion",
        "views in their own words", "Enter the next steps you agreed",
        "Mum, class teacher, SENCO");
    assertThat(discussions(concernId)).isZero();

    LocalDate today = LocalDate.now(clock);
    PageSession.Page recorded = senco.post(base + "/discussion", Map.of("version", version(concernId),
        "heldOn.day", String.valueOf(today.getDayOfMonth()), "heldOn.month", String.valueOf(today.getMonthValue()),
        "heldOn.year", String.valueOf(today.getYear()), "attendees", "Mum, class teacher, SENCO",
        "notes", "Talked about what we see in class", "parentViews", "\"He gets cross when he can't say it\"",
        "nextSteps", "Speech and language screening; meet again in six weeks"));
    assertThat(recorded.status()).isEqualTo(302);
    assertThat(discussions(concernId)).isEqualTo(1);
    assertThat(concernRow(concernId).get("status")).isEqualTo("PARENT_DISCUSSION");
    assertThat(senco.get(base).body()).contains("He gets cross when he can");

    PageSession.Page noDecision = senco.post(base + "/decision", Map.of("version", version(concernId)));
    assertThat(noDecision.body()).contains("Select a decision", "Enter the reason for the decision");
    PageSession.Page noNeed = senco.post(base + "/decision", Map.of("version", version(concernId),
        "decision", "START_SEN_SUPPORT", "primaryNeed", "", "reason", ""));
    assertThat(noNeed.status()).isEqualTo(200);
    assertThat(noNeed.body()).contains("Select the pupil", "Enter the reason for the decision");
    assertThat(concernRow(concernId).get("status")).isEqualTo("PARENT_DISCUSSION");
    assertThat(registerChanges(pupilId)).isZero();

    PageSession.Page decided = senco.post(base + "/decision", Map.of("version", version(concernId),
        "decision", "START_SEN_SUPPORT", "primaryNeed", "SLCN",
        "reason", "Screening shows a language difficulty; parents agree"));
    assertThat(decided.status()).isEqualTo(302);
    assertThat(concernRow(concernId)).containsEntry("status", "DECIDED").containsEntry("decision", "START_SEN_SUPPORT");

    JsonNode history = new Api(port, accounts.get("SENCO", school()).apiToken())
        .get("/api/v1/pupils/" + pupilId + "/send-status/history").json();
    assertThat(history.get(0).get("status").asString()).isEqualTo("K");
    assertThat(history.get(0).get("reason").asString()).isEqualTo("Screening shows a language difficulty; parents agree");
    assertThat(history.get(0).get("needs").get(0).asString()).isEqualTo("SLCN");

    PageSession.Page again = senco.post(base + "/decision", Map.of("version", version(concernId),
        "decision", "NO_FURTHER_ACTION", "reason", "Changed my mind"));
    assertThat(again.body()).contains("already been decided");
  }

  @Test
  void monitoringNeedsAReviewDateInTheFuture() {
    long concernId = raiseConcern(pupilWithoutSen());
    String base = "/schools/" + school() + "/concerns/" + concernId;
    PageSession.Page missing = page("SENCO", school()).post(base + "/decision", Map.of("version", version(concernId),
        "decision", "MONITOR", "reason", "Watch progress this term"));
    assertThat(missing.status()).isEqualTo(200);
    assertThat(missing.body()).contains("Enter the review date", "Watch progress this term");

    LocalDate review = LocalDate.now(clock).plusMonths(2);
    PageSession.Page decided = page("SENCO", school()).post(base + "/decision", Map.of("version", version(concernId),
        "decision", "MONITOR", "reason", "Watch progress this term", "reviewOn.day",
        String.valueOf(review.getDayOfMonth()), "reviewOn.month", String.valueOf(review.getMonthValue()),
        "reviewOn.year", String.valueOf(review.getYear())));
    assertThat(decided.status()).isEqualTo(302);
    assertThat(jdbc.sql("select review_on from concern where id = ?").param(concernId).query(LocalDate.class)
        .single()).isEqualTo(review);
  }

  @Test
  void onlyTheSencoOfTheSchoolMayTriage() {
    long pupilId = pupilWithoutSen();
    long concernId = raiseConcern(pupilId);
    String base = "/schools/" + school() + "/concerns/" + concernId;

    assertThat(page("TEACHER", school()).get(base).status()).isEqualTo(403);
    assertThat(page("TEACHER", school()).post(base + "/decision", Map.of("version", version(concernId),
        "decision", "NO_FURTHER_ACTION", "reason", "No")).status()).isEqualTo(403);
    long other = accounts.schoolIds().get(1);
    assertThat(page("SENCO", other).get(base).status()).isEqualTo(404);
    assertThat(page("SENCO", other).get("/schools/" + other + "/concerns/" + concernId).status()).isEqualTo(404);
    assertThat(page("SENCO", other).post("/schools/" + other + "/concerns/" + concernId + "/decision",
        Map.of("version", version(concernId), "decision", "NO_FURTHER_ACTION", "reason", "No")).status())
        .isEqualTo(404);
    assertThat(concernRow(concernId).get("status")).isEqualTo("RAISED");
  }

  @Test
  void aStaleFormIsRefused() {
    long concernId = raiseConcern(pupilWithoutSen());
    String base = "/schools/" + school() + "/concerns/" + concernId;
    PageSession.Page stale = page("SENCO", school()).post(base + "/decision", Map.of("version", "7",
        "decision", "NO_FURTHER_ACTION", "reason", "Progress is fine"));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(concernRow(concernId).get("status")).isEqualTo("RAISED");
  }

  long discussions(long concernId) {
    return jdbc.sql("select count(*) from parent_discussion where concern_id = ?").param(concernId)
        .query(Long.class).single();
  }

  long registerChanges(long pupilId) {
    return jdbc.sql("select count(*) from register_change where pupil_id = ? and status = 'K'").param(pupilId)
        .query(Long.class).single();
  }
}
