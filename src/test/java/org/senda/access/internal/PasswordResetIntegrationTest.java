package org.senda.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.senda.access.Accounts;
import org.senda.access.Role;
import org.senda.access.StaffAccounts;
import org.senda.access.StaffAccounts.Person;
import org.senda.test.MutableClock;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SendaTest
class PasswordResetIntegrationTest {

  private static final String NEW_PASSWORD = "purple kettle tractor lamp";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  @Autowired
  GreenMail greenMail;

  @Autowired
  MutableClock clock;

  @Value("${senda.base-url}")
  String baseUrl;

  @AfterEach
  void clockBackToNow() {
    clock.resume();
  }

  @Test
  void resetByEmailSetsTheNewPasswordEndsEverySessionAndTheLinkWorksOnce() throws Exception {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    PageSession elsewhere = PageSession.signedIn(port, StaffAccounts.account(person));
    jdbc.sql("update account set failed_attempts = 2, last_failed_at = ? where id = ?")
        .params(java.sql.Timestamp.from(Instant.now()), person.accountId()).update();

    PageSession anonymous = new PageSession(port);
    anonymous.get("/password-reset");
    assertThat(anonymous.post("/password-reset", Map.of("email", "")).body())
        .contains("Enter your email address");
    assertThat(anonymous.post("/password-reset", Map.of("email", "not-an-address")).body())
        .contains("Enter an email address in the correct format, like name@example.com")
        .contains("value=\"not-an-address\"");
    PageSession.Page asked = anonymous.post("/password-reset", Map.of("email", person.email().toUpperCase()));
    PageSession.Page unknown = anonymous.post("/password-reset", Map.of("email", "nobody-" + person.email()));
    // The same answer whether or not the address has an account.
    assertThat(asked.status()).isEqualTo(302);
    assertThat(unknown.status()).isEqualTo(asked.status());
    assertThat(unknown.location()).isEqualTo(asked.location()).endsWith("/password-reset/sent");
    assertThat(anonymous.get("/password-reset/sent").body()).contains("Check your email");

    MimeMessage email = awaitEmailTo(person.email());
    assertThat(email.getSubject()).isEqualTo("Reset your Senda password");
    String link = linkIn(email);
    assertThat(link).startsWith(baseUrl + "/password-reset/");
    String token = link.substring(link.lastIndexOf('/') + 1);
    // Only the token's hash is stored, and the outbox never held it.
    assertThat(jdbc.sql("select count(*) from password_reset where token_hash = ?").param(token)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from password_reset where token_hash = ?")
        .param(ApiTokens.hash(token)).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
        .param("%" + token + "%").query(Long.class).single()).isZero();
    assertThat(noEmailAfter("nobody-" + person.email(), 0)).isTrue();

    String path = "/password-reset/" + token;
    PageSession resetting = new PageSession(port);
    assertThat(resetting.get(path).body()).contains("Choose a new password");
    assertThat(resetting.post(path, Map.of("password", "short", "confirmation", "short")).body())
        .contains("Password must be 12 characters or more");
    assertThat(resetting.post(path, Map.of("password", "Password1234", "confirmation", "Password1234")).body())
        .contains("Password is too easy to guess");
    assertThat(resetting.post(path, Map.of("password", NEW_PASSWORD, "confirmation", "something else")).body())
        .contains("Enter the same password in both boxes");
    PageSession.Page saved = resetting.post(path, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
    assertThat(saved.location()).endsWith("/sign-in?passwordChanged");

    // Every session of the account has ended; failures are cleared.
    assertThat(elsewhere.get("/account").status()).isEqualTo(302);
    assertThat(new StaffAccounts(jdbc, accounts).failedAttempts(person.accountId())).isZero();
    // The link works once.
    assertThat(new PageSession(port).get(path).body()).contains("This link no longer works");

    PageSession old = new PageSession(port);
    old.get("/sign-in");
    assertThat(old.post("/sign-in", Map.of("email", person.email(), "password", person.password(), "code",
        org.senda.test.TotpCodes.next(person.email(), person.secret()))).body())
        .contains(SignInController.REFUSED);
    Person renewed = new Person(person.accountId(), person.staffId(), person.schoolId(), person.trustId(),
        person.email(), NEW_PASSWORD, person.secret());
    assertThat(PageSession.signedIn(port, StaffAccounts.account(renewed)).get("/account").status())
        .isEqualTo(200);
  }

  @Test
  void aResetLinkExpiresAfterAnHour() throws Exception {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    PageSession anonymous = new PageSession(port);
    anonymous.get("/password-reset");
    anonymous.post("/password-reset", Map.of("email", person.email()));
    String link = linkIn(awaitEmailTo(person.email()));
    String path = link.substring(baseUrl.length());

    clock.setTo(Instant.now().plus(Duration.ofMinutes(61)));
    assertThat(new PageSession(port).get(path).body()).contains("This link no longer works");
  }

  @Test
  void anInvitationLetsANewMemberOfStaffChooseAPasswordAndThenEnrol() throws Exception {
    Person person = new StaffAccounts(jdbc, accounts).notEnrolled(Role.TEACHING_ASSISTANT);
    accounts.invite(person.accountId());

    MimeMessage email = awaitEmailTo(person.email());
    assertThat(email.getSubject()).isEqualTo("Set your password for Senda");
    assertThat(GreenMailUtil.getBody(email)).contains("within 7 days");
    String path = linkIn(email).substring(baseUrl.length());
    assertThat(jdbc.sql("select expires_at from password_reset where account_id = ?").param(person.accountId())
        .query(java.sql.Timestamp.class).single().toInstant())
        .isAfter(Instant.now().plus(Duration.ofDays(6)));

    PageSession invited = new PageSession(port);
    assertThat(invited.get(path).body()).contains("Choose your password");
    assertThat(invited.post(path, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD)).location())
        .endsWith("/sign-in?passwordChanged");
    invited.get("/sign-in");
    PageSession.Page signIn = invited.post("/sign-in",
        Map.of("email", person.email(), "password", NEW_PASSWORD, "code", ""));
    assertThat(signIn.location()).endsWith("/mfa/enrol");
  }

  @Test
  void aDeactivatedMemberOfStaffGetsNoLinkAndAnEarlierLinkNoLongerWorks() throws Exception {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    PageSession anonymous = new PageSession(port);
    anonymous.get("/password-reset");
    anonymous.post("/password-reset", Map.of("email", person.email()));
    String path = linkIn(awaitEmailTo(person.email())).substring(baseUrl.length());
    jdbc.sql("update staff set active = false where id = ?").param(person.staffId()).update();
    int before = messagesTo(person.email()).size();
    String hash = passwordHash(person);

    // The same answer as for anyone else, but nothing is sent, and that is in the log.
    PageSession.Page asked = anonymous.post("/password-reset", Map.of("email", person.email()));
    assertThat(asked.status()).isEqualTo(302);
    assertThat(asked.location()).endsWith("/password-reset/sent");
    assertThat(jdbc.sql("""
            select count(*) from audit_entry
            where action = 'PASSWORD_RESET_REQUESTED' and actor_account_id = ? and detail like '%deactivated%'""")
        .param(person.accountId()).query(Long.class).single()).isEqualTo(1);
    // The link sent while they were active no longer sets a password.
    PageSession resetting = new PageSession(port);
    assertThat(resetting.get(path).body()).contains("This link no longer works");
    assertThat(resetting.post(path, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD)).body())
        .contains("This link no longer works");
    assertThat(passwordHash(person)).isEqualTo(hash);
    assertThat(noEmailAfter(person.email(), before)).isTrue();
  }

  private String passwordHash(Person person) {
    return jdbc.sql("select password_hash from account where id = ?").param(person.accountId())
        .query(String.class).single();
  }

  private MimeMessage awaitEmailTo(String recipient) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(recipient), list -> !list.isEmpty())
        .getLast();
  }

  /**
   * Whether {@code recipient} still has only {@code already} emails once the outbox has handed on every event
   * published so far (an email that was going to be sent has then been sent).
   */
  private boolean noEmailAfter(String recipient, int already) {
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
            select count(*) from event_publication
            where completion_date is null and (status is null or status <> 'FAILED')""")
        .query(Long.class).single() == 0);
    return messagesTo(recipient).size() == already;
  }

  private List<MimeMessage> messagesTo(String recipient) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
          } catch (MessagingException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  private static String linkIn(MimeMessage email) {
    Matcher link = Pattern.compile("(https?://\\S+/password-reset/[A-Za-z0-9_-]{43})").matcher(
        GreenMailUtil.getBody(email).replace("=\r\n", ""));
    assertThat(link.find()).as("a link in the email").isTrue();
    return link.group(1);
  }
}
