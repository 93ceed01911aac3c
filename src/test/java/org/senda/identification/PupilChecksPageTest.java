package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.senda.test.Browser;
import org.senda.test.BrowserSignIn;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The attendance import pages and the pages that correct attendance and hearing and vision checks, in a browser. */
@SendaTest
class PupilChecksPageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theAttendanceImportReportsProblemsThenPreviewsThenImports(@TempDir Path files) throws Exception {
    long school = accounts.schoolIds().getFirst();
    List<String> upns = jdbc.sql("""
            select upn from pupil p where school_id = ? and not exists (select 1 from pupil_attendance a
              where a.pupil_id = p.id and a.term_id = (select id from term where school_id = p.school_id
                and starts_on <= current_date order by starts_on desc fetch first 1 rows only))
            order by id desc""")
        .param(school).query(String.class).list().subList(0, 2);
    String term = jdbc.sql("""
            select t.name || ' ' || ay.label from term t join academic_year ay on ay.id = t.academic_year_id
            where t.school_id = ? and t.starts_on <= current_date order by t.starts_on desc fetch first 1 rows only""")
        .param(school).query(String.class).single();
    Path bad = files.resolve("bad.csv");
    Files.writeString(bad, "upn,term,attendance_percent\n" + upns.get(0) + "," + term + ",120\n",
        StandardCharsets.UTF_8);
    Path good = files.resolve("good.csv");
    Files.writeString(good, "upn,term,attendance_percent\n" + upns.get(0) + "," + term + ",97\n" + upns.get(1)
        + "," + term + ",98.5\n", StandardCharsets.UTF_8);

    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", school));
    browser.get("http://127.0.0.1:" + port + "/schools/" + school + "/identification");
    Browser.clickAndWait(browser, "a[href$='/identification/attendance-imports']");
    assertThat(Browser.find(browser, "h1").getText()).isEqualTo("Import attendance");
    assertThat(browser.getTitle()).startsWith("Import attendance - ").endsWith(" - Senda");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Select a CSV file");
    assertThat(browser.getTitle()).startsWith("Error: ");
    Browser.assertAccessible(browser);

    Browser.find(browser, "#file").sendKeys(bad.toString());
    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(Browser.find(browser, "#import-errors").getText())
        .contains("attendance_percent", "120", "This is not a percentage from 0 to 100");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "a[href$='/identification/attendance-imports']");
    Browser.find(browser, "#file").sendKeys(good.toString());
    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(Browser.find(browser, "#import-counts").getText()).contains("2 terms of attendance will be added");
    assertThat(browser.findElements(By.cssSelector("#import-preview tbody tr"))).hasSize(2);
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "form[action$='/confirm'] button");
    assertThat(Browser.find(browser, ".govuk-notification-banner--success").getText())
        .contains("Attendance imported: 2 added, 0 changed");
    Browser.assertAccessible(browser);
  }

  @Test
  void attendanceAndChecksAreCorrectedAndACheckDeletedOnAccessiblePages() {
    long school = accounts.schoolIds().getFirst();
    long pupil = jdbc.sql("""
            select max(id) from pupil p where school_id = ?
            and not exists (select 1 from sensory_check c where c.pupil_id = p.id)""")
        .param(school).query(Long.class).single();
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", school));
    String checks = "http://127.0.0.1:" + port + "/schools/" + school + "/pupils/" + pupil + "/checks";
    browser.get(checks);
    Browser.find(browser, "#percentage").sendKeys("96");
    Browser.clickAndWait(browser, "form[action$='/attendance'] button[type=submit]");
    Browser.find(browser, ".govuk-notification-banner--success");

    Browser.clickAndWait(browser, "a[href*='/checks/attendance/']");
    assertThat(browser.getTitle()).startsWith("Change attendance for ");
    Browser.assertAccessible(browser);
    var percentage = Browser.find(browser, "#percentage");
    percentage.clear();
    percentage.sendKeys("ninety");
    Browser.clickAndWait(browser, "form[action*='/checks/attendance/'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Attendance must be a percentage");
    assertThat(Browser.find(browser, "#percentage").getDomProperty("value")).isEqualTo("ninety");
    Browser.assertAccessible(browser);

    // someone else saves this term while the form is open: their figure is shown and what was typed is kept
    String term = browser.getCurrentUrl().replaceAll(".*/checks/attendance/(\\d+).*", "$1");
    jdbc.sql("update pupil_attendance set percentage = 91, version = version + 1 where pupil_id = ? and term_id = ?")
        .params(pupil, Long.parseLong(term)).update();
    percentage = Browser.find(browser, "#percentage");
    percentage.clear();
    percentage.sendKeys("95.5");
    Browser.clickAndWait(browser, "form[action*='/checks/attendance/'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Someone else changed this record");
    assertThat(Browser.find(browser, "#latest").getText()).contains("91%");
    assertThat(Browser.find(browser, "#percentage").getDomProperty("value")).isEqualTo("95.5");
    Browser.assertAccessible(browser);

    browser.get(checks);
    Browser.find(browser, "#kind").click();
    Browser.find(browser, "#checkedOn-day").sendKeys("2");
    Browser.find(browser, "#checkedOn-month").sendKeys("3");
    Browser.find(browser, "#checkedOn-year").sendKeys("2025");
    Browser.find(browser, "#result").sendKeys("Passed");
    Browser.find(browser, "#checkedBy").sendKeys("School nurse");
    Browser.clickAndWait(browser, "form[action$='/sensory'] button[type=submit]");
    Browser.find(browser, ".govuk-notification-banner--success");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "a[href*='/checks/sensory/']:not([href$='/delete'])");
    assertThat(browser.getTitle()).startsWith("Change a hearing check");
    Browser.assertAccessible(browser);
    Browser.find(browser, "#result").clear();
    Browser.clickAndWait(browser, "form[action*='/checks/sensory/'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Enter what the check found");
    Browser.assertAccessible(browser);

    browser.get(checks);
    Browser.clickAndWait(browser, "a[href$='/delete']");
    assertThat(Browser.find(browser, "h1").getText()).isEqualTo("Are you sure you want to delete this hearing check?");
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "form[action$='/delete'] button.govuk-button--warning");
    assertThat(Browser.find(browser, ".govuk-notification-banner--success").getText())
        .contains("Hearing check of 2 March 2025 deleted");
    assertThat(browser.getPageSource()).contains("No hearing or vision check has been recorded");
  }
}
