package org.senda.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.test.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SendaTest
class SqlStatementsIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Test
  void aNewVisitorsFirstPageRunsTheStatementsThatSaveItsSession() {
    // The accessibility statement reads nothing; the CSRF token in the layout starts a session, which Spring Session
    // JDBC saves once the page has rendered: one insert of the session and one (batched) insert of its attributes.
    PageSession.Page first = new PageSession(port).get("/accessibility");
    PageSession.Page second = new PageSession(port).get("/accessibility");

    assertThat(first.status()).isEqualTo(200);
    assertThat(SqlStatements.of(first)).isEqualTo(2);
    SqlStatements.assertBounded(2, SqlStatements.of(first), SqlStatements.of(second));
  }

  @Test
  void theSchoolsApiRunsABoundedNumberOfStatementsWhateverTheSchool() {
    List<Long> schools = accounts.schoolIds();
    // Warm-up: a token's first use in a minute also records when it was last used (one more statement).
    for (String token : List.of(accounts.get("SENCO", schools.getFirst()).apiToken(),
        accounts.get("SENCO", schools.getLast()).apiToken(), accounts.get("TRUST_SEND_LEAD", null).apiToken())) {
      new Api(port, token).get("/api/v1/schools");
    }
    int first = SqlStatements.of(new Api(port, accounts.get("SENCO", schools.getFirst()).apiToken())
        .get("/api/v1/schools"));
    int last = SqlStatements.of(new Api(port, accounts.get("SENCO", schools.getLast()).apiToken())
        .get("/api/v1/schools"));
    int trust = SqlStatements.of(new Api(port, accounts.get("TRUST_SEND_LEAD", null).apiToken())
        .get("/api/v1/schools"));

    // Token, account, roles, the schools: a trust-wide role also asks for its trust's schools.
    SqlStatements.assertBounded(5, first, last);
    assertThat(trust).isBetween(first, 6);
  }

  @Test
  void aSignedInRequestReadsItsSessionOnceAndSavesItOnce() {
    // Spring Session saves a session when the response is committed and again when the request ends, and looks it up
    // again in between: that look-up is answered from the session just saved, not from the database.
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", accounts.schoolIds().getFirst()));
    senco.get("/actuator/health");
    PageSession.Page health = senco.get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(SqlStatements.of(health)).as("the session read, then its last access saved").isEqualTo(2);
    assertThat(senco.get("/account").status()).as("still signed in").isEqualTo(200);
  }

  @Test
  void requestsThatTouchNoDatabaseCountNone() {
    Api anonymous = new Api(port, null);
    assertThat(SqlStatements.of(anonymous.get("/actuator/health/liveness"))).isZero();
    assertThat(SqlStatements.of(new PageSession(port).get("/css/senda.css"))).isZero();
  }

  @Test
  void aRedirectCarriesTheStatementsOfTheRequestThatSentIt() {
    PageSession.Page redirect = new PageSession(port).get("/");

    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.location()).endsWith("/sign-in");
    assertThat(SqlStatements.of(redirect)).as("the saved request goes into a new session").isPositive();
  }

  @Test
  void aPageLargerThanTheResponseBufferIsHeldBackWholeWithItsLengthAndStatements() {
    // The register of the largest demo school is written in thousands of pieces, well past Tomcat's 8 KB buffer;
    // the held-back body must reach the browser whole, in UTF-8, and its count must include what ran while rendering.
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", accounts.schoolIds().getFirst()));
    PageSession.Page register = senco.get("/schools/" + accounts.schoolIds().getFirst() + "/register");

    assertThat(register.status()).isEqualTo(200);
    byte[] bytes = register.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(bytes.length).isGreaterThan(16 * 1024);
    assertThat(register.header("Content-Length")).hasValue(String.valueOf(bytes.length));
    assertThat(register.body()).startsWith("<!DOCTYPE html>").contains("</footer>").endsWith("</html>\n");
    assertThat(SqlStatements.of(register)).as("the session, the page's queries and its save").isGreaterThan(3);
  }

  /** A line of the metric for GET /accessibility, whatever the order of its labels. */
  private static String sample(String series, String label) {
    return "(?m)^senda_sql_statements_" + series + "\\{(?=[^}]*method=\"GET\")(?=[^}]*uri=\"/accessibility\")"
        + label + "[^}]*} ";
  }

  @Test
  void theStatementsOfEachRequestArePublishedAsAMetric() {
    new PageSession(port).get("/accessibility");

    String metrics = OperationsIntegrationTest.scrape(port).body();

    assertThat(metrics)
        .containsPattern(sample("count", "") + "[1-9]")
        .containsPattern(sample("sum", "") + "[1-9]")
        .as("the bucket of requests that ran at most two statements")
        .containsPattern(sample("bucket", "(?=[^}]*le=\"2\\.0\")") + "[1-9]");
  }
}
