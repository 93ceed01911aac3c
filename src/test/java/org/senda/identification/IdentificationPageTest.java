package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.senda.test.Browser;
import org.senda.test.BrowserSignIn;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SendaTest
class IdentificationPageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Test
  void theIdentificationPagesAndTheConcernFormAreAccessible() {
    long school = accounts.schoolIds().getFirst();
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", school));
    String base = "http://127.0.0.1:" + port;

    browser.get(base + "/schools/" + school + "/identification");
    assertThat(browser.getTitle()).startsWith("Identification - ").endsWith(" - Senda");
    Browser.assertAccessible(browser);

    new org.openqa.selenium.support.ui.Select(Browser.find(browser, "#register")).selectByValue("not-on");
    Browser.clickAndWait(browser, "form[action$='/identification'] button[type=submit]");
    assertThat(browser.getCurrentUrl()).contains("register=not-on");
    assertThat(browser.findElements(By.cssSelector("table.govuk-table tbody tr .govuk-tag")))
        .isNotEmpty().allSatisfy(tag -> assertThat(tag.getText()).isEqualTo("Not on the register"));
    Browser.assertAccessible(browser);

    String flag = Browser.find(browser, "table a.govuk-link").getDomAttribute("href");
    browser.get(base + flag);
    assertThat(browser.findElements(By.cssSelector("svg[role=img] title"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("table.govuk-table tbody tr"))).hasSizeGreaterThan(1);
    Browser.assertAccessible(browser);

    Browser.find(browser, "#reason").sendKeys("Hearing check booked; monitor");
    Browser.clickAndWait(browser, "form[action$='/dismiss'] button[type=submit]");
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(b -> java.util.Objects.requireNonNull(b.getCurrentUrl()).endsWith("/identification"));
    browser.get(base + flag);
    assertThat(Browser.find(browser, ".govuk-inset-text").getText())
        .contains("This flag was dismissed on", "Reason: Hearing check booked; monitor");
    assertThat(browser.findElements(By.cssSelector("form[action$='/dismiss']"))).isEmpty();
    Browser.assertAccessible(browser);

    String pupil = flag.replaceAll(".*/pupils/(\\d+)/.*", "$1");
    browser.get(base + "/schools/" + school + "/pupils/" + pupil + "/concerns/new");
    Browser.assertAccessible(browser);
    Browser.find(browser, "#triedInClass").sendKeys("Word mats and pre-teaching");
    Browser.clickAndWait(browser, "form[action$='/concerns'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText())
        .contains("Select at least one area of concern", "Enter what you have noticed");
    assertThat(Browser.find(browser, "#triedInClass").getDomProperty("value")).isEqualTo("Word mats and pre-teaching");
    Browser.assertAccessible(browser);

    Browser.find(browser, "#areas").click();
    Browser.find(browser, "#evidence").sendKeys("Reads two book bands below the class");
    Browser.clickAndWait(browser, "form[action$='/concerns'] button[type=submit]");
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(b -> !java.util.Objects.requireNonNull(b.getCurrentUrl()).endsWith("/concerns"));
    assertThat(browser.getCurrentUrl()).endsWith("/schools/" + school + "/pupils/" + pupil);
    assertThat(browser.getPageSource()).contains("Cause for concern raised").contains("Communication and interaction")
        .doesNotContain("No causes for concern have been raised");
  }

  @Test
  void theScoreGridAndTheSetupPagesAreAccessible() {
    long school = accounts.schoolIds().getFirst();
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", school));
    String base = "http://127.0.0.1:" + port + "/schools/" + school;

    browser.get(base + "/identification/scores");
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "form[action$='/identification/scores'] button[type=submit]");
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(b -> java.util.Objects.requireNonNull(b.getCurrentUrl()).contains("/classes/"));
    assertThat(browser.findElements(By.cssSelector("table.govuk-table tbody tr"))).isNotEmpty();
    Browser.assertAccessible(browser);

    var first = Browser.find(browser, "input[name^='score-']");
    first.clear();
    first.sendKeys("not a score");
    Browser.clickAndWait(browser, "form[method=post][action*='/classes/'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("score for");
    assertThat(Browser.find(browser, "input[name^='score-']").getDomProperty("value")).isEqualTo("not a score");
    Browser.assertAccessible(browser);

    for (String page : new String[] {"/identification/subjects", "/identification/subjects/new",
        "/identification/points", "/identification/settings"}) {
      browser.get(base + page);
      Browser.assertAccessible(browser);
    }
    browser.get(base + "/identification/points");
    browser.get("http://127.0.0.1:" + port + Browser.find(browser, "table a.govuk-link").getDomAttribute("href"));
    Browser.assertAccessible(browser);

    browser.get(base + "/identification/subjects/new");
    Browser.find(browser, "#name").sendKeys("Handwriting");
    Browser.clickAndWait(browser, "form[action$='/subjects/new'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Enter a short code");
    Browser.assertAccessible(browser);

    browser.get(base + "/identification");
    String flag = Browser.find(browser, "table a.govuk-link").getDomAttribute("href");
    String pupil = flag.replaceAll(".*/pupils/(\\d+)/.*", "$1");
    browser.get(base + "/pupils/" + pupil + "/checks");
    Browser.assertAccessible(browser);
    Browser.find(browser, "#percentage").sendKeys("101");
    Browser.clickAndWait(browser, "form[action$='/attendance'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Attendance must be a percentage");
    Browser.assertAccessible(browser);
  }
}
