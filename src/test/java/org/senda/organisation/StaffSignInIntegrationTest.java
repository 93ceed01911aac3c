package org.senda.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.senda.access.Accounts;
import org.senda.access.Role;
import org.senda.access.StaffAccounts;
import org.senda.access.StaffAccounts.Person;
import org.senda.test.Api;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.TotpCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an administrator's changes to a staff record do to that person's sign-in: the sign-in email follows the
 * staff email, and a change of roles takes effect on the person's next request, in the pages they already have
 * open and through their API tokens, without signing out.
 */
@SendaTest
class StaffSignInIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  @Autowired
  GreenMail greenMail;

  @Test
  void aRemovedRoleStopsWorkingOnTheNextRequestAndAnAddedOneStartsWorking() {
    StaffAccounts staff = new StaffAccounts(jdbc, accounts);
    Person teacher = staff.enrolled();
    jdbc.sql("update staff_role set role = 'TEACHER' where staff_id = ?").param(teacher.staffId()).update();
    Person admin = staff.colleague(teacher, Role.SCHOOL_ADMIN);
    PageSession teacherPages = PageSession.signedIn(port, StaffAccounts.account(teacher));
    String token = accounts.issueApiToken(teacher.accountId(), "script", Duration.ofDays(1));
    Api teacherApi = new Api(port, token);
    String staffList = "/schools/" + teacher.schoolId() + "/staff";
    assertThat(teacherPages.get(staffList).status()).isEqualTo(200);
    assertThat(teacherApi.get("/api/v1/schools/" + teacher.schoolId() + "/staff").status()).isEqualTo(200);

    PageSession adminPages = PageSession.signedIn(port, StaffAccounts.account(admin));
    assertThat(edit(adminPages, teacher, teacher.email(), "TEACHING_ASSISTANT").status()).isEqualTo(302);

    // A teaching assistant may not see the staff list: refused at once, in the session that was already open.
    assertThat(teacherPages.get(staffList).status()).isEqualTo(403);
    assertThat(teacherApi.get("/api/v1/schools/" + teacher.schoolId() + "/staff").status()).isEqualTo(403);
    assertThat(teacherPages.get("/schools/" + teacher.schoolId()).status()).isEqualTo(200);

    assertThat(edit(adminPages, teacher, teacher.email(), "TEACHER").status()).isEqualTo(302);
    assertThat(teacherPages.get(staffList).status()).isEqualTo(200);

    // Deactivated: every session of theirs ends.
    int version = version(teacher);
    adminPages.get("/schools/" + teacher.schoolId() + "/staff/" + teacher.staffId() + "/edit");
    assertThat(adminPages.post("/schools/" + teacher.schoolId() + "/staff/" + teacher.staffId() + "/deactivate",
        Map.of("version", String.valueOf(version))).status()).isEqualTo(302);
    assertThat(teacherPages.get(staffList).location()).endsWith("/sign-in");
    assertThat(teacherApi.get("/api/v1/schools/" + teacher.schoolId()).status()).isEqualTo(404);
  }

  @Test
  void theSignInEmailFollowsTheStaffEmail() throws Exception {
    StaffAccounts staff = new StaffAccounts(jdbc, accounts);
    Person person = staff.enrolled();
    Person admin = staff.colleague(person, Role.SCHOOL_ADMIN);
    PageSession open = PageSession.signedIn(port, StaffAccounts.account(person));
    PageSession adminPages = PageSession.signedIn(port, StaffAccounts.account(admin));
    String newEmail = "Moved-" + UUID.randomUUID().toString().substring(0, 8) + "@Test.Example";
    String normalised = Accounts.normalise(newEmail);

    PageSession.Page saved = edit(adminPages, person, newEmail, "SENCO");
    assertThat(saved.status()).isEqualTo(302);
    assertThat(adminPages.get(saved.location().replaceFirst("^https?://[^/]+", "")).body())
        .contains("They now sign in with " + normalised);
    assertThat(jdbc.sql("select email from account where id = ?").param(person.accountId()).query(String.class)
        .single()).isEqualTo(normalised);

    // The old address is told, once the change has committed; the new one gets nothing.
    MimeMessage notice = await().atMost(Duration.ofSeconds(20))
        .until(() -> messagesTo(person.email()), list -> !list.isEmpty()).getFirst();
    assertThat(notice.getSubject()).isEqualTo("Your Senda sign-in email was changed");
    assertThat(GreenMailUtil.getBody(notice).replace("=\r\n", "").replace("\r\n", " ").replace("\n", " "))
        .contains("Your Senda sign-in email was changed to " + normalised)
        .contains("If this wasn't expected, contact your school");
    assertThat(messagesTo(normalised)).isEmpty();

    // The session they had open carries on under the new address, filed under the account as before.
    PageSession.Page account = open.get("/account");
    assertThat(account.status()).isEqualTo(200);
    assertThat(account.body()).contains(normalised);
    assertThat(sessionsFiledUnder(person)).isEqualTo(1);

    // The old address no longer signs in; the new one does.
    PageSession old = new PageSession(port);
    old.get("/sign-in");
    PageSession.Page refused = old.post("/sign-in", Map.of("email", person.email(), "password", person.password(),
        "code", "000000"));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("govuk-error-summary");
    PageSession fresh = new PageSession(port);
    fresh.get("/sign-in");
    // The next code of this person's app (the account refuses the one already used under the old address).
    PageSession.Page signedIn = fresh.post("/sign-in", Map.of("email", newEmail, "password", person.password(),
        "code", TotpCodes.next(person.email(), person.secret())));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/");
    assertThat(fresh.get("/account").body()).contains(normalised);
  }

  @Test
  void anAdministratorWhoChangesTheirOwnEmailStaysSignedInUnderTheNewOne() {
    StaffAccounts staff = new StaffAccounts(jdbc, accounts);
    Person colleague = staff.enrolled();
    Person admin = staff.colleague(colleague, Role.SCHOOL_ADMIN);
    PageSession adminPages = PageSession.signedIn(port, StaffAccounts.account(admin));
    String newEmail = "self-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";

    assertThat(edit(adminPages, admin, newEmail, "SCHOOL_ADMIN").status()).isEqualTo(302);
    // Saving the record again without changing the address tells nobody anything more.
    assertThat(edit(adminPages, admin, newEmail, "SCHOOL_ADMIN").status()).isEqualTo(302);
    await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(admin.email()).size() == 1);
    assertThat(adminPages.get("/account").body()).contains(newEmail);
    // Still filed under the account, not under either address, so signing out everywhere finds the session.
    assertThat(sessionsFiledUnder(admin)).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from spring_session where principal_name in (?, ?)")
        .params(newEmail, admin.email()).query(Long.class).single()).isZero();
    assertThat(adminPages.post("/account/sign-out-everywhere", Map.of()).status()).isEqualTo(302);
    assertThat(sessionsFiledUnder(admin)).isZero();
  }

  @Test
  void anEmailThatAnotherAccountSignsInWithIsRefusedAndWhatWasTypedIsKept() {
    StaffAccounts staff = new StaffAccounts(jdbc, accounts);
    Person person = staff.enrolled();
    Person admin = staff.colleague(person, Role.SCHOOL_ADMIN);
    // An account that is not a member of staff (as parents' accounts will be).
    String taken = "taken-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    jdbc.sql("insert into account (email, created_at) values (?, ?)")
        .params(taken, Timestamp.from(Instant.now())).update();
    PageSession adminPages = PageSession.signedIn(port, StaffAccounts.account(admin));
    int before = version(person);

    String typed = "  " + taken.toUpperCase() + " ";
    PageSession.Page page = edit(adminPages, person, typed, "SENCO");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("There is a problem")
        .contains("href=\"#email\"")
        .contains("Someone else already signs in with this email address")
        .contains("value=\"" + typed + "\"");
    assertThat(version(person)).isEqualTo(before);
    assertThat(jdbc.sql("select email from account where id = ?").param(person.accountId()).query(String.class)
        .single()).isEqualTo(person.email());

    // Another member of staff's email is refused as well, with the message that says so.
    Person colleague = staff.colleague(person, Role.TEACHER);
    page = edit(adminPages, person, colleague.email(), "SENCO");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("A member of staff already has this email address");
    assertThat(version(person)).isEqualTo(before);
  }

  @Test
  void afterAnEmailChangeRoleChangesAndSigningOutEverywhereStillReachTheSessionsOpenedBefore() {
    StaffAccounts staff = new StaffAccounts(jdbc, accounts);
    Person person = staff.enrolled();
    Person admin = staff.colleague(person, Role.SCHOOL_ADMIN);
    PageSession before = PageSession.signedIn(port, StaffAccounts.account(person));
    PageSession adminPages = PageSession.signedIn(port, StaffAccounts.account(admin));
    String staffList = "/schools/" + person.schoolId() + "/staff";
    assertThat(before.get(staffList).status()).isEqualTo(200);
    String newEmail = "renamed-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";

    assertThat(edit(adminPages, person, newEmail, "SENCO").status()).isEqualTo(302);
    // A request of theirs that was in flight during the change saves the session as it had it: still found.
    assertThat(before.get("/account").body()).contains(newEmail);
    assertThat(sessionsFiledUnder(person)).isEqualTo(1);

    // A later role change reaches the session opened under the old address.
    assertThat(edit(adminPages, person, newEmail, "TEACHING_ASSISTANT").status()).isEqualTo(302);
    assertThat(before.get(staffList).status()).isEqualTo(403);

    // Signing out everywhere from a new session (under the new address) ends the old one too.
    PageSession after = new PageSession(port);
    after.get("/sign-in");
    // The next code of this person's app (the account refuses one already used under the old address).
    assertThat(after.post("/sign-in", Map.of("email", newEmail, "password", person.password(),
        "code", TotpCodes.next(person.email(), person.secret()))).status()).isEqualTo(302);
    assertThat(sessionsFiledUnder(person)).isEqualTo(2);
    assertThat(after.post("/account/sign-out-everywhere", Map.of()).location())
        .endsWith("/sign-in?signedOutEverywhere");
    assertThat(before.get("/account").location()).endsWith("/sign-in");
    assertThat(after.get("/account").location()).endsWith("/sign-in");
    assertThat(sessionsFiledUnder(person)).isZero();
    assertThat(adminPages.get("/account").status()).isEqualTo(200);
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

  private long sessionsFiledUnder(Person person) {
    return jdbc.sql("select count(*) from spring_session where principal_name = ?")
        .param(String.valueOf(person.accountId())).query(Long.class).single();
  }

  private PageSession.Page edit(PageSession admin, Person person, String email, String role) {
    String path = "/schools/" + person.schoolId() + "/staff/" + person.staffId() + "/edit";
    assertThat(admin.get(path).status()).isEqualTo(200);
    return admin.post(path, Map.of("givenName", "Alex", "familyName", "Tester", "email", email, "jobTitle", "",
        "roles", role, "version", String.valueOf(version(person))));
  }

  private int version(Person person) {
    return jdbc.sql("select version from staff where id = ?").param(person.staffId()).query(Integer.class).single();
  }
}
