package org.senda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The support settings page: the plans' name, review interval, meetings a year and the school's glossary. */
@SendaTest
class SupportSettingsIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  private String version(long school) {
    return jdbc.sql("select version from support_setting where school_id = ?").param(school).query(Integer.class)
        .optional().map(String::valueOf).orElse("-1");
  }

  @Test
  void theSencoSavesTheSettingsWithGovukErrorsAndASecondStaleSaveIsRefused() {
    long school = accounts.schoolIds().get(2);
    String path = "/schools/" + school + "/support/settings";
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", school));
    assertThat(senco.get(path).status()).isEqualTo(200);
    assertThat(SESSIONS.of(port, accounts.get("TEACHER", school)).get(path).status()).isEqualTo(403);
    assertThat(SESSIONS.of(port, accounts.get("SENCO", accounts.schoolIds().get(1))).get(path).status())
        .isIn(403, 404);

    String version = version(school);
    PageSession.Page refused = senco.post(path, Map.of("version", version, "planName", "",
        "reviewInterval", "HALF_TERM", "meetingsPerYear", "2"));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("There is a problem", "Enter what your school calls its plans",
        "Meetings a year must be 3 or more");
    assertThat(version(school)).isEqualTo(version);

    Map<String, String> saved = Map.of("version", version, "planName", "My Support Plan",
        "reviewInterval", "HALF_TERM", "meetingsPerYear", "4");
    assertThat(senco.post(path, saved).status()).isEqualTo(302);
    assertThat(jdbc.sql("select plan_name || ' ' || review_interval || ' ' || meetings_per_year from support_setting where school_id = ?")
        .param(school).query(String.class).single()).isEqualTo("My Support Plan HALF_TERM 4");

    PageSession.Page stale = SESSIONS.of(port, accounts.get("HEADTEACHER", school)).post(path,
        Map.of("version", version, "planName", "IEP", "reviewInterval", "TERM", "meetingsPerYear", "3"));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains("Someone else changed this record while you were editing it", "IEP");
    assertThat(jdbc.sql("select plan_name from support_setting where school_id = ?").param(school)
        .query(String.class).single()).isEqualTo("My Support Plan");
  }

  @Test
  void theSchoolAddsChangesAndRemovesItsOwnJargonAndThePlainLanguageCheckUsesIt() {
    long school = accounts.schoolIds().get(2);
    DemoAccounts.Account account = accounts.get("SENCO", school);
    String path = "/schools/" + school + "/support/settings";
    PageSession senco = SESSIONS.of(port, account);
    Api api = new Api(port, account.apiToken());
    String check = "{\"text\":\"She sees the ELSA on Fridays.\",\"schoolId\":" + school + "}";
    assertThat(api.postJson("/api/v1/plain-language/check", check).body()).doesNotContain("ELSA");

    PageSession.Page blank = senco.post(path + "/terms", Map.of("term", "ELSA", "suggestion", ""));
    assertThat(blank.status()).isEqualTo(200);
    assertThat(blank.body()).contains("Enter the plain words to use instead", "value=\"ELSA\"");
    assertThat(senco.post(path + "/terms", Map.of("term", "ELSA",
        "suggestion", "a teaching assistant trained to help with feelings")).status()).isEqualTo(302);
    assertThat(api.postJson("/api/v1/plain-language/check", check).body())
        .contains("a teaching assistant trained to help with feelings");
    PageSession.Page duplicate = senco.post(path + "/terms", Map.of("term", "elsa", "suggestion", "x"));
    assertThat(duplicate.body()).contains("Your glossary already has this term");

    long id = jdbc.sql("select id from plain_language_term where school_id = ? and term = 'ELSA'").param(school)
        .query(Long.class).single();
    Map<String, String> change = new HashMap<>(Map.of("version", "0", "term", "ELSA",
        "suggestion", "an emotional literacy support assistant, who helps children with their feelings"));
    assertThat(senco.get(path + "/terms/" + id).status()).isEqualTo(200);
    assertThat(senco.post(path + "/terms/" + id, change).status()).isEqualTo(302);
    PageSession.Page stale = senco.post(path + "/terms/" + id, change);
    assertThat(stale.body()).contains("Someone else changed this record while you were editing it");
    assertThat(api.postJson("/api/v1/plain-language/check", check).body())
        .contains("an emotional literacy support assistant");

    long sendas = jdbc.sql("select min(id) from plain_language_term where school_id is null").query(Long.class)
        .single();
    assertThat(senco.get(path + "/terms/" + sendas).status()).as("Senda's own list").isEqualTo(404);
    assertThat(SESSIONS.of(port, accounts.get("TEACHER", school)).post(path + "/terms/" + id + "/remove",
        Map.of("version", "1")).status()).isEqualTo(403);
    assertThat(senco.post(path + "/terms/" + id + "/remove", Map.of("version", "1")).status()).isEqualTo(302);
    assertThat(api.postJson("/api/v1/plain-language/check", check).body()).doesNotContain("ELSA");
  }
}
