package org.senda.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.senda.test.Browser;
import org.senda.test.BrowserSignIn;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SendaTest
class AgenciesPageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Test
  void theDirectoryAndTheReferralPagesAreAccessible() {
    long school = accounts.schoolIds().get(2);
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", school));
    String base = "http://127.0.0.1:" + port;

    browser.get(base + "/schools/" + school + "/agencies");
    assertThat(browser.getTitle()).startsWith("Agencies - ").endsWith(" - Senda");
    assertThat(browser.getPageSource()).contains("Northshire Educational Psychology Service", "Shared");
    Browser.assertAccessible(browser);

    browser.get(base + "/schools/" + school + "/agencies/new");
    Browser.find(browser, "#professionalName").sendKeys("Dr Sam Hale");
    Browser.find(browser, "form[action$='/agencies'] button[type=submit]").click();
    assertThat(Browser.find(browser, ".govuk-error-summary").getText())
        .contains("Select the type of service", "Enter the name of the service");
    assertThat(Browser.find(browser, "#professionalName").getDomProperty("value")).isEqualTo("Dr Sam Hale");
    Browser.assertAccessible(browser);

    browser.get(base + "/schools/" + school + "/referrals");
    assertThat(browser.getTitle()).startsWith("Referrals - ");
    Browser.assertAccessible(browser);
    browser.get(base + "/schools/" + school + "/referrals?overdue=true");
    Browser.assertAccessible(browser);

    browser.get(base + "/schools/" + school + "/referrals");
    String referral = Browser.find(browser, "table a.govuk-link").getDomAttribute("href");
    browser.get(base + referral);
    assertThat(browser.getPageSource()).contains("Parents’ consent".replace('’', '\''), "History");
    Browser.assertAccessible(browser);
    String pupil = Browser.find(browser, "a.govuk-back-link").getDomAttribute("href");

    for (String page : new String[] {"/status", "/consent", "/reports/new"}) {
      browser.get(base + referral + page);
      Browser.assertAccessible(browser);
    }
    browser.get(base + referral + "/status");
    Browser.find(browser, "form[action$='/status'] button[type=submit]").click();
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Select the new status");
    Browser.assertAccessible(browser);

    browser.get(base + pupil + "/referrals/new");
    Browser.assertAccessible(browser);
    browser.get(base + pupil);
    assertThat(browser.getPageSource()).contains("External agencies", "Write a referral");
    Browser.assertAccessible(browser);
  }
}
