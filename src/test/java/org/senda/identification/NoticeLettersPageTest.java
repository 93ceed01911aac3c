package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
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
class NoticeLettersPageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  /**
   * A concern decided as starting SEN support, for the pupil of the school's latest concern, and its letter to post to
   * the pupil's first parent with parental responsibility, as the outbox keeps it for a parent without email.
   */
  long letter(long school) {
    jdbc.sql("""
            insert into concern (school_id, pupil_id, raised_on, raised_by, raised_by_name, areas, evidence,
              tried_in_class, status, decision, decision_notes, decided_on)
            select school_id, pupil_id, raised_on, raised_by, raised_by_name, areas, evidence, tried_in_class,
              'DECIDED', 'START_SEN_SUPPORT', 'Screening shows a specific difficulty', current_date
            from concern where id = (select max(id) from concern where school_id = ?)""").param(school).update();
    long concern = jdbc.sql("select max(id) from concern where school_id = ?").param(school)
        .query(Long.class).single();
    jdbc.sql("""
            insert into parent_notice (school_id, pupil_id, concern_id, starts_on, recipients, created_at)
            select c.school_id, c.pupil_id, c.id, current_date, 'A parent: no email address, post the letter',
              current_timestamp
            from concern c where c.id = ?""").param(concern).update();
    jdbc.sql("""
            insert into parent_notice_letter (notice_id, concern_id, school_id, pupil_id, contact_id, parent_name,
              relationship, created_at)
            select n.id, n.concern_id, n.school_id, n.pupil_id, pc.id, pc.name, pc.relationship, n.created_at
            from parent_notice n join pupil_contact pc on pc.pupil_id = n.pupil_id
            where n.id = (select max(id) from parent_notice where concern_id = ?)
              and pc.id = (select min(c2.id) from pupil_contact c2 where c2.pupil_id = n.pupil_id
                and c2.parental_responsibility)""").param(concern).update();
    return jdbc.sql("select max(id) from parent_notice_letter where concern_id = ?").param(concern)
        .query(Long.class).single();
  }

  @Test
  void theLettersToPostAndTheFormToRecordOneAsPostedAreAccessibleWithTheirErrors() {
    long school = accounts.schoolIds().get(2);
    long letter = letter(school);
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", school));
    String base = "http://127.0.0.1:" + port;

    browser.get(base + "/schools/" + school + "/identification");
    Browser.clickAndWait(browser, "a[href$='/identification/letters']");
    assertThat(Browser.find(browser, "h1").getText()).isEqualTo("Letters to post");
    assertThat(browser.getTitle()).startsWith("Letters to post - Identification - ").endsWith(" - Senda");
    Browser.assertAccessible(browser);

    String record = Browser.find(browser, "a[href*='/letters/" + letter + "?from=list']").getDomAttribute("href");
    browser.get(base + record.replace("?from=list", "").replaceAll("/letters/\\d+$", ""));
    assertThat(Browser.find(browser, "h1").getText()).isEqualTo("Cause for concern");
    assertThat(browser.getPageSource()).contains("Letters to post", "Not posted", "Record as posted");
    Browser.assertAccessible(browser);

    browser.get(base + "/schools/" + school + "/identification/letters");
    Browser.clickAndWait(browser, "a[href*='/letters/" + letter + "?from=list']");
    assertThat(Browser.find(browser, "h1").getText()).isEqualTo("Record that the letter was posted");
    Browser.assertAccessible(browser);

    String form = "form[action$='/letters/" + letter + "']";
    Browser.find(browser, "#postedOn-day").clear();
    Browser.find(browser, "#postedOn-month").clear();
    Browser.find(browser, "#postedOn-year").clear();
    Browser.clickAndWait(browser, form + " button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText())
        .contains("Enter the date the letter was posted");
    Browser.assertAccessible(browser);

    LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
    Browser.find(browser, "#postedOn-day").sendKeys(String.valueOf(tomorrow.getDayOfMonth()));
    Browser.find(browser, "#postedOn-month").sendKeys(String.valueOf(tomorrow.getMonthValue()));
    Browser.find(browser, "#postedOn-year").sendKeys(String.valueOf(tomorrow.getYear()));
    Browser.clickAndWait(browser, form + " button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText())
        .contains("The date the letter was posted must be today or in the past");
    assertThat(Browser.find(browser, "#postedOn-year").getDomProperty("value"))
        .isEqualTo(String.valueOf(tomorrow.getYear()));
    Browser.assertAccessible(browser);

    LocalDate today = LocalDate.now(clock);
    Browser.find(browser, "#postedOn-day").clear();
    Browser.find(browser, "#postedOn-day").sendKeys(String.valueOf(today.getDayOfMonth()));
    Browser.find(browser, "#postedOn-month").clear();
    Browser.find(browser, "#postedOn-month").sendKeys(String.valueOf(today.getMonthValue()));
    Browser.find(browser, "#postedOn-year").clear();
    Browser.find(browser, "#postedOn-year").sendKeys(String.valueOf(today.getYear()));
    Browser.clickAndWait(browser, form + " button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-notification-banner").getText()).contains("recorded as posted on");
    assertThat(browser.getPageSource()).doesNotContain("/letters/" + letter + "?from=list");
    Browser.assertAccessible(browser);

    // The pupil's timeline says when the letter was posted.
    long pupil = jdbc.sql("select pupil_id from parent_notice_letter where id = ?").param(letter)
        .query(Long.class).single();
    browser.get(base + "/schools/" + school + "/pupils/" + pupil);
    assertThat(browser.getPageSource()).contains("Letter to parents posted");
    Browser.assertAccessible(browser);
  }
}
