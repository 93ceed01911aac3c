package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

/** The parents and carers import in a browser: reached from the pupil import, problems, preview, import; accessible. */
@SendaTest
class ContactImportPageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theContactImportReportsProblemsThenPreviewsThenImports(@TempDir Path files) throws Exception {
    long school = accounts.schoolIds().getFirst();
    Map<String, Object> contact = jdbc.sql("""
            select p.upn, c.name, c.relationship, c.parental_responsibility from pupil_contact c
            join pupil p on p.id = c.pupil_id where p.school_id = ? and p.leaving_date is null
            order by c.id fetch first 1 rows only""")
        .param(school).query().singleRow();
    Path bad = files.resolve("bad.csv");
    Files.writeString(bad, "upn,name,relationship,parental_responsibility,postcode\n"
        + contact.get("upn") + ",Alex Doe,Grandparent,perhaps,NOT A POSTCODE\n", StandardCharsets.UTF_8);
    Path good = files.resolve("good.csv");
    Files.writeString(good, "UPN,Contact Name,Relationship,Parental Responsibility\n" + contact.get("upn") + ","
        + contact.get("name") + "," + contact.get("relationship") + ","
        + (Boolean.TRUE.equals(contact.get("parental_responsibility")) ? "Yes" : "No") + "\n", StandardCharsets.UTF_8);

    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", school));
    browser.get("http://127.0.0.1:" + port + "/schools/" + school + "/pupil-imports");
    Browser.clickAndWait(browser, "#contact-import-link");
    assertThat(Browser.find(browser, "h1").getText()).isEqualTo("Import parents and carers");
    assertThat(browser.getTitle()).startsWith("Import parents and carers - ").endsWith(" - Senda");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Select a CSV or Excel file");
    assertThat(browser.getTitle()).startsWith("Error: ");
    Browser.assertAccessible(browser);

    Browser.find(browser, "#file").sendKeys(bad.toString());
    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(Browser.find(browser, "#import-errors").getText())
        .contains("parental_responsibility", "perhaps", "Parental responsibility must be Yes or No",
            "NOT A POSTCODE", "Enter a real postcode", "Enter the first line of the address");
    assertThat(browser.getTitle()).startsWith("Error: ");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "#page a[href$='/contact-imports']");
    Browser.find(browser, "#file").sendKeys(good.toString());
    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(Browser.find(browser, "#import-counts").getText())
        .contains("0 contacts will be added", "1 contact will be updated");
    assertThat(browser.findElements(By.cssSelector("table:last-of-type tbody tr"))).hasSize(1);
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "form[action$='/confirm'] button");
    assertThat(Browser.find(browser, ".govuk-notification-banner--success").getText())
        .contains("Parents and carers imported: 0 added, 1 updated");
    Browser.assertAccessible(browser);
  }
}
