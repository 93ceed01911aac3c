package org.senda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo trust's SEN support, as the SENCO finds it: plans with history, passports, meetings, some overdue. */
@SendaTest
class SupportDemoIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  private int count(String sql) {
    return jdbc.sql(sql).param("recent", java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(7))))
        .query(Integer.class).single();
  }

  @Test
  void everyDemoPupilOnSenSupportHasAPassportAndAPlanWithTwoOrThreeCyclesReviewedWithParentsAndPupils() {
    // Pupils the demo put on SEN support, as the demo left them: tests record register changes and plan reviews
    // today (a review moves the plan to its next cycle), the demo's are at least a fortnight old.
    String demoPupils = """
        select e.pupil_id from register_entry e where e.status = 'K' and not exists (
          select 1 from register_change c where c.pupil_id = e.pupil_id and c.changed_at > :recent)
        and not exists (
          select 1 from support_review r join support_plan p on p.id = r.plan_id
          where p.pupil_id = e.pupil_id and r.recorded_at > :recent)""";
    int onSupport = count("select count(*) from (" + demoPupils + ") k");
    assertThat(onSupport).isGreaterThan(30);
    assertThat(count("select count(distinct pupil_id) from pupil_passport where pupil_contributed_on is not null "
        + "and pupil_id in (" + demoPupils + ")")).isEqualTo(onSupport);
    assertThat(count("select count(distinct pupil_id) from support_plan where status = 'ACTIVE' "
        + "and current_cycle between 2 and 3 and pupil_id in (" + demoPupils + ")")).isEqualTo(onSupport);
    assertThat(count("select count(*) from support_review r join support_plan p on p.id = r.plan_id "
        + "where p.pupil_id in (" + demoPupils + ") and (r.pupil_view is null or r.parents_view is null)")).isZero();
    assertThat(count("select count(*) from support_review r join support_plan p on p.id = r.plan_id "
        + "where p.pupil_id in (" + demoPupils + ")")).isGreaterThanOrEqualTo(onSupport);
    assertThat(count("select count(*) from support_meeting where held_on is not null and parents_view is not null "
        + "and pupil_id in (" + demoPupils + ")")).isGreaterThanOrEqualTo(2 * onSupport);
  }

  @Test
  void theSencoFindsSomeReviewsAndMeetingsOverdue() {
    long school = accounts.schoolIds().getFirst();
    LocalDate today = LocalDate.now(clock);
    assertThat(jdbc.sql("""
            select count(*) from support_meeting where school_id = ? and held_on is null and scheduled_on < ?""")
        .params(school, today).query(Integer.class).single()).isPositive();
    PageSession.Page page = SESSIONS.of(port, accounts.get("SENCO", school))
        .get("/schools/" + school + "/support/overdue");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("No pupil is overdue a meeting")
        .doesNotContain("Every active plan has been reviewed by its review date");
  }
}
