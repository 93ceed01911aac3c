package org.senda.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.web.ConcurrentEdit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/** The school's monitoring period: SENCO and headteacher set it, with validation, optimistic locking and audit. */
@SendaTest
class MonitoringPeriodIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  long school() {
    return accounts.schoolIds().get(2);
  }

  String path() {
    return "/schools/" + school() + "/register/monitoring-period";
  }

  int months() {
    return jdbc.sql("select monitoring_months from register_setting where school_id = ?").param(school())
        .query(Integer.class).single();
  }

  int version() {
    return jdbc.sql("select version from register_setting where school_id = ?").param(school())
        .query(Integer.class).single();
  }

  @Test
  void theSencoChangesThePeriodAndAStaleFormIsRefused() {
    int before = months();
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", school()));
    try {
      PageSession.Page form = senco.get(path());
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body()).contains("Monitoring period in months").contains("value=\"" + before + "\"");
      int seen = version();

      PageSession.Page blank = senco.post(path(), Map.of("months", "", "version", String.valueOf(seen)));
      assertThat(blank.status()).isEqualTo(200);
      assertThat(blank.body()).contains("Enter the monitoring period in months");
      PageSession.Page words = senco.post(path(), Map.of("months", "six", "version", String.valueOf(seen)));
      assertThat(words.body()).contains("Monitoring period must be a whole number of months").contains("value=\"six\"");
      PageSession.Page tooLong = senco.post(path(), Map.of("months", "36", "version", String.valueOf(seen)));
      assertThat(tooLong.body()).contains("Monitoring period must be between 1 and 24 months");
      assertThat(months()).isEqualTo(before);

      int chosen = before == 9 ? 10 : 9;
      PageSession.Page saved = senco.post(path(), Map.of("months", String.valueOf(chosen), "version",
          String.valueOf(seen)));
      assertThat(saved.status()).isEqualTo(302);
      assertThat(months()).isEqualTo(chosen);
      assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'register-setting' and school_id = ?"
          + " and detail = ?").params(school(), "monitoring period " + chosen + " months").query(Long.class).single())
          .isPositive();

      // Someone saved meanwhile: the form the person still has is refused and nothing changes.
      PageSession.Page stale = senco.post(path(), Map.of("months", "3", "version", String.valueOf(seen)));
      assertThat(stale.status()).isEqualTo(200);
      assertThat(stale.body()).contains(HtmlUtils.htmlEscape(ConcurrentEdit.MESSAGE));
      assertThat(months()).isEqualTo(chosen);
    } finally {
      jdbc.sql("update register_setting set monitoring_months = ? where school_id = ?").params(before, school())
          .update();
    }
  }

  @Test
  void onlyTheSchoolsSencoAndHeadteacherMayChangeIt() {
    assertThat(SESSIONS.of(port, accounts.get("HEADTEACHER", school())).get(path()).status())
        .isEqualTo(200);
    PageSession teacher = SESSIONS.of(port, accounts.get("TEACHER", school()));
    assertThat(teacher.get(path()).status()).isEqualTo(403);
    assertThat(teacher.post(path(), Map.of("months", "3", "version", String.valueOf(version()))).status())
        .isEqualTo(403);
    PageSession otherSenco = SESSIONS.of(port, accounts.get("SENCO", accounts.schoolIds().get(1)));
    assertThat(otherSenco.get(path()).status()).isEqualTo(404);
    assertThat(otherSenco.post(path(), Map.of("months", "3", "version", String.valueOf(version()))).status())
        .isEqualTo(404);
  }
}
