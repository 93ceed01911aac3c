package org.senda.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.senda.access.Accounts;
import org.senda.access.Role;
import org.senda.access.StaffAccounts;
import org.senda.access.StaffAccounts.Person;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.TestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Single sign-on against a real OpenID Connect provider (mock-oauth2-server), driven over HTTP. */
@SendaTest
class SchoolSignOnIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  @Autowired
  MockOAuth2Server provider;

  @Autowired
  SignIn signIn;

  @Test
  void theSignInPageOffersTheSchoolAccount() {
    assertThat(new PageSession(port).get("/sign-in").body())
        .contains("Sign in with your school account").contains("/oauth2/authorization/school");
  }

  @Test
  void signsInAnExistingStaffAccountByItsVerifiedEmailAndLinksTheIdentity() throws Exception {
    // Not enrolled in Senda's MFA: the school's provider counts as the second factor (senda.oidc.counts-as-mfa).
    Person person = new StaffAccounts(jdbc, accounts).notEnrolled(Role.HEADTEACHER);
    String subject = "entra-" + UUID.randomUUID();
    Browser browser = new Browser();
    provider.enqueueCallback(callback(subject, person.email().toUpperCase()));

    URI landed = browser.signInWithSchoolAccount();
    assertThat(landed.getPath()).isEqualTo("/");
    HttpResponse<String> account = browser.get("/account");
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains(person.email()).contains("Linked to your school account");
    assertThat(jdbc.sql("select account_id from oidc_identity where subject = ?").param(subject)
        .query(Long.class).single()).isEqualTo(person.accountId());
    assertThat(jdbc.sql("select issuer from oidc_identity where subject = ?").param(subject)
        .query(String.class).single()).isEqualTo(provider.issuerUrl(TestServers.OIDC_ISSUER).toString());

    // Next time the linked subject decides, even if the provider now reports another address.
    Browser again = new Browser();
    provider.enqueueCallback(callback(subject, "renamed-" + person.email()));
    assertThat(again.signInWithSchoolAccount().getPath()).isEqualTo("/");
    assertThat(again.get("/account").body()).contains(person.email());
  }

  @Test
  void anAddressWithoutAnAccountIsRefusedAndNothingIsCreated() throws Exception {
    String email = new StaffAccounts(jdbc, accounts).staffWithoutAccount();
    String subject = "google-" + UUID.randomUUID();
    Browser browser = new Browser();
    provider.enqueueCallback(callback(subject, email));

    URI landed = browser.signInWithSchoolAccount();
    assertThat(landed.getPath()).isEqualTo("/sign-in/sso/refused");
    assertThat(browser.get(landed.getPath()).body())
        .contains("There is no Senda account for the school account you used");
    assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    assertThat(jdbc.sql("select count(*) from account where email = ?").param(email).query(Long.class).single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from oidc_identity where subject = ?").param(subject)
        .query(Long.class).single()).isZero();
  }

  @Test
  void aDeactivatedMemberOfStaffIsRefusedAsIfThereWereNoAccountAndTheRefusalIsLogged() throws Exception {
    Person person = new StaffAccounts(jdbc, accounts).notEnrolled(Role.HEADTEACHER);
    jdbc.sql("update staff set active = false where id = ?").param(person.staffId()).update();
    String subject = "entra-" + UUID.randomUUID();
    Browser browser = new Browser();
    provider.enqueueCallback(callback(subject, person.email()));

    URI landed = browser.signInWithSchoolAccount();
    assertThat(landed.getPath()).isEqualTo("/sign-in/sso/refused");
    // The page anyone refused sees, word for word.
    assertThat(browser.get(landed.getPath()).body())
        .contains("There is no Senda account for the school account you used, or it cannot be used at the moment");
    assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    assertThat(jdbc.sql("select count(*) from oidc_identity where subject = ?").param(subject)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("""
            select count(*) from audit_entry
            where action = 'SIGN_IN_FAILED' and actor_account_id = ? and detail like '%deactivated%'""")
        .param(person.accountId()).query(Long.class).single()).isEqualTo(1);

    // An identity linked while they were active does not get them in either.
    jdbc.sql("update staff set active = true where id = ?").param(person.staffId()).update();
    Browser before = new Browser();
    provider.enqueueCallback(callback(subject, person.email()));
    assertThat(before.signInWithSchoolAccount().getPath()).isEqualTo("/");
    jdbc.sql("update staff set active = false where id = ?").param(person.staffId()).update();
    Browser after = new Browser();
    provider.enqueueCallback(callback(subject, person.email()));
    assertThat(after.signInWithSchoolAccount().getPath()).isEqualTo("/sign-in/sso/refused");
    assertThat(after.get("/account").statusCode()).isEqualTo(302);
  }

  @Test
  void anUnverifiedAddressIsRefused() throws Exception {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    Browser browser = new Browser();
    provider.enqueueCallback(new DefaultOAuth2TokenCallback(TestServers.OIDC_ISSUER, "unverified-" + UUID.randomUUID(),
        "JWT", List.of("senda"), Map.of("email", person.email(), "email_verified", false), 3600));
    assertThat(browser.signInWithSchoolAccount().getPath()).isEqualTo("/sign-in/sso/refused");
  }

  @Test
  void whereTheProviderDoesNotCountAsMfaACodeIsStillAskedFor() {
    Person enrolled = new StaffAccounts(jdbc, accounts).enrolled();
    assertThat(signIn.schoolIdentity("https://login.example/tenant", "s-" + UUID.randomUUID(), enrolled.email(),
        false, "127.0.0.1")).isEqualTo(new SignIn.Outcome.NeedsCode(enrolled.accountId()));
    Person notEnrolled = new StaffAccounts(jdbc, accounts).notEnrolled(Role.TEACHER);
    assertThat(signIn.schoolIdentity("https://login.example/tenant", "s-" + UUID.randomUUID(),
        notEnrolled.email(), false, "127.0.0.1")).isEqualTo(new SignIn.Outcome.MustEnrol(notEnrolled.accountId()));
  }

  private static DefaultOAuth2TokenCallback callback(String subject, String email) {
    return new DefaultOAuth2TokenCallback(TestServers.OIDC_ISSUER, subject, "JWT", List.of("senda"),
        Map.of("email", email, "name", "School Person"), 3600);
  }

  /** A person's browser without JavaScript: keeps cookies, follows redirects across Senda and the provider. */
  private final class Browser {
    private final HttpClient client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    /** Starts at the sign-in page's link and follows redirects until back on Senda outside the sign-on flow. */
    URI signInWithSchoolAccount() throws IOException, InterruptedException {
      URI next = URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/school");
      for (int hop = 0; hop < 10; hop++) {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(next).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() / 100 != 3 || location == null) {
          throw new AssertionError("Sign-on stopped at " + next + " with " + response.statusCode());
        }
        next = next.resolve(location);
        boolean onSenda = next.getPort() == port;
        if (onSenda && !next.getPath().startsWith("/oauth2/") && !next.getPath().startsWith("/login/oauth2/")) {
          return next;
        }
      }
      throw new AssertionError("Too many redirects");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
