package org.senda.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.senda.access.AccessEvent;
import org.senda.access.Accounts;
import org.senda.access.StaffAccounts;
import org.senda.access.StaffAccounts.Person;
import org.senda.access.Totp;
import org.senda.test.MutableClock;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SendaTest
@RecordApplicationEvents
class SignInIntegrationTest {

  private static final Pattern ERROR_SUMMARY =
      Pattern.compile("<div class=\"govuk-error-summary\".*?</ul>", Pattern.DOTALL);

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  @Autowired
  SignIn signIn;

  @Autowired
  MutableClock clock;

  @Autowired
  ApplicationEvents events;

  @AfterEach
  void clockBackToNow() {
    clock.resume();
  }

  private StaffAccounts staff() {
    return new StaffAccounts(jdbc, accounts);
  }

  private String codeNow(Person person) {
    return Totp.code(person.secret(), Totp.stepAt(clock.instant()));
  }

  @Test
  void signsInWithPasswordAndCodeAndSeesTheAccountPage() {
    Person person = staff().enrolled();
    PageSession session = PageSession.signedIn(port, StaffAccounts.account(person));

    PageSession.Page account = session.get("/account");
    assertThat(account.status()).isEqualTo(200);
    assertThat(account.body()).contains(person.email()).contains("Test School").contains("SENCO");
    assertThat(account.body()).contains("<title>Your account - Senda</title>");
  }

  @Test
  void wrongPasswordWrongCodeAndUnknownEmailGiveTheSameMessage() {
    Person person = staff().enrolled();
    List<String> summaries = List.of(
        Map.of("email", person.email(), "password", "not the password", "code", codeNow(person)),
        Map.of("email", person.email(), "password", person.password(), "code", "000000"),
        Map.of("email", "nobody-" + person.email(), "password", person.password(), "code", codeNow(person)))
        .stream()
        .map(fields -> {
          PageSession session = new PageSession(port);
          session.get("/sign-in");
          PageSession.Page page = session.post("/sign-in", fields);
          assertThat(page.status()).isEqualTo(200);
          Matcher summary = ERROR_SUMMARY.matcher(page.body());
          assertThat(summary.find()).isTrue();
          return summary.group();
        })
        .toList();

    assertThat(summaries.getFirst()).contains(SignInController.REFUSED);
    assertThat(summaries).allMatch(summaries.getFirst()::equals);
  }

  @Test
  void aCodeIsAcceptedOnlyOnce() {
    Person person = staff().enrolled();
    clock.setTo(Instant.now());
    String code = codeNow(person);

    assertThat(signIn.attempt(person.email(), person.password(), code, "127.0.0.1"))
        .isInstanceOf(SignIn.Outcome.SignedIn.class);
    assertThat(signIn.attempt(person.email(), person.password(), code, "127.0.0.1"))
        .isInstanceOf(SignIn.Outcome.Refused.class);
    // Still refused a moment later within the same 30 seconds, and over HTTP too.
    clock.advance(Duration.ofSeconds(2));
    PageSession session = new PageSession(port);
    session.get("/sign-in");
    PageSession.Page page = session.post("/sign-in",
        Map.of("email", person.email(), "password", person.password(), "code", code));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(SignInController.REFUSED);
    // The next code works.
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    assertThat(signIn.attempt(person.email(), person.password(), codeNow(person), "127.0.0.1"))
        .isInstanceOf(SignIn.Outcome.SignedIn.class);
  }

  @Test
  void repeatedFailuresDelayThenLockTheAccountAndTheLockIsAnnounced() {
    Person person = staff().enrolled();
    clock.setTo(Instant.now());
    for (int i = 0; i < 3; i++) {
      assertThat(signIn.attempt(person.email(), "wrong " + i, codeNow(person), "127.0.0.1"))
          .isInstanceOf(SignIn.Outcome.Refused.class);
    }
    // After three failures the account waits 5 seconds: even the right password and code are refused.
    assertThat(signIn.attempt(person.email(), person.password(), codeNow(person), "127.0.0.1"))
        .isInstanceOf(SignIn.Outcome.Refused.class);
    assertThat(staff().failedAttempts(person.accountId())).isEqualTo(3);
    clock.advance(Duration.ofSeconds(6));
    assertThat(signIn.attempt(person.email(), person.password(), codeNow(person), "127.0.0.1"))
        .isInstanceOf(SignIn.Outcome.SignedIn.class);
    assertThat(staff().failedAttempts(person.accountId())).isZero();

    // Ten failures in a row, each after its delay, lock the account for 30 minutes.
    for (int failure = 1; failure <= 10; failure++) {
      clock.advance(Duration.ofSeconds(5L << Math.max(0, failure - 3)).plusSeconds(1));
      assertThat(signIn.attempt(person.email(), "wrong", "123456", "127.0.0.1"))
          .isInstanceOf(SignIn.Outcome.Refused.class);
    }
    Instant lockedUntil = staff().lockedUntil(person.accountId());
    // H2 rounds to the microsecond where PostgreSQL truncates: compare to the millisecond.
    assertThat(lockedUntil).isCloseTo(clock.instant().plus(Duration.ofMinutes(30)),
        org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
    assertThat(events.stream(AccessEvent.class)
        .filter(e -> e.kind() == AccessEvent.Kind.ACCOUNT_LOCKED && person.email().equals(e.email())))
        .singleElement()
        .satisfies(e -> assertThat(e.accountId()).isEqualTo(person.accountId()));

    // The right password and code during the lock: refused, with the same message as any failure.
    clock.advance(Duration.ofMinutes(29));
    assertThat(signIn.attempt(person.email(), person.password(), codeNow(person), "127.0.0.1"))
        .isInstanceOf(SignIn.Outcome.Refused.class);
    PageSession session = new PageSession(port);
    session.get("/sign-in");
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    PageSession.Page page = session.post("/sign-in",
        Map.of("email", person.email(), "password", person.password(), "code", codeNow(person)));
    assertThat(page.body()).contains(SignInController.REFUSED);

    // When the lock ends, the right password and code work again.
    clock.advance(Duration.ofMinutes(2));
    assertThat(signIn.attempt(person.email(), person.password(), codeNow(person), "127.0.0.1"))
        .isInstanceOf(SignIn.Outcome.SignedIn.class);
  }

  @Test
  void anAddressWithTooManyFailuresIsRefusedWhateverItTries() {
    Person person = staff().enrolled();
    clock.setTo(Instant.now());
    String guessing = "203.0.113." + (1 + (int) (person.accountId() % 250));
    for (int i = 0; i < 100; i++) {
      jdbc.sql("insert into sign_in_failure (ip_address, failed_at) values (?, ?)")
          .params(guessing, Timestamp.from(clock.instant().minusSeconds(60)))
          .update();
    }
    assertThat(signIn.attempt(person.email(), person.password(), codeNow(person), guessing))
        .isInstanceOf(SignIn.Outcome.Refused.class);
    // The account itself is not held responsible: from another address it signs in.
    assertThat(signIn.attempt(person.email(), person.password(), codeNow(person), "198.51.100.1"))
        .isInstanceOf(SignIn.Outcome.SignedIn.class);
    // After the 15-minute window the address may try again.
    clock.advance(Duration.ofMinutes(15));
    assertThat(signIn.attempt(person.email(), person.password(), codeNow(person), guessing))
        .isInstanceOf(SignIn.Outcome.SignedIn.class);
  }

  @Test
  void failuresAreCountedPerAddressInTheDatabase() {
    Person person = staff().enrolled();
    String address = "192.0.2." + (1 + (int) (person.accountId() % 250));
    signIn.attempt(person.email(), "wrong", "123456", address);
    signIn.attempt("nobody-" + person.email(), "wrong", "123456", address);
    assertThat(jdbc.sql("select count(*) from sign_in_failure where ip_address = ?").param(address)
        .query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void aDeactivatedMemberOfStaffIsRefusedWithTheSameMessageAndTheRefusalIsLogged() {
    Person person = staff().enrolled();
    Person colleague = staff().enrolled();
    jdbc.sql("update staff set active = false where id = ?").param(person.staffId()).update();
    String rightEverything = codeNow(person);

    List<String> summaries = List.of(
        Map.of("email", person.email(), "password", person.password(), "code", rightEverything),
        Map.of("email", colleague.email(), "password", "not the password", "code", codeNow(colleague)))
        .stream()
        .map(fields -> {
          PageSession session = new PageSession(port);
          session.get("/sign-in");
          PageSession.Page page = session.post("/sign-in", fields);
          assertThat(page.status()).isEqualTo(200);
          assertThat(session.get("/account").status()).isEqualTo(302);
          Matcher summary = ERROR_SUMMARY.matcher(page.body());
          assertThat(summary.find()).isTrue();
          return summary.group();
        })
        .toList();
    assertThat(summaries.getFirst()).contains(SignInController.REFUSED);
    assertThat(summaries.getLast()).isEqualTo(summaries.getFirst());
    assertThat(jdbc.sql("""
            select count(*) from audit_entry
            where action = 'SIGN_IN_FAILED' and actor_account_id = ? and detail like '%deactivated%'""")
        .param(person.accountId()).query(Long.class).single()).isEqualTo(1);

    // Not yet enrolled in MFA: no half-way session in which to enrol either.
    Person newcomer = staff().notEnrolled(org.senda.access.Role.TEACHER);
    jdbc.sql("update staff set active = false where id = ?").param(newcomer.staffId()).update();
    PageSession session = new PageSession(port);
    session.get("/sign-in");
    PageSession.Page page = session.post("/sign-in",
        Map.of("email", newcomer.email(), "password", newcomer.password(), "code", ""));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(SignInController.REFUSED);
    assertThat(session.get("/mfa/enrol").status()).isEqualTo(302);

    // Reactivated, the same person signs in again.
    jdbc.sql("update staff set active = true where id = ?").param(person.staffId()).update();
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    assertThat(signIn.attempt(person.email(), person.password(), codeNow(person), "127.0.0.1"))
        .isInstanceOf(SignIn.Outcome.SignedIn.class);
  }
}
