package org.senda.provision;

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
import org.springframework.jdbc.core.simple.JdbcClient;

@SendaTest
class ProvisionPageTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DemoAccounts accounts;

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void aSencoFindsTheGroupsMapsHistoryBudgetAndEffectiveness() {
    long schoolId = accounts.schoolIds().getFirst();
    String base = "/schools/" + schoolId + "/provision";
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", schoolId));
    browser.get(url(base));
    assertThat(browser.findElements(By.cssSelector("#provision-links a"))).hasSizeGreaterThan(5);
    Browser.assertAccessible(browser);

    browser.get(url(base + "/interventions"));
    assertThat(browser.findElement(By.id("interventions-table")).getText()).contains("Toe by Toe");
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "#add-intervention");
    Browser.clickAndWait(browser, "#intervention-form button[type=submit]");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Enter the name of the intervention");
    Browser.assertAccessible(browser);

    browser.get(url(base + "/map"));
    assertThat(browser.getTitle()).startsWith("Provision map");
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "#map-table tbody tr th a");
    assertThat(browser.findElement(By.id("cost-table")).getText()).contains("Planned", "Actual");
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "#pupils-table tbody tr th a");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Provision history");
    Browser.assertAccessible(browser);

    browser.get(url(base + "/groups/new"));
    Browser.clickAndWait(browser, "#group-form button[type=submit]");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Name at least one member of staff");
    Browser.assertAccessible(browser);

    for (String page : new String[] {"/groups", "/budget", "/effectiveness", "/deployment", "/reviews", "/settings"}) {
      browser.get(url(base + page));
      assertThat(browser.findElements(By.tagName("h1"))).as(page).hasSize(1);
      Browser.assertAccessible(browser);
    }
  }

  @Test
  void choosingInClassSupportRevealsTheLessonsAndItsPageNamesThem() {
    long schoolId = accounts.schoolIds().getFirst();
    String base = "/schools/" + schoolId + "/provision";
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", schoolId));
    browser.get(url(base + "/groups/new"));
    assertThat(browser.findElement(By.id("lessons")).isDisplayed()).as("hidden until chosen").isFalse();
    browser.findElement(By.cssSelector("input[name=kind][value=IN_CLASS]")).click();
    assertThat(browser.findElement(By.id("lessons")).isDisplayed()).isTrue();
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "#group-form button[type=submit]");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Enter the lessons the support is in");
    assertThat(browser.findElement(By.id("lessons")).isDisplayed()).as("still shown with its error").isTrue();
    Browser.assertAccessible(browser);

    long inClass = jdbc.sql("select min(id) from provision_group where school_id = ? and kind = 'IN_CLASS'")
        .param(schoolId).query(Long.class).single();
    browser.get(url(base + "/groups/" + inClass));
    assertThat(browser.findElement(By.id("group-kind")).getText()).contains("In-class support in");
    Browser.assertAccessible(browser);
  }

  @Test
  void theTrustLeadComparesInterventionsAcrossSchools() {
    WebDriver browser = BrowserSignIn.as(port, accounts.get("TRUST_SEND_LEAD", null));
    browser.get(url("/trust/provision/effectiveness"));
    assertThat(browser.findElements(By.cssSelector("#trust-table tbody tr"))).isNotEmpty();
    Browser.assertAccessible(browser);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("intervention"))).selectByVisibleText("Toe by Toe");
    Browser.clickAndWait(browser, "#compare-form button");
    assertThat(browser.findElement(By.id("compare-table")).getText()).contains("Toe by Toe in each school");
    assertThat(browser.findElements(By.cssSelector("#compare-table tbody tr"))).hasSizeGreaterThan(1);
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "#trust-catalogue-link");
    assertThat(browser.findElement(By.id("trust-interventions-table")).getText()).contains("Toe by Toe");
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "#add-trust-intervention");
    Browser.clickAndWait(browser, "#intervention-form button[type=submit]");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("Enter the name of the intervention");
    Browser.assertAccessible(browser);
    browser.get(url("/trust/provision/interventions"));
    Browser.clickAndWait(browser, "#trust-interventions-table tbody tr th a");
    assertThat(browser.findElement(By.id("owner-note")).getText()).contains("Shared across the trust");
    Browser.assertAccessible(browser);
  }

  @Test
  void aSencoCopiesATrustEntryToMakeTheSchoolsOwnVariant() {
    long schoolId = accounts.schoolIds().getFirst();
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", schoolId));
    browser.get(url("/schools/" + schoolId + "/provision/interventions"));
    Browser.clickAndWait(browser, browser.findElement(By.partialLinkText("Copy to edit")));
    assertThat(browser.findElement(By.id("copied-from")).getText()).contains("which the trust keeps");
    Browser.assertAccessible(browser);
  }
}
