package org.senda.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.test.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hosting school's SENCO registers a pupil of another school of the trust with its unit, both schools see the
 * pupil on their register, and the registration ends; nobody else may manage it.
 */
@SendaTest
class DualRegistrationIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

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

  String path() {
    return "/schools/" + host() + "/register/dual-registrations";
  }

  Map<String, String> form(String mainSchool, String upn, LocalDate panel, LocalDate starts) {
    Map<String, String> form = new HashMap<>();
    form.put("mainSchoolId", mainSchool);
    form.put("upn", upn);
    form.put("provisionName", "Test language base");
    form.put("hostEnrolment", "S");
    form.put("panelDate.day", String.valueOf(panel.getDayOfMonth()));
    form.put("panelDate.month", String.valueOf(panel.getMonthValue()));
    form.put("panelDate.year", String.valueOf(panel.getYear()));
    form.put("startsOn.day", String.valueOf(starts.getDayOfMonth()));
    form.put("startsOn.month", String.valueOf(starts.getMonthValue()));
    form.put("startsOn.year", String.valueOf(starts.getYear()));
    return form;
  }

  @Test
  void theHostSencoRegistersAPupilOfAnotherSchoolBothSchoolsSeeItAndItEnds() {
    long host = host();
    Map<String, Object> pupil = jdbc.sql("""
        select p.id, p.upn, p.school_id, p.legal_surname from pupil p
        where p.school_id <> ? and p.leaving_date is null
          and not exists (select 1 from dual_registration dr where dr.pupil_id = p.id)
        order by p.id desc limit 1""").param(host).query().singleRow();
    long pupilId = ((Number) pupil.get("id")).longValue();
    long main = ((Number) pupil.get("school_id")).longValue();
    String upn = (String) pupil.get("upn");
    LocalDate today = LocalDate.now(clock);
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", host));
    PageSession.Page before = senco.get(path());
    assertThat(before.status()).isEqualTo(200);

    PageSession.Page empty = senco.post(path(), Map.of("hostEnrolment", ""));
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("Select the school whose roll the pupil is on")
        .contains("Enter the pupil&#39;s unique pupil number (UPN)").contains("Enter the name of the provision")
        .contains("Enter the date of the admission panel");
    PageSession.Page wrongSchool = senco.post(path(),
        form(String.valueOf(host), upn, today.minusDays(7), today));
    assertThat(wrongSchool.body()).contains("Select the school whose roll the pupil is on");
    PageSession.Page unknown = senco.post(path(),
        form(String.valueOf(main), "Z999999999999", today.minusDays(7), today));
    assertThat(unknown.body()).contains("Enter the UPN of a pupil on the roll of").contains("Z999999999999");
    PageSession.Page beforePanel = senco.post(path(),
        form(String.valueOf(main), upn, today.minusDays(7), today.minusDays(8)));
    assertThat(beforePanel.body()).contains("The date the pupil starts must be on or after the panel");
    assertThat(jdbc.sql("select count(*) from dual_registration where pupil_id = ?").param(pupilId)
        .query(Long.class).single()).isZero();

    PageSession.Page saved = senco.post(path(), form(String.valueOf(main), upn, today.minusDays(7), today));
    assertThat(saved.status()).isEqualTo(302);
    assertThat(senco.follow(saved).body()).contains(upn);
    Map<String, Object> row = jdbc.sql("select id, host_enrolment, ends_on, version from dual_registration"
        + " where pupil_id = ? and host_school_id = ?").params(pupilId, host).query().singleRow();
    long id = ((Number) row.get("id")).longValue();
    assertThat(row.get("host_enrolment")).isEqualTo("S");
    assertThat(row.get("ends_on")).isNull();
    assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'dual-registration' and action = 'CREATE'"
        + " and record_id = ?").param(String.valueOf(id)).query(Long.class).single()).isOne();
    assertThat(senco.post(path(), form(String.valueOf(main), upn, today.minusDays(7), today)).body())
        .contains("This pupil is already dual registered with your school");

    // The host sees the register entry; the pupil's own school sees the dual registration.
    assertThat(senco.get("/schools/" + host + "/register?status=all&q=" + upn).body())
        .contains("Dual registered: Test language base").contains("On another school's roll");
    PageSession mainSenco = SESSIONS.of(port, accounts.get("SENCO", main));
    assertThat(mainSenco.get("/schools/" + main + "/register?status=all&q=" + upn).body())
        .contains("Dual registered: Test language base");
    PageSession.Page after = senco.get(path());
    assertThat(after.body()).contains(upn);
    SqlStatements.assertBounded(12, SqlStatements.of(before), SqlStatements.of(after));

    // Ending asks for the last day, today already filled in; what was typed stays when it cannot be the last day.
    String end = path() + "/" + id + "/end";
    assertThat(senco.get(path()).body()).contains(end);
    PageSession.Page question = senco.get(end);
    assertThat(question.status()).isEqualTo(200);
    SqlStatements.assertBounded(10, SqlStatements.of(question));
    assertThat(question.body()).contains("Last day the pupil attends")
        .contains("name=\"lastDay.year\" type=\"text\" inputmode=\"numeric\" value=\"" + today.getYear() + "\"");
    int version = ((Number) row.get("version")).intValue();
    assertThat(senco.post(end, lastDay(null, version)).body()).contains("Enter the last day the pupil attends");
    PageSession.Page notReal = senco.post(end, Map.of("lastDay.day", "31", "lastDay.month", "2",
        "lastDay.year", "2026", "version", String.valueOf(version)));
    assertThat(notReal.status()).isEqualTo(200);
    assertThat(notReal.body()).contains("The last day the pupil attends must be a real date")
        .contains("value=\"31\"").contains("<title>Error: End dual registration");
    assertThat(senco.post(end, lastDay(today.minusDays(1), version)).body())
        .contains("The last day must be on or after the day the pupil started")
        .contains("value=\"" + today.minusDays(1).getDayOfMonth() + "\"");
    assertThat(senco.post(end, lastDay(today.plusYears(1).plusDays(1), version)).body())
        .contains("The last day must be within a year from today")
        .contains("value=\"" + today.plusYears(1).getYear() + "\"");
    assertThat(openRegistrations(id)).isOne();

    // A version someone else has moved on is not overwritten.
    assertThat(senco.post(end, lastDay(today.plusDays(10), version + 5)).status()).isEqualTo(302);
    assertThat(openRegistrations(id)).isOne();
    assertThat(senco.post(end, lastDay(today.plusDays(10), version)).status()).isEqualTo(302);
    assertThat(jdbc.sql("select ends_on from dual_registration where id = ?").param(id).query(LocalDate.class)
        .single()).isEqualTo(today.plusDays(10));
    assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'dual-registration' and action = 'UPDATE'"
        + " and record_id = ?").param(String.valueOf(id)).query(Long.class).single()).isOne();
    // Until the last day the pupil is still on the host's list, without a way to end the registration twice.
    assertThat(senco.get(path()).body()).contains(upn).doesNotContain(end);
    assertThat(senco.post(end, lastDay(today, version + 1)).status()).isEqualTo(302);
    assertThat(jdbc.sql("select ends_on from dual_registration where id = ?").param(id).query(LocalDate.class)
        .single()).isEqualTo(today.plusDays(10));
  }

  static Map<String, String> lastDay(@Nullable LocalDate day, int version) {
    Map<String, String> form = new HashMap<>();
    form.put("lastDay.day", day == null ? "" : String.valueOf(day.getDayOfMonth()));
    form.put("lastDay.month", day == null ? "" : String.valueOf(day.getMonthValue()));
    form.put("lastDay.year", day == null ? "" : String.valueOf(day.getYear()));
    form.put("version", String.valueOf(version));
    return form;
  }

  @Test
  void teachersAndOtherSchoolsCannotManageTheHostsRegistrations() {
    long host = host();
    long other = accounts.schoolIds().stream().filter(id -> id != host).findFirst().orElseThrow();
    long anyRegistration = jdbc.sql("select min(id) from dual_registration where host_school_id = ?"
        + " and ends_on is null").param(host).query(Long.class).single();
    PageSession teacher = SESSIONS.of(port, accounts.get("TEACHER", host));
    assertThat(teacher.get(path()).status()).isEqualTo(403);
    assertThat(teacher.post(path(), Map.of("upn", "x")).status()).isEqualTo(403);
    assertThat(teacher.get(path() + "/" + anyRegistration + "/end").status()).isEqualTo(403);
    assertThat(teacher.post(path() + "/" + anyRegistration + "/end", Map.of("version", "0")).status())
        .isEqualTo(403);
    PageSession otherSenco = SESSIONS.of(port, accounts.get("SENCO", other));
    assertThat(otherSenco.get(path()).status()).isEqualTo(404);
    assertThat(otherSenco.get(path() + "/" + anyRegistration + "/end").status()).isEqualTo(404);
    assertThat(otherSenco.post(path() + "/" + anyRegistration + "/end", Map.of("version", "0")).status())
        .isEqualTo(404);
    // Its own page does not reach another host's registration either.
    assertThat(otherSenco.post("/schools/" + other + "/register/dual-registrations/" + anyRegistration + "/end",
        Map.of("version", "0")).status()).isEqualTo(404);
    assertThat(otherSenco.get("/schools/" + other + "/register/dual-registrations/" + anyRegistration + "/end")
        .status()).isEqualTo(404);
    assertThat(openRegistrations(anyRegistration)).isOne();
  }

  long openRegistrations(long id) {
    return jdbc.sql("select count(*) from dual_registration where id = ? and ends_on is null").param(id)
        .query(Long.class).single();
  }
}
