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

/** The score import pages in a browser: problems row by row, then a preview, then the import, each accessible. */
@SendaTest
class AssessmentImportPageTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theScoreImportReportsProblemsThenPreviewsThenImports(@TempDir Path files) throws Exception {
    long school = accounts.schoolIds().getFirst();
    String point = jdbc.sql("""
            select label from assessment_point where school_id = ? order by assessed_on desc fetch first 1 rows only""")
        .param(school).query(String.class).single();
    List<String> upns = jdbc.sql("""
            select upn from pupil p where school_id = ? and not exists (
              select 1 from assessment_score s join assessment_subject sub on sub.id = s.subject_id
              join assessment_point ap on ap.id = s.point_id
              where s.pupil_id = p.id and sub.code = 'reading' and ap.label = ?)
            order by id desc""")
        .params(school, point).query(String.class).list().subList(0, 2);
    Path bad = files.resolve("bad.csv");
    Files.writeString(bad, "upn,subject,assessment_point,score\n" + upns.get(0) + ",reading," + point + ",250\n",
        StandardCharsets.UTF_8);
    Path good = files.resolve("good.csv");
    Files.writeString(good, "upn,subject,assessment_point,score\n" + upns.get(0) + ",reading," + point + ",96\n"
        + upns.get(1) + ",reading," + point + ",112\n", StandardCharsets.UTF_8);

    WebDriver browser = BrowserSignIn.as(port, accounts.get("SENCO", school));
    browser.get("http://127.0.0.1:" + port + "/schools/" + school + "/identification/scores");
    Browser.clickAndWait(browser, "a[href$='/identification/assessment-imports']");
    assertThat(Browser.find(browser, "h1").getText()).isEqualTo("Import scores");
    assertThat(browser.getTitle()).startsWith("Import scores - ").endsWith(" - Senda");
    assertThat(Browser.find(browser, "#import-subjects").getText()).contains("reading", "Reading");
    assertThat(Browser.find(browser, "#import-points").getText()).contains(point);
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(Browser.find(browser, ".govuk-error-summary").getText()).contains("Select a CSV file");
    assertThat(browser.getTitle()).startsWith("Error: ");
    Browser.assertAccessible(browser);

    Browser.find(browser, "#file").sendKeys(bad.toString());
    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(Browser.find(browser, "#import-errors").getText())
        .contains("score", "250", "This is not a Reading score", "Enter a score for Reading as a number from 55 to 145");
    assertThat(browser.getTitle()).startsWith("Error: ");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "a[href$='/identification/assessment-imports']");
    Browser.find(browser, "#file").sendKeys(good.toString());
    Browser.clickAndWait(browser, "form[enctype] button");
    assertThat(Browser.find(browser, "#import-counts").getText()).contains("2 scores will be added");
    assertThat(browser.findElements(By.cssSelector("#import-preview tbody tr"))).hasSize(2);
    assertThat(Browser.find(browser, "#import-preview").getText()).contains(upns.get(1), point, "112", "Add");
    Browser.assertAccessible(browser);

    Browser.clickAndWait(browser, "form[action$='/confirm'] button");
    assertThat(Browser.find(browser, ".govuk-notification-banner--success").getText())
        .contains("Scores imported: 2 added, 0 changed");
    Browser.assertAccessible(browser);
    assertThat(jdbc.sql("""
            select count(*) from assessment_score s join pupil p on p.id = s.pupil_id
            join assessment_point ap on ap.id = s.point_id where p.upn in (?, ?) and ap.label = ?""")
        .params(upns.get(0), upns.get(1), point).query(Integer.class).single()).isEqualTo(2);
  }
}
