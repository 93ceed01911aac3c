package org.senda.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.senda.access.AccessEvent;
import org.senda.access.Role;
import org.senda.access.StaffAccounts;
import org.senda.access.StaffAccounts.Person;
import org.senda.access.Totp;
import org.senda.test.PageSession;

class MfaEnrolmentIntegrationTest extends AccountIntegrationTest {

  private static final Pattern MANUAL_KEY = Pattern.compile("id=\"manual-key\">([A-Z2-7 ]+)<");
  private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

  @Test
  void firstSignInEnrolsTheAppShowsRecoveryCodesOnceAndTheyWorkOnce() {
    Person person = new StaffAccounts(jdbc, accounts).notEnrolled(Role.TEACHER);
    clock.setTo(Instant.now());
    PageSession session = new PageSession(port);
    session.get("/sign-in");
    PageSession.Page afterPassword = session.post("/sign-in",
        Map.of("email", person.email(), "password", person.password(), "code", ""));
    assertThat(afterPassword.location()).endsWith("/mfa/enrol");
    // Half signed in: nothing else is open yet.
    assertThat(session.get("/account").status()).isEqualTo(403);

    PageSession.Page enrol = session.get("/mfa/enrol");
    assertThat(enrol.status()).isEqualTo(200);
    assertThat(enrol.body()).contains("<svg").contains("role=\"img\"").doesNotContain("style=");
    Matcher key = MANUAL_KEY.matcher(enrol.body());
    assertThat(key.find()).isTrue();
    assertThat(key.group(1)).matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
    String secret = key.group(1).replace(" ", "");
    // The same secret on a second look: it waits in the session until confirmed.
    assertThat(session.get("/mfa/enrol").body()).contains(key.group(1));

    PageSession.Page wrong = session.post("/mfa/enrol", Map.of("code", "12345"));
    assertThat(wrong.body()).contains("The security code must be 6 numbers");
    String code = Totp.code(secret, Totp.stepAt(clock.instant()));
    PageSession.Page done = session.post("/mfa/enrol", Map.of("code", code));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("Your recovery codes");
    List<String> codes = new ArrayList<>();
    Matcher recovery = RECOVERY_CODE.matcher(done.body());
    while (recovery.find()) {
      codes.add(recovery.group(1));
    }
    assertThat(codes).hasSize(10).doesNotHaveDuplicates();
    assertThat(session.get("/account").status()).isEqualTo(200);
    assertThat(events.of(AccessEvent.Kind.MFA_ENROLLED, person.email())).hasSize(1);

    // Stored only as hashes.
    List<String> hashes = jdbc.sql("select code_hash from recovery_code where account_id = ?")
        .param(person.accountId()).query(String.class).list();
    assertThat(hashes).hasSize(10).allMatch(h -> h.startsWith("$argon2id$"))
        .noneMatch(h -> codes.stream().anyMatch(h::contains));

    // The code that confirmed the app cannot sign in again.
    PageSession again = new PageSession(port);
    again.get("/sign-in");
    assertThat(again.post("/sign-in", Map.of("email", person.email(), "password", person.password(), "code", code))
        .body()).contains(SignInController.REFUSED);

    // A recovery code signs in once, in the same field as the app's code.
    clock.advance(Duration.ofSeconds(10));
    PageSession withRecovery = new PageSession(port);
    withRecovery.get("/sign-in");
    PageSession.Page recovered = withRecovery.post("/sign-in",
        Map.of("email", person.email(), "password", person.password(), "code", codes.get(3).toUpperCase()));
    assertThat(recovered.status()).isEqualTo(302);
    assertThat(recovered.location()).endsWith("/");
    assertThat(events.of(AccessEvent.Kind.RECOVERY_CODE_USED, person.email())).hasSize(1);
    clock.advance(Duration.ofSeconds(10));
    PageSession reuse = new PageSession(port);
    reuse.get("/sign-in");
    assertThat(reuse.post("/sign-in",
        Map.of("email", person.email(), "password", person.password(), "code", codes.get(3))).body())
        .contains(SignInController.REFUSED);
    assertThat(jdbc.sql("select count(*) from recovery_code where account_id = ? and used_at is null")
        .param(person.accountId()).query(Integer.class).single()).isEqualTo(9);

    // New recovery codes from the account page need a current code; the old ones stop working.
    assertThat(withRecovery.get("/account").body()).contains("9 unused");
    withRecovery.get("/account/recovery-codes");
    assertThat(withRecovery.post("/account/recovery-codes", Map.of("code", "000000")).body())
        .contains("The security code is not right");
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    PageSession.Page fresh = withRecovery.post("/account/recovery-codes",
        Map.of("code", Totp.code(secret, Totp.stepAt(clock.instant()))));
    assertThat(fresh.body()).contains("Your recovery codes");
    Matcher freshCodes = RECOVERY_CODE.matcher(fresh.body());
    assertThat(freshCodes.find()).isTrue();
    clock.advance(Duration.ofSeconds(10));
    PageSession old = new PageSession(port);
    old.get("/sign-in");
    assertThat(old.post("/sign-in",
        Map.of("email", person.email(), "password", person.password(), "code", codes.get(5))).body())
        .contains(SignInController.REFUSED);
  }

  @Test
  void changingTheAuthenticatorNeedsTheCurrentCodeAndReplacesTheSecret() {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    clock.setTo(Instant.now());
    PageSession session = new PageSession(port);
    session.get("/sign-in");
    assertThat(session.post("/sign-in", Map.of("email", person.email(), "password", person.password(), "code",
        Totp.code(person.secret(), Totp.stepAt(clock.instant())))).status()).isEqualTo(302);
    // Without confirming, the enrolment page is not open to a signed-in person.
    assertThat(session.get("/mfa/enrol").location()).endsWith("/sign-in");

    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    session.get("/account/authenticator");
    PageSession.Page confirmed = session.post("/account/authenticator",
        Map.of("code", Totp.code(person.secret(), Totp.stepAt(clock.instant()))));
    assertThat(confirmed.location()).endsWith("/mfa/enrol");
    Matcher key = MANUAL_KEY.matcher(session.get("/mfa/enrol").body());
    assertThat(key.find()).isTrue();
    String newSecret = key.group(1).replace(" ", "");
    assertThat(newSecret).isNotEqualTo(person.secret());
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    assertThat(session.post("/mfa/enrol", Map.of("code", Totp.code(newSecret, Totp.stepAt(clock.instant()))))
        .body()).contains("Your recovery codes");

    // The old app's codes no longer sign in; the new app's do.
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    PageSession oldApp = new PageSession(port);
    oldApp.get("/sign-in");
    assertThat(oldApp.post("/sign-in", Map.of("email", person.email(), "password", person.password(), "code",
        Totp.code(person.secret(), Totp.stepAt(clock.instant())))).body()).contains(SignInController.REFUSED);
    PageSession.Page newApp = oldApp.post("/sign-in", Map.of("email", person.email(), "password",
        person.password(), "code", Totp.code(newSecret, Totp.stepAt(clock.instant()))));
    assertThat(newApp.status()).isEqualTo(302);
  }
}
