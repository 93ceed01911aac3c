package org.senda.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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

/** Every organisation admin page in a real browser, each checked by axe (WCAG 2.2 AA), with and without errors. */
@SendaTest
class OrganisationPageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts demo;

  @Autowired
  JdbcClient jdbc;

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void visit(WebDriver browser, String path, String heading) {
    browser.get(url(path));
    assertThat(browser.findElement(By.tagName("h1")).getText()).as(path).isEqualTo(heading);
    Browser.assertAccessible(browser);
  }

  /** Submits the page's main form as it is and checks the error summary, accessibly. */
  private void submitWithErrors(WebDriver browser, String clearField, String message) {
    if (clearField != null) {
      browser.findElement(By.id(clearField)).clear();
    }
    Browser.clickAndWait(browser, "main form[novalidate] button[type=submit]");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-error-summary")));
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains(message);
    assertThat(browser.getTitle()).endsWith(" - Senda");
    Browser.assertAccessible(browser);
  }

  private long first(String sql, long schoolId) {
    return jdbc.sql(sql).param(schoolId).query(Long.class).single();
  }

  @Test
  void headteacherUsesEverySchoolAdminPage() {
    long id = demo.schoolIds().get(1);
    WebDriver browser = BrowserSignIn.as(port, demo.get("HEADTEACHER", id));
    String school = "/schools/" + id;
    visit(browser, school, "Riverside Academy");
    visit(browser, school + "/calendar", "Terms and holidays");
    visit(browser, school + "/classes", "Classes");
    visit(browser, school + "/year-groups", "Year groups");
    visit(browser, school + "/staff", "Staff");

    visit(browser, school + "/edit", "Change school details");
    submitWithErrors(browser, "name", "Enter the name of the school");

    long year = first("select max(id) from academic_year where school_id = ?", id);
    visit(browser, school + "/calendar/terms/new?yearId=" + year, "Add a term");
    submitWithErrors(browser, null, "Enter a name for the term");
    long term = first("select min(id) from term where school_id = ?", id);
    visit(browser, school + "/calendar/terms/" + term + "/edit", "Change term");
    submitWithErrors(browser, "endsOn-day", "The date the term ends must include a day");
    visit(browser, school + "/calendar/holidays/new?yearId=" + year, "Add a holiday");
    submitWithErrors(browser, null, "Enter the date the holiday starts");
    long holiday = first("select min(id) from school_holiday where school_id = ?", id);
    visit(browser, school + "/calendar/holidays/" + holiday + "/edit", "Change holiday");

    visit(browser, school + "/classes/new", "Add a class");
    submitWithErrors(browser, null, "Select the year group of the class");
    long schoolClass = first("select min(id) from school_class where school_id = ?", id);
    visit(browser, school + "/classes/" + schoolClass + "/edit", "Change class");
    submitWithErrors(browser, "name", "Enter the name of the class");

    visit(browser, school + "/year-groups/new", "Add a year group");
    submitWithErrors(browser, null, "Enter a short code for the year group");
    long yearGroup = first("select min(id) from year_group where school_id = ?", id);
    visit(browser, school + "/year-groups/" + yearGroup + "/edit", "Change year group");
    submitWithErrors(browser, "ordinal", "Enter the National Curriculum year");

    visit(browser, school + "/staff/new", "Add a member of staff");
    submitWithErrors(browser, null, "Select at least one role in this school");
    long staff = first("select min(staff_id) from staff_role where school_id = ? and role = 'TEACHER'", id);
    browser.get(url(school + "/staff/" + staff + "/edit"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Change ");
    Browser.assertAccessible(browser);
    submitWithErrors(browser, "email", "Enter an email address");
  }

  @Test
  void schoolAdministratorSavesAClassAndSeesTheConfirmation() {
    long id = demo.schoolIds().get(2);
    WebDriver browser = BrowserSignIn.as(port, demo.get("SCHOOL_ADMIN", id));
    long schoolClass = first("select min(id) from school_class where school_id = ?", id);
    visit(browser, "/schools/" + id + "/classes/" + schoolClass + "/edit", "Change class");
    Browser.clickAndWait(browser, "main form[novalidate] button[type=submit]");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/classes$"));
    assertThat(browser.getCurrentUrl()).as(() -> browser.findElement(By.tagName("main")).getText())
        .endsWith("/schools/" + id + "/classes");
    assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
        .contains("saved");
    Browser.assertAccessible(browser);
    List<String> links = browser.findElements(By.cssSelector(".govuk-service-navigation__link")).stream()
        .map(e -> e.getText()).toList();
    assertThat(links).contains("School", "Staff", "Classes", "Calendar", "Year groups").doesNotContain("Trust");
  }

  @Test
  void trustLeadUsesTheTrustPages() {
    WebDriver browser = BrowserSignIn.as(port, demo.get("TRUST_SEND_LEAD", null));
    visit(browser, "/", "Your schools");
    visit(browser, "/trust", "Demo Learning Trust");
    visit(browser, "/trust/edit", "Change trust details");
    submitWithErrors(browser, "name", "Enter the name of the trust");
    visit(browser, "/trust/schools/new", "Add a school");
    submitWithErrors(browser, null, "Enter the school's URN");
  }
}
