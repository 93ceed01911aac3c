package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SendaTest
class IdentificationPageIntegrationTest {

  static final Pattern FLAG_LINK = Pattern.compile("href=\"(/schools/\\d+/identification/pupils/(\\d+)/(\\w+))\"");

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  long school() {
    return accounts.schoolIds().getFirst();
  }

  /** One session per account for the whole class: signing in again within a code's 30 seconds is refused. */
  static final SignedInSessions SESSIONS = new SignedInSessions();

  PageSession as(String role, long schoolId) {
    return SESSIONS.of(port, accounts.get(role, schoolId));
  }

  @Test
  void theSencoSeesFlaggedPupilsWithTheirCriteriaAndFilters() {
    PageSession.Page page = as("SENCO", school()).get("/schools/" + school() + "/identification");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<h1 class=\"govuk-heading-l\">Identification</h1>");
    assertThat(page.body()).contains("flagged").containsPattern(FLAG_LINK);
    assertThat(page.body()).contains("Gap to peers");

    PageSession.Page maths = as("SENCO", school()).get(
        "/schools/" + school() + "/identification?subject=maths&criterion=GAP_WIDENING");
    assertThat(maths.status()).isEqualTo(200);
    Matcher links = FLAG_LINK.matcher(maths.body());
    while (links.find()) {
      assertThat(links.group(3)).isEqualTo("maths");
    }
  }

  @Test
  void eachFlaggedPupilLinksToTheirOpenConcernOrToRaisingOne() {
    String page = as("SENCO", school()).get("/schools/" + school() + "/identification").body();
    Matcher raise = Pattern.compile("href=\"/schools/" + school() + "/pupils/(\\d+)/concerns/new\"").matcher(page);
    String pupil = null;
    while (raise.find()) {
      pupil = raise.group(1);
    }
    assertThat(pupil).as("a flagged pupil without an open concern").isNotNull();
    jdbc.sql("""
            insert into concern (school_id, pupil_id, raised_on, raised_by, raised_by_name, areas, evidence,
              tried_in_class) values (?, ?, current_date, 'teacher@example.org', 'A Teacher', 'COGNITION_AND_LEARNING',
              'Reads below the class', 'Pre-teaching')""")
        .params(school(), Long.parseLong(pupil))
        .update();
    long concernId = jdbc.sql("select max(id) from concern where pupil_id = ?")
        .param(Long.parseLong(pupil)).query(Long.class).single();

    String after = as("SENCO", school()).get("/schools/" + school() + "/identification").body();

    assertThat(after).contains("href=\"/schools/" + school() + "/concerns/" + concernId + "\"")
        .doesNotContain("href=\"/schools/" + school() + "/pupils/" + pupil + "/concerns/new\"");
  }

  @Test
  void aFlagIsExplainedWithAChartAndTheFiguresInATable() {
    PageSession senco = as("SENCO", school());
    Matcher link = FLAG_LINK.matcher(senco.get("/schools/" + school() + "/identification").body());
    assertThat(link.find()).isTrue();

    PageSession.Page page = senco.get(link.group(1));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("role=\"img\"").contains("<title id=\"chart-").contains("<desc id=\"chart-");
    assertThat(page.body()).contains("Scores shown in the chart").contains("Year group median");
    assertThat(page.body()).contains("Gap to the year group median");
  }

  @Test
  void refusesGovernorsAndOtherSchools() {
    long other = accounts.schoolIds().get(1);
    assertThat(as("GOVERNOR", school()).get("/schools/" + school() + "/identification").status()).isEqualTo(403);
    assertThat(as("SENCO", other).get("/schools/" + school() + "/identification").status()).isEqualTo(404);
  }

  @Test
  void aDismissalNeedsAReasonAndThenTakesTheFlagOffThePage() {
    PageSession senco = as("SENCO", school());
    Matcher link = FLAG_LINK.matcher(senco.get("/schools/" + school() + "/identification").body());
    assertThat(link.find()).isTrue();
    String path = link.group(1);
    int before = dismissals();

    PageSession.Page empty = senco.post(path + "/dismiss", Map.of("reason", " ", "point", "ignored"));
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("There is a problem").contains("Enter why you are dismissing this flag");
    assertThat(dismissals()).isEqualTo(before);

    PageSession.Page done = senco.post(path + "/dismiss", Map.of("reason", "New to English; EAL support started"));
    assertThat(done.status()).isEqualTo(302);
    assertThat(dismissals()).isEqualTo(before + 1);
    assertThat(senco.get("/schools/" + school() + "/identification").body()).doesNotContain("href=\"" + path + "\"");

    PageSession teacher = as("TEACHER", school());
    assertThat(teacher.post(path + "/dismiss", Map.of("reason", "x")).status()).isIn(403, 404);
  }

  @Test
  void theSencoChangesThresholdsOnlyWhenEveryValueIsValid() {
    long schoolId = accounts.schoolIds().get(2);
    PageSession senco = as("SENCO", schoolId);
    String path = "/schools/" + schoolId + "/identification/settings";
    assertThat(senco.get(path).status()).isEqualTo(200);

    Map<String, String> fields = new java.util.HashMap<>(Map.of(
        "windowPoints", "3", "bandWidth", "6", "significanceMads", "1.5", "minimumDifference", "3",
        "minimumCohort", "two", "gapPoints", "5", "wideningPoints", "3", "rateTolerancePoints", "3",
        "recentArrivalMonths", "6", "attendanceThreshold", "90"));
    PageSession.Page invalid = senco.post(path, fields);
    assertThat(invalid.status()).isEqualTo(200);
    assertThat(invalid.body()).contains("Smallest peer group must be between 3 and 500 pupils").contains("value=\"two\"");
    assertThat(bandWidth(schoolId)).isNull();

    fields.put("minimumCohort", "12");
    assertThat(senco.post(path, fields).status()).isEqualTo(302);
    assertThat(bandWidth(schoolId)).isEqualTo(6.0);

    assertThat(as("TEACHER", schoolId).get(path).status()).isEqualTo(403);
  }

  @Test
  void twoSencosSavingThresholdsAtOnceDoNotOverwriteEachOther() {
    long schoolId = accounts.schoolIds().get(1);
    PageSession senco = as("SENCO", schoolId);
    try {
      savingAtOnce(senco, schoolId);
    } finally {
      jdbc.sql("delete from identification_settings where school_id = ?").param(schoolId).update();
      // Back to the defaults behind the application's back: tell the flags the school keeps that they are out of date.
      jdbc.sql("update progress_inputs set version = version + 1 where school_id = ?").param(schoolId).update();
    }
  }

  void savingAtOnce(PageSession senco, long schoolId) {
    String path = "/schools/" + schoolId + "/identification/settings";
    String version = hidden(senco.get(path).body(), "version");

    Map<String, String> first = new java.util.HashMap<>(Map.of(
        "windowPoints", "3", "bandWidth", "7", "significanceMads", "1", "minimumDifference", "3",
        "minimumCohort", "10", "gapPoints", "5", "wideningPoints", "3", "rateTolerancePoints", "3",
        "recentArrivalMonths", "6", "attendanceThreshold", "90"));
    first.put("version", version);
    Map<String, String> second = new java.util.HashMap<>(first);
    second.put("bandWidth", "9.5");
    second.put("attendanceThreshold", "92");

    assertThat(senco.post(path, first).status()).isEqualTo(302);
    PageSession.Page conflict = senco.post(path, second);

    assertThat(conflict.status()).isEqualTo(200);
    assertThat(conflict.body()).contains(org.senda.web.ConcurrentEdit.MESSAGE)
        .contains("value=\"9.5\"").contains("value=\"92\"").contains("The latest saved thresholds");
    assertThat(bandWidth(schoolId)).isEqualTo(7.0);

    second.put("version", hidden(conflict.body(), "version"));
    assertThat(senco.post(path, second).status()).isEqualTo(302);
    assertThat(bandWidth(schoolId)).isEqualTo(9.5);
  }

  static String hidden(String body, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(body);
    assertThat(m.find()).as("hidden field " + name).isTrue();
    return m.group(1);
  }

  Double bandWidth(long schoolId) {
    return jdbc.sql("select band_width from identification_settings where school_id = ?")
        .param(schoolId).query(Double.class).optional().orElse(null);
  }

  int dismissals() {
    return jdbc.sql("select count(*) from progress_flag_dismissal").query(Integer.class).single();
  }
}
