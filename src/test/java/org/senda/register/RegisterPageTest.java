package org.senda.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.senda.test.Browser;
import org.senda.test.BrowserSignIn;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SendaTest
class RegisterPageTest {

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
  void aSencoFiltersSortsExportsAndOpensTheCensusAndAPupil() {
    long schoolId = accounts.schoolIds().get(0);
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", schoolId));
    browser.get(url("/schools/" + schoolId + "/register"));
    assertThat(browser.getTitle()).startsWith("SEND register - ").endsWith(" - Senda");
    assertThat(browser.findElements(By.cssSelector("#register-table tbody tr"))).isNotEmpty();
    Browser.assertAccessible(browser);

    new Select(browser.findElement(By.id("status"))).selectByValue("E");
    Browser.clickAndWait(browser, "#register-filter button[type=submit]");
    assertThat(browser.getCurrentUrl()).contains("status=E");
    List<WebElement> statuses = browser.findElements(By.cssSelector("#register-table tbody tr td:nth-child(4)"));
    assertThat(statuses).isNotEmpty().allSatisfy(cell -> assertThat(cell.getText()).contains("E - EHC plan"));
    assertThat(browser.findElement(By.id("count-total")).getText())
        .isEqualTo(browser.findElement(By.id("count-e")).getText());

    Browser.clickAndWait(browser, "#sort-year");
    assertThat(browser.getCurrentUrl()).contains("sort=year").contains("status=E");
    assertThat(browser.findElement(By.cssSelector("th[aria-sort=ascending] a")).getText()).isEqualTo("Year");
    assertThat(browser.findElement(By.id("export-csv")).getAttribute("href"))
        .contains("/register/export.csv").contains("status=E").contains("sort=year");
    assertThat(browser.findElement(By.id("export-xlsx")).getAttribute("href")).contains("/register/export.xlsx");

    Browser.clickAndWait(browser, "#register-table tbody tr td a");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    assertThat(browser.findElements(By.cssSelector("#send-history tbody tr"))).isNotEmpty();
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "#change-status");
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "#change-form button[type=submit]");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Enter the reason for the change");
    Browser.assertAccessible(browser);

    browser.get(url("/schools/" + schoolId + "/register/census"));
    assertThat(browser.findElement(By.id("census-day")).getText()).contains("The next census day is the");
    assertThat(browser.findElements(By.cssSelector("#census-table tbody tr"))).isNotEmpty();
    Browser.assertAccessible(browser);
  }

  @Test
  void theTrustLeadSeesCountsPerSchoolAndAGovernorTheSummary() {
    WebDriver browser = BrowserSignIn.as(port, accounts.get("TRUST_SEND_LEAD", null));
    browser.get(url("/trust/register"));
    assertThat(browser.findElements(By.cssSelector("#trust-counts tbody tr"))).hasSize(accounts.schoolIds().size() + 1);
    assertThat(browser.findElements(By.cssSelector("#trust-counts a"))).isEmpty();
    Browser.assertAccessible(browser);

    long schoolId = accounts.schoolIds().get(1);
    WebDriver governor = BrowserSignIn.as(port, accounts.get("GOVERNOR", schoolId));
    governor.get(url("/schools/" + schoolId + "/register"));
    assertThat(governor.findElement(By.tagName("h1")).getText()).isEqualTo("SEND register summary");
    assertThat(governor.findElements(By.id("register-table"))).isEmpty();
    Browser.assertAccessible(governor);
  }

  @Test
  void theHostSencoChoosesTheLastDayOfADualRegistration() {
    long host = jdbc.sql("select min(host_school_id) from dual_registration").query(Long.class).single();
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", host));
    browser.get(url("/schools/" + host + "/register/dual-registrations"));
    assertThat(browser.findElements(By.cssSelector("#dual-registrations tbody tr"))).isNotEmpty();
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "#dual-registrations a[id^=end-]");
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("End the dual registration of ");
    assertThat(browser.findElement(By.id("lastDay-day")).getAttribute("value")).isNotBlank();
    Browser.assertAccessible(browser);
    WebElement year = browser.findElement(By.id("lastDay-year"));
    year.clear();
    year.sendKeys("26");
    Browser.clickAndWait(browser, "#end-form button[type=submit]");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Error: "));
    assertThat(browser.getTitle()).startsWith("Error: End dual registration - ");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Year must include 4 numbers");
    assertThat(browser.findElement(By.id("lastDay-year")).getAttribute("value")).isEqualTo("26");
    Browser.assertAccessible(browser);
  }
}
