package org.senda.identification;

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
class ConcernTriagePageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theConcernTheDiscussionFormAndTheDecisionFormAreAccessibleWithTheirErrors() {
    long school = accounts.schoolIds().getFirst();
    long concern = jdbc.sql("select max(id) from concern where school_id = ? and status <> 'DECIDED'")
        .param(school).query(Long.class).single();
    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", school));
    String base = "http://127.0.0.1:" + port + "/schools/" + school + "/concerns/" + concern;

    browser.get(base);
    assertThat(browser.getTitle()).startsWith("Cause for concern - ").endsWith(" - Senda");
    Browser.assertAccessible(browser);

    browser.get(base + "/discussion");
    Browser.assertAccessible(browser);
    Browser.find(browser, "#attendees").sendKeys("Dad and the SENCO");
    Browser.clickAndWait(browser, "form[action$='/discussion'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText())
        .contains("Enter the date of the discussion", "Enter notes of the discussion");
    assertThat(Browser.find(browser, "#attendees").getDomProperty("value")).isEqualTo("Dad and the SENCO");
    Browser.assertAccessible(browser);

    browser.get(base + "/decision");
    Browser.assertAccessible(browser);
    Browser.clickAndWait(browser, "form[action$='/decision'] button[type=submit]");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText())
        .contains("Select a decision", "Enter the reason for the decision");
    Browser.assertAccessible(browser);
  }
}
