package org.senda.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.senda.access.StaffAccounts.Person;
import org.senda.test.Browser;
import org.senda.test.BrowserSignIn;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign-in and account pages in headless Chromium, each checked with axe (WCAG 2.2 AA). */
@SendaTest
class AccessPageTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  @Autowired
  GreenMail greenMail;

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static void submit(WebDriver browser) {
    Browser.clickAndWait(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
  }

  @Test
  void signInPageAndItsRefusal() {
    WebDriver browser = Browser.fresh();
    browser.get(url("/sign-in"));
    assertThat(browser.getTitle()).isEqualTo("Sign in - Senda");
    Browser.assertAccessible(browser);
    browser.findElement(By.id("email")).sendKeys("nobody@test.example");
    browser.findElement(By.id("password")).sendKeys("not a password at all");
    submit(browser);
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("is not right");
    assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("nobody@test.example");
    Browser.assertAccessible(browser);

    browser.get(url("/sign-in/sso/refused"));
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("There is no Senda account");
    Browser.assertAccessible(browser);
  }

  @Test
  void firstSignInSetsUpTheAuthenticatorAppThenSignsInWithACode() {
    Person person = new StaffAccounts(jdbc, accounts).notEnrolled(Role.SENCO);
    WebDriver browser = Browser.fresh();
    browser.get(url("/sign-in"));
    browser.findElement(By.id("email")).sendKeys(person.email());
    browser.findElement(By.id("password")).sendKeys(person.password());
    submit(browser);

    assertThat(browser.getCurrentUrl()).endsWith("/mfa/enrol");
    assertThat(browser.getTitle()).isEqualTo("Set up your authenticator app - Senda");
    assertThat(browser.findElements(By.cssSelector("svg.senda-qr-code path"))).hasSize(1);
    Browser.assertAccessible(browser);
    browser.findElement(By.id("code")).sendKeys("12");
    submit(browser);
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("The security code must be 6 numbers");
    Browser.assertAccessible(browser);

    browser.findElement(By.cssSelector(".govuk-details__summary")).click();
    String secret = browser.findElement(By.id("manual-key")).getText().replace(" ", "");
    browser.findElement(By.id("code")).clear();
    browser.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.stepAt(Instant.now())));
    submit(browser);
    assertThat(browser.getTitle()).isEqualTo("Your recovery codes - Senda");
    assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
    Browser.assertAccessible(browser);

    // Next time: password and a code from the app, on one form (the next code: the one used to enrol is spent).
    WebDriver again = Browser.fresh();
    again.get(url("/sign-in"));
    again.findElement(By.id("email")).sendKeys(person.email());
    again.findElement(By.id("password")).sendKeys(person.password());
    again.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.stepAt(Instant.now()) + 1));
    submit(again);
    assertThat(again.getCurrentUrl()).doesNotEndWith("/sign-in");
    again.get(url("/account"));
    assertThat(again.getTitle()).isEqualTo("Your account - Senda");
  }

  @Test
  void accountAndApiTokenPages() {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    WebDriver browser = BrowserSignIn.as(port, StaffAccounts.account(person));
    browser.get(url("/account"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your account");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(person.email()).contains("SENCO");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, browser.findElement(By.linkText("API tokens")));
    assertThat(browser.getTitle()).isEqualTo("API tokens - Senda");
    Browser.assertAccessible(browser);
    browser.findElement(By.id("lifetimeDays")).clear();
    browser.findElement(By.id("lifetimeDays")).sendKeys("400");
    submit(browser);
    assertThat(Browser.find(browser, ".govuk-error-summary").getText())
        .contains("Enter a name for the token").contains("Number of days must be between 1 and 365");
    Browser.assertAccessible(browser);
    browser.findElement(By.id("name")).sendKeys("Nightly export");
    browser.findElement(By.id("lifetimeDays")).clear();
    browser.findElement(By.id("lifetimeDays")).sendKeys("7");
    Browser.clickAndWait(browser,
        browser.findElement(By.cssSelector("form[action$='/account/api-tokens'] button[type=submit]")));
    assertThat(browser.findElement(By.id("new-token")).getText()).startsWith("senda_");
    Browser.assertAccessible(browser);

    browser.get(url("/account/recovery-codes"));
    assertThat(browser.getTitle()).isEqualTo("Get new recovery codes - Senda");
    Browser.assertAccessible(browser);
    browser.get(url("/account/authenticator"));
    assertThat(browser.getTitle()).isEqualTo("Change your authenticator app - Senda");
    Browser.assertAccessible(browser);
  }

  @Test
  void passwordResetPages() throws Exception {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    WebDriver browser = Browser.fresh();
    browser.get(url("/sign-in"));
    Browser.clickAndWait(browser, browser.findElement(By.linkText("I have forgotten my password")));
    assertThat(browser.getTitle()).isEqualTo("Reset your password - Senda");
    Browser.assertAccessible(browser);
    submit(browser);
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Enter your email address");
    Browser.assertAccessible(browser);
    browser.findElement(By.id("email")).sendKeys(person.email());
    submit(browser);
    assertThat(browser.getTitle()).isEqualTo("Check your email - Senda");
    Browser.assertAccessible(browser);

    MimeMessage email = await().atMost(Duration.ofSeconds(20)).until(
        () -> Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
          try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(person.email());
          } catch (Exception e) {
            return false;
          }
        }).findFirst(), java.util.Optional::isPresent).orElseThrow();
    Matcher link = Pattern.compile("/password-reset/[A-Za-z0-9_-]{43}")
        .matcher(GreenMailUtil.getBody(email).replace("=\r\n", ""));
    assertThat(link.find()).isTrue();
    browser.get(url(link.group()));
    assertThat(browser.getTitle()).isEqualTo("Choose a new password - Senda");
    Browser.assertAccessible(browser);
    browser.findElement(By.id("password")).sendKeys("river mountain candle");
    browser.findElement(By.id("confirmation")).sendKeys("river mountain candles");
    submit(browser);
    assertThat(Browser.find(browser, ".govuk-error-summary").getText())
        .contains("Enter the same password in both boxes");
    Browser.assertAccessible(browser);
    browser.findElement(By.id("password")).sendKeys("river mountain candle");
    browser.findElement(By.id("confirmation")).sendKeys("river mountain candle");
    submit(browser);
    assertThat(browser.getCurrentUrl()).endsWith("/sign-in?passwordChanged");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Your password has been changed");
    Browser.assertAccessible(browser);

    browser.get(url(link.group()));
    assertThat(browser.getTitle()).isEqualTo("This link no longer works - Senda");
    Browser.assertAccessible(browser);
  }
}
