package org.senda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.senda.test.Api;
import org.senda.test.Browser;
import org.senda.test.BrowserSignIn;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SEN support pages pass axe (WCAG 2.2 AA), with and without errors, in one browser. */
@SendaTest
class SupportPageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  private void visit(WebDriver browser, String path, String h1) {
    browser.get("http://127.0.0.1:" + port + path);
    assertThat(Browser.find(browser, "h1").getText()).as(path).contains(h1);
    assertThat(browser.getTitle()).endsWith(" - Senda");
    Browser.assertAccessible(browser);
  }

  private void submit(WebDriver browser, String form) {
    String before = browser.getCurrentUrl();
    Browser.clickAndWait(browser, form + " button[type=submit]");
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> !Objects.equals(b.getCurrentUrl(), before)
        || !b.findElements(org.openqa.selenium.By.cssSelector(".govuk-error-summary")).isEmpty());
  }

  @Test
  void thePlanPassportClassMeetingsAndSettingsPagesAreAccessible() {
    long school = accounts.schoolIds().getFirst();
    DemoAccounts.Account senco = accounts.get("SENCO", school);
    DemoAccounts.Account teacher = accounts.get("TEACHER", school);
    LocalDate today = LocalDate.now(clock);
    long pupil = SupportFixtures.pupilTaughtBy(jdbc, teacher);
    long plan = new Api(port, senco.apiToken()).postJson("/api/v1/pupils/" + pupil + "/support-plans", """
        {"outcomes":[{"description":"Reads the first 100 words","measure":"Words read from the list",
        "baseline":"22 of 100","target":"60 of 100","targetDate":"%s","strategies":["Pre-teach new words"]}],
        "wave":2,"reviewDate":"%s","status":"ACTIVE",
        "needs":[{"area":"COGNITION_AND_LEARNING","description":"Slow to decode new words"}]}"""
        .formatted(today.plusMonths(3), today.plusMonths(2))).json().get("id").asLong();
    String base = "/schools/" + school;
    WebDriver browser = BrowserSignIn.as(port, senco);

    visit(browser, base + "/support-plans/" + plan, "");
    visit(browser, base + "/support-plans/" + plan + "/edit", "Edit");
    visit(browser, base + "/pupils/" + pupil + "/support-plans/new", "New");
    submit(browser, "form[action$='/support-plans']");
    Browser.assertAccessible(browser);

    visit(browser, base + "/support-plans/" + plan + "/review", "Record the review");
    submit(browser, "form[action$='/review']");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Select what the review decided");
    Browser.assertAccessible(browser);

    visit(browser, base + "/pupils/" + pupil + "/passport", "");
    visit(browser, base + "/pupils/" + pupil + "/passport/edit", "");

    visit(browser, base + "/pupils/" + pupil + "/meetings", "Meetings with parents");
    submit(browser, "form[action$='/meetings']");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Enter the date of the meeting");
    Browser.assertAccessible(browser);
    visit(browser, base + "/pupils/" + pupil + "/meetings/record", "Record a meeting with parents");
    submit(browser, "form[action$='/meetings/record']");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Enter who attended the meeting");
    Browser.assertAccessible(browser);

    long meeting = jdbc.sql("""
            select min(id) from support_meeting where plan_id = ? and purpose = 'PLAN_START'""")
        .param(plan).query(Long.class).single();
    visit(browser, base + "/meetings/" + meeting + "/cancel", "Cancel a meeting with parents");
    submit(browser, "form[action$='/cancel']");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Enter why the meeting is cancelled");
    Browser.assertAccessible(browser);
    Browser.find(browser, "#reason").sendKeys("Dad asked to move it to next week");
    submit(browser, "form[action$='/cancel']");
    assertThat(Browser.find(browser, "h1").getText()).isEqualTo("Meetings with parents");
    assertThat(browser.getPageSource()).contains("Dad asked to move it to next week", "Cancelled");
    Browser.assertAccessible(browser);

    visit(browser, base + "/support/overdue", "Overdue reviews and meetings");
    visit(browser, base + "/support/settings", "Support settings");
    Browser.find(browser, "#meetingsPerYear").clear();
    Browser.find(browser, "#meetingsPerYear").sendKeys("two");
    submit(browser, "form[action$='/support/settings']");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Meetings a year must be a whole number");
    Browser.assertAccessible(browser);
    visit(browser, base + "/pupils/" + pupil, "");

    long classId = jdbc.sql("select class_id from pupil where id = ?").param(pupil).query(Long.class).single();
    browser = BrowserSignIn.as(port, teacher);
    visit(browser, base + "/classes/" + classId + "/send", "pupils with SEND");
  }
}
