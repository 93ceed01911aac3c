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

    String flag = Browser.find(browser, "table a.govuk-link").getDomAttribute("href");
    browser.get(base + flag);
    assertThat(browser.findElements(By.cssSelector("svg[role=img] title"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("table.govuk-table tbody tr"))).hasSizeGreaterThan(1);
    Browser.assertAccessible(browser);

    String pupil = flag.replaceAll(".*/pupils/(\\d+)/.*", "$1");
    browser.get(base + "/schools/" + school + "/pupils/" + pupil + "/concerns/new");
    Browser.assertAccessible(browser);
    Browser.find(browser, "#triedInClass").sendKeys("Word mats and pre-teaching");
    Browser.find(browser, "form[action$='/concerns'] button[type=submit]").click();
    assertThat(Browser.find(browser, ".govuk-error-summary").getText())
        .contains("Select at least one area of concern", "Enter what you have noticed");
    assertThat(Browser.find(browser, "#triedInClass").getDomProperty("value")).isEqualTo("Word mats and pre-teaching");
    Browser.assertAccessible(browser);

    Browser.find(browser, "#areas").click();
    Browser.find(browser, "#evidence").sendKeys("Reads two book bands below the class");
    Browser.find(browser, "form[action$='/concerns'] button[type=submit]").click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(b -> !java.util.Objects.requireNonNull(b.getCurrentUrl()).endsWith("/concerns"));
    assertThat(browser.getCurrentUrl()).endsWith("/schools/" + school + "/pupils/" + pupil);
    assertThat(browser.getPageSource()).contains("Cause for concern raised").contains("Communication and interaction")
        .doesNotContain("No causes for concern have been raised");
  }
}
