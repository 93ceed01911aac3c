package org.senda.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senda.access.Accounts;
import org.senda.access.StaffAccounts;
import org.senda.access.StaffAccounts.Person;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SendaTest
class SessionsIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  @Autowired
  DemoAccounts demo;

  @Value("${senda.session.idle-timeout}")
  Duration idleTimeout;

  @Test
  void signOutEndsTheSession() {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    PageSession session = PageSession.signedIn(port, StaffAccounts.account(person));
    session.get("/account");
    PageSession.Page out = session.post("/sign-out", Map.of());
    assertThat(out.location()).endsWith("/sign-in?signedOut");
    assertThat(session.get("/account").location()).endsWith("/sign-in");
    assertThat(sessionsOf(person)).isZero();
  }

  @Test
  void signOutEverywhereEndsTheOtherSessionsToo() {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    PageSession laptop = PageSession.signedIn(port, StaffAccounts.account(person));
    PageSession phone = PageSession.signedIn(port, StaffAccounts.account(person));
    Person someoneElse = new StaffAccounts(jdbc, accounts).enrolled();
    PageSession other = PageSession.signedIn(port, StaffAccounts.account(someoneElse));
    assertThat(sessionsOf(person)).isEqualTo(2);
    assertThat(laptop.get("/account").body()).contains("You are signed in on 2 devices or browsers");

    PageSession.Page out = laptop.post("/account/sign-out-everywhere", Map.of());
    assertThat(out.location()).endsWith("/sign-in?signedOutEverywhere");
    assertThat(phone.get("/account").location()).endsWith("/sign-in");
    assertThat(laptop.get("/account").location()).endsWith("/sign-in");
    assertThat(sessionsOf(person)).isZero();
    // Nobody else is signed out.
    assertThat(other.get("/account").status()).isEqualTo(200);
  }

  @Test
  void aSessionEndsAfterTheIdleTimeout() {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    PageSession session = PageSession.signedIn(port, StaffAccounts.account(person));
    assertThat(session.get("/account").status()).isEqualTo(200);
    assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
        .param(String.valueOf(person.accountId())).query(Integer.class).single()).isEqualTo((int) idleTimeout.toSeconds());

    // As if the person had left the page open past the idle timeout (sessions expire on the database's record
    // of the last request, which any node may have served).
    long longAgo = System.currentTimeMillis() - idleTimeout.toMillis() - 1_000;
    jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where principal_name = ?")
        .params(longAgo, longAgo + idleTimeout.toMillis(), String.valueOf(person.accountId()))
        .update();
    assertThat(session.get("/account").location()).endsWith("/sign-in");
  }

  @Test
  void anApiCallWithATokenLeavesTheSessionItCarriesSignedIn() {
    DemoAccounts.Account senco = demo.get("SENCO", demo.schoolIds().getFirst());
    PageSession session = PageSession.signedIn(port, senco);
    assertThat(session.get("/account").status()).isEqualTo(200);

    PageSession.Page api = session.get("/api/v1/schools",
        Map.of("Authorization", "Bearer " + senco.apiToken(), "Accept", "application/json"));

    assertThat(api.status()).isEqualTo(200);
    assertThat(api.header("Set-Cookie")).as("a token call starts or renames no session").isEmpty();
    assertThat(session.get("/account").status()).as("still signed in to the pages").isEqualTo(200);
  }

  private int sessionsOf(Person person) {
    return jdbc.sql("select count(*) from spring_session where principal_name = ?")
        .param(String.valueOf(person.accountId()))
        .query(Integer.class).single();
  }
}
