package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.senda.test.Browser;
import org.senda.test.BrowserSignIn;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pupil pages in a browser, each state checked with axe (WCAG 2.2 AA). */
@SendaTest
class PupilPageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void sencoFindsAPupilFromTheHeaderAndReadsAndEditsTheirRecord() {
    long schoolId = accounts.schoolIds().getFirst();
    Map<String, Object> pupil = jdbc.sql("""
            select id, legal_surname, upn from pupil p where school_id = ?
            and exists (select 1 from pupil_contact c where c.pupil_id = p.id) order by id""")
        .param(schoolId).query().listOfRows().getFirst();
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", schoolId));
    browser.get(url("/schools/" + schoolId + "/pupil-imports"));
    browser.findElement(By.id("header-search")).sendKeys(String.valueOf(pupil.get("upn")));
    Browser.clickAndWait(browser, "form.senda-header-search button");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/schools/" + schoolId + "/pupils?q="));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Pupils");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "a[href$='/pupils/" + pupil.get("id") + "']");
    assertThat(browser.getTitle()).endsWith(" - Senda").contains(" - ");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains(String.valueOf(pupil.get("upn")), "Parents and carers", "Timeline");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "a[href$='/pupils/" + pupil.get("id") + "/edit']");
    Browser.assertAccessible(browser);
    var forename = browser.findElement(By.id("legalForename"));
    forename.clear();
    Browser.clickAndWait(browser, "form[action$='/edit'] button[type=submit]");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Enter the pupil's legal forename");
    assertThat(browser.getTitle()).startsWith("Change details of");
    Browser.assertAccessible(browser);

    browser.get(url("/schools/" + schoolId + "/pupils/" + pupil.get("id")));
    assertThat(browser.findElement(By.cssSelector(".govuk-summary-card")).getText()).contains("Postal address");
    Browser.clickAndWait(browser, ".govuk-summary-card__action a[href*='/contacts/']");
    Browser.assertAccessible(browser);
    var town = browser.findElement(By.id("town"));
    town.clear();
    Browser.clickAndWait(browser, "form[action$='/edit'] button[type=submit]");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Enter the town or city");
    assertThat(browser.findElement(By.id("addressLine1")).getAttribute("value")).isNotBlank();
    Browser.assertAccessible(browser);
  }

  @Test
  void importShowsARowByRowErrorReportThenADryRunThenImports(@org.junit.jupiter.api.io.TempDir Path files)
      throws Exception {
    long schoolId = accounts.schoolIds().getLast();
    Map<String, Object> existing = jdbc.sql("""
            select p.upn, p.legal_forename, p.legal_surname, p.date_of_birth, y.code
            from pupil p join year_group y on y.id = p.year_group_id where p.school_id = ? order by p.id""")
        .param(schoolId).query().listOfRows().getFirst();
    String header = "UPN,Legal Forename,Legal Surname,DOB,NC Year\n";
    Path bad = files.resolve("bad.csv");
    Files.writeString(bad, header + "B123456789012,Amelia,Khan,2018-03-14,3\n", StandardCharsets.UTF_8);
    Path good = files.resolve("good.csv");
    Files.writeString(good, header + existing.get("upn") + "," + existing.get("legal_forename") + ","
        + existing.get("legal_surname") + "," + existing.get("date_of_birth") + "," + existing.get("code") + "\n",
        StandardCharsets.UTF_8);
    long pupils = jdbc.sql("select count(*) from pupil").query(Long.class).single();

    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", schoolId));
    browser.get(url("/schools/" + schoolId + "/pupil-imports"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Import pupils");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Select a CSV or Excel file");
    Browser.assertAccessible(browser);

    browser.findElement(By.id("file")).sendKeys(bad.toString());
    Browser.clickAndWait(browser, "form[enctype] button");
    String report = browser.findElement(By.id("import-errors")).getText();
    assertThat(report).contains("The UPN check letter is wrong", "B123456789012");
    Browser.assertAccessible(browser);

    browser.get(url("/schools/" + schoolId + "/pupil-imports"));
    browser.findElement(By.id("file")).sendKeys(good.toString());
    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(browser.findElement(By.id("import-counts")).getText())
        .contains("0 pupils will be added", "1 pupil will be updated");
    Browser.assertAccessible(browser);
    assertThat(jdbc.sql("select count(*) from pupil").query(Long.class).single()).isEqualTo(pupils);

    Browser.clickAndWait(browser, "form[action$='/confirm'] button");
    assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
        .contains("0 added, 1 updated");
    Browser.assertAccessible(browser);
    assertThat(jdbc.sql("select count(*) from pupil").query(Long.class).single()).isEqualTo(pupils);
  }

  @Test
  void headteacherGivesTheTrustLeadAccessOnAnAccessiblePage() {
    long schoolId = accounts.schoolIds().get(1);
    WebDriver browser = BrowserSignIn.as(port, accounts.get("HEADTEACHER", schoolId));
    browser.get(url("/schools/" + schoolId + "/pupil-access"));
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "form[action$='/pupil-access'] button");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Select who to give access to", "Enter the reason for giving access", "Enter the date access ends");
    Browser.assertAccessible(browser);
  }
}
