package org.senda.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.senda.access.Role;
import org.senda.test.Browser;
import org.senda.test.BrowserSignIn;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The audit log page in a real browser: search, a date that is not real, the check of the chain; each accessible. */
@SendaTest
class AuditPageTest {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Test
  void theHeadteacherSearchesTheLogAndChecksItHasNotBeenAltered() {
    AuditFixture fixture = AuditFixture.in(context);
    WebDriver browser = BrowserSignIn.as(port, fixture.account(Role.HEADTEACHER));

    browser.get("http://127.0.0.1:" + port + "/schools/" + fixture.schoolId + "/audit");
    assertThat(browser.getTitle()).isEqualTo("Audit log - " + fixture.schoolName + " - Senda");
    assertThat(Browser.find(browser, "h1").getText()).isEqualTo("Audit log");
    assertThat(Browser.find(browser, "#results").getText()).endsWith("entries");
    assertThat(browser.findElement(By.linkText("Audit log")).getAttribute("aria-current")).isEqualTo("page");
    Browser.assertAccessible(browser);

    Browser.find(browser, "#from-day").sendKeys("30");
    Browser.find(browser, "#from-month").sendKeys("2");
    Browser.find(browser, "#from-year").sendKeys("2026");
    Browser.clickAndWait(browser, "#search button[type=submit]");
    assertThat(browser.getTitle()).startsWith("Error: Audit log");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText())
        .contains("There is a problem").contains("The start date must be a real date");
    assertThat(Browser.find(browser, "#from-day").getAttribute("value")).isEqualTo("30");
    Browser.assertAccessible(browser);

    Browser.find(browser, "#from-day").clear();
    Browser.find(browser, "#from-day").sendKeys("1");
    Browser.find(browser, "#action").sendKeys("Checked the log");
    Browser.clickAndWait(browser, "#search button[type=submit]");
    assertThat(browser.findElements(By.cssSelector(".govuk-error-summary"))).isEmpty();
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "form[method=post][action$='/verification'] button");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#verification"));
    assertThat(browser.getCurrentUrl()).endsWith("/schools/" + fixture.schoolId + "/audit#verification");
    assertThat(Browser.find(browser, ".govuk-panel__title").getText()).isEqualTo("The log has not been altered");
    Browser.assertAccessible(browser);
  }

  @Test
  void theTrustSendLeadSearchesTheWholeTrust() {
    AuditFixture fixture = AuditFixture.in(context);
    WebDriver browser = BrowserSignIn.as(port, fixture.account(Role.TRUST_SEND_LEAD));

    browser.get("http://127.0.0.1:" + port + "/audit");
    assertThat(browser.getTitle()).startsWith("Audit log - ");
    Browser.find(browser, "#email").sendKeys(fixture.account(Role.TRUST_SEND_LEAD).email());
    Browser.clickAndWait(browser, "#search button[type=submit]");
    // Signing in just now is in the log: account events belong to no school and the trust lead sees them.
    assertThat(Browser.find(browser, "main").getText()).as(browser::getCurrentUrl).contains("Signed in");
    Browser.assertAccessible(browser);
  }
}
