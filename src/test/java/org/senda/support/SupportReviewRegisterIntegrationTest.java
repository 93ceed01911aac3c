package org.senda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.senda.register.Register;
import org.senda.register.SendStatus;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A review that decides the pupil leaves the register records it on the register, with the reason. */
@SendaTest
class SupportReviewRegisterIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  @Autowired
  Register register;

  private long pupilWithStatus(long school, String status) {
    return jdbc.sql("""
            select max(e.pupil_id) from register_entry e join pupil p on p.id = e.pupil_id
            where e.school_id = ? and e.status = ? and p.leaving_date is null""")
        .params(school, status).query(Long.class).single();
  }

  private long[] planWithOneOutcome(Api api, long pupil, LocalDate today) {
    long plan = api.postJson("/api/v1/pupils/" + pupil + "/support-plans", """
        {"outcomes":[{"description":"Joins group work","measure":"Lessons joined in a week","baseline":"1 of 5",
        "target":"4 of 5","targetDate":"%s"}],"wave":2,"reviewDate":"%s","status":"ACTIVE"}"""
        .formatted(today.plusMonths(3), today.plusMonths(2))).json().get("id").asLong();
    long outcome = api.get("/api/v1/support-plans/" + plan).json().get("outcomes").get(0).get("id").asLong();
    return new long[] {plan, outcome};
  }

  private static String leave(LocalDate heldOn, long outcome, String reason) {
    return """
        {"heldOn":"%s","outcomes":[{"outcomeId":%d,"result":"ACHIEVED","evidence":"5 of 5 for six weeks"}],
         "pupilView":"I like working with Sam","parentsView":"Much happier about school","decision":"LEAVE_REGISTER",
         "decisionReason":"%s"}""".formatted(heldOn, outcome, reason);
  }

  @Test
  void leavingTheRegisterAtAReviewRecordsNoSenOnTheRegisterWithTheReasonAndClosesThePlan() {
    long school = accounts.schoolIds().get(1);
    LocalDate today = LocalDate.now(clock);
    long pupil = pupilWithStatus(school, "K");
    Api api = new Api(port, accounts.get("SENCO", school).apiToken());
    long[] plan = planWithOneOutcome(api, pupil, today);

    Api.Response missingReason = api.postJson("/api/v1/support-plans/" + plan[0] + "/reviews",
        leave(today, plan[1], ""));
    assertThat(missingReason.status()).isEqualTo(422);
    assertThat(missingReason.body()).contains("decisionReason");
    assertThat(register.statusOf(pupil)).isEqualTo(SendStatus.K);

    String reason = "Outcomes met; progress in line with peers without extra help";
    Api.Response review = api.postJson("/api/v1/support-plans/" + plan[0] + "/reviews", leave(today, plan[1], reason));
    assertThat(review.status()).as(review.body()).isEqualTo(201);
    assertThat(register.statusOf(pupil)).isEqualTo(SendStatus.N);
    assertThat(jdbc.sql("""
            select reason from register_change where pupil_id = ? and status = 'N' order by id desc""")
        .param(pupil).query(String.class).list().getFirst()).isEqualTo(reason);
    assertThat(jdbc.sql("""
            select review_date from register_change where pupil_id = ? and status = 'N' order by id desc""")
        .param(pupil).query(LocalDate.class).list().getFirst()).as("the review that decided it").isEqualTo(today);
    assertThat(api.get("/api/v1/support-plans/" + plan[0]).json().get("status").asString()).isEqualTo("CLOSED");
  }

  @Test
  void aPupilWithAnEhcPlanCannotLeaveTheRegisterAtASupportReviewAndNothingIsWritten() {
    long school = accounts.schoolIds().get(1);
    LocalDate today = LocalDate.now(clock);
    long pupil = pupilWithStatus(school, "E");
    Api api = new Api(port, accounts.get("SENCO", school).apiToken());
    long[] plan = planWithOneOutcome(api, pupil, today);
    int changes = jdbc.sql("select count(*) from register_change where pupil_id = ?").param(pupil)
        .query(Integer.class).single();

    Api.Response refused = api.postJson("/api/v1/support-plans/" + plan[0] + "/reviews",
        leave(today, plan[1], "Doing well"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("\"decision\"", "EHC plan");
    assertThat(register.statusOf(pupil)).isEqualTo(SendStatus.E);
    assertThat(jdbc.sql("select count(*) from register_change where pupil_id = ?").param(pupil)
        .query(Integer.class).single()).isEqualTo(changes);
    assertThat(jdbc.sql("select count(*) from support_review where plan_id = ?").param(plan[0])
        .query(Integer.class).single()).isZero();
  }
}
