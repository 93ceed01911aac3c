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
import org.springframework.jdbc.core.simple.JdbcClient;

@SendaTest
class AgenciesPageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  /** A letter to post for the referral, to its first parent, as the outbox keeps for a parent without email. */
  long letterFor(long referralId) {
    jdbc.sql("""
            insert into referral_letter (referral_id, school_id, pupil_id, contact_id, parent_name, relationship,
              created_at)
            select r.id, r.school_id, r.pupil_id, c.id, c.name, c.relationship, current_timestamp
            from referral r join pupil_contact c on c.pupil_id = r.pupil_id and c.parental_responsibility
            where r.id = ? and c.id = (select min(c2.id) from pupil_contact c2 where c2.pupil_id = r.pupil_id
              and c2.parental_responsibility)
              and not exists (select 1 from referral_letter l where l.referral_id = r.id)""")
        .param(referralId).update();
    return jdbc.sql("select min(id) from referral_letter where referral_id = ?").param(referralId)
        .query(Long.class).single();
  }

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
    Browser.clickAndWait(browser, "form[action$='/agencies'] button[type=submit]");
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
    Browser.clickAndWait(browser, "form[action$='/status'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Select the new status");
    Browser.assertAccessible(browser);

    // A referral sent to a parent without an email address leaves a letter to post.
    long referralId = Long.parseLong(referral.replaceAll(".*/referrals/(\\d+)$", "$1"));
    long letter = letterFor(referralId);
    browser.get(base + "/schools/" + school + "/referrals/letters");
    assertThat(browser.getTitle()).startsWith("Letters to post - ");
    assertThat(browser.getPageSource()).contains("/letters/" + letter + ".pdf");
    Browser.assertAccessible(browser);
    browser.get(base + referral);
    assertThat(browser.getPageSource()).contains("Letters to post", "Not posted");
    Browser.assertAccessible(browser);
    browser.get(base + referral + "/letters/" + letter);
    Browser.find(browser, "#postedOn-day").clear();
    Browser.clickAndWait(browser, "form[action$='/letters/" + letter + "'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("date the letter was posted must include a day");
    Browser.assertAccessible(browser);

    browser.get(base + pupil + "/referrals/new");
    Browser.assertAccessible(browser);
    browser.get(base + pupil);
    assertThat(browser.getPageSource()).contains("External agencies", "Write a referral");
    Browser.assertAccessible(browser);
  }
}
