package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.test.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The identification page and the explanation of each flag keep the flags they computed until one of their inputs
 * changes: each change a school makes (a score, a threshold, a dismissal, a pupil leaving, a year group renamed) shows
 * on the very next view, and a view with nothing changed runs the same few statements for a small school and a large
 * one.
 */
@SendaTest
class IdentificationPageChangesIntegrationTest {

  static final Pattern FLAG_LINK = IdentificationPageIntegrationTest.FLAG_LINK;
  static final Pattern FLAGGED = Pattern.compile("govuk-table__caption--m\">(\\d+) flagged");

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  static final SignedInSessions SESSIONS = new SignedInSessions();

  PageSession senco(long schoolId) {
    return SESSIONS.of(port, accounts.get("SENCO", schoolId));
  }

  String page(long schoolId) {
    PageSession.Page page = senco(schoolId).get("/schools/" + schoolId + "/identification");
    assertThat(page.status()).isEqualTo(200);
    return page.body();
  }

  /**
   * The last flagged pupil on the page (other tests take the first): the link to their explanation, their id and
   * the subject.
   */
  static Matcher aFlag(String page) {
    Matcher link = FLAG_LINK.matcher(page);
    String last = null;
    while (link.find()) {
      last = link.group();
    }
    assertThat(last).as("a flagged pupil on the page").isNotNull();
    Matcher found = FLAG_LINK.matcher(last);
    assertThat(found.find()).isTrue();
    return found;
  }

  @Test
  void aScoreImportedShowsOnTheNextView() {
    long schoolId = accounts.schoolIds().get(2);
    Matcher flag = aFlag(page(schoolId));
    String path = flag.group(1);
    long pupilId = Long.parseLong(flag.group(2));
    String subject = flag.group(3);
    String latestPoint = IdentificationPageIntegrationTest.hidden(senco(schoolId).get(path).body(), "point");
    String upn = jdbc.sql("select upn from pupil where id = ?").param(pupilId).query(String.class).single();
    Api api = new Api(port, accounts.get("SENCO", schoolId).apiToken());
    assertThat(api.get("/api/v1/schools/" + schoolId + "/progress-flags?subject=" + subject).body())
        .contains("\"pupilId\":" + pupilId + ",");

    double saved = jdbc.sql("""
            select s.score from assessment_score s join assessment_subject sub on sub.id = s.subject_id
            join assessment_point ap on ap.id = s.point_id where s.pupil_id = ? and sub.code = ? and ap.label = ?""")
        .params(pupilId, subject, latestPoint).query(Double.class).single();

    // The latest score now far above the year group and well up on the start: no gap, no slowing down.
    assertThat(importScore(api, schoolId, upn, subject, latestPoint, "140").status()).isEqualTo(200);
    try {
      assertThat(page(schoolId)).doesNotContain("href=\"" + path + "\"");
      assertThat(api.get("/api/v1/schools/" + schoolId + "/progress-flags?subject=" + subject).body())
          .doesNotContain("\"pupilId\":" + pupilId + ",");
    } finally {
      assertThat(importScore(api, schoolId, upn, subject, latestPoint, java.math.BigDecimal.valueOf(saved)
          .stripTrailingZeros().toPlainString()).status()).isEqualTo(200);
    }
    assertThat(page(schoolId)).contains("href=\"" + path + "\"");
  }

  static Api.Response importScore(Api api, long schoolId, String upn, String subject, String point, String score) {
    return api.post("/api/v1/schools/" + schoolId + "/assessment-imports", "text/csv",
        "upn,subject,assessment_point,score\n" + upn + "," + subject + "," + point + "," + score + "\n");
  }

  @Test
  void changedThresholdsShowOnTheNextView() {
    long schoolId = accounts.schoolIds().get(1);
    String settings = "/schools/" + schoolId + "/identification/settings";
    assertThat(flagged(page(schoolId))).isPositive();

    Map<String, String> lenient = new HashMap<>(Map.of(
        "windowPoints", "3", "bandWidth", "5", "significanceMads", "5", "minimumDifference", "100",
        "minimumCohort", "10", "gapPoints", "100", "wideningPoints", "100", "rateTolerancePoints", "100",
        "recentArrivalMonths", "6", "attendanceThreshold", "90"));
    lenient.put("version", IdentificationPageIntegrationTest.hidden(senco(schoolId).get(settings).body(), "version"));
    assertThat(senco(schoolId).post(settings, lenient).status()).isEqualTo(302);
    try {
      assertThat(page(schoolId)).contains("No pupils are flagged with these filters.")
          .doesNotContain("govuk-table__caption--m");
    } finally {
      Map<String, String> defaults = new HashMap<>(Map.of(
          "windowPoints", "3", "bandWidth", "5", "significanceMads", "1", "minimumDifference", "3",
          "minimumCohort", "10", "gapPoints", "5", "wideningPoints", "3", "rateTolerancePoints", "3",
          "recentArrivalMonths", "6", "attendanceThreshold", "90"));
      defaults.put("version",
          IdentificationPageIntegrationTest.hidden(senco(schoolId).get(settings).body(), "version"));
      assertThat(senco(schoolId).post(settings, defaults).status()).isEqualTo(302);
    }
    assertThat(flagged(page(schoolId))).isPositive();
  }

  @Test
  void aDismissedFlagLeavesTheNextView() {
    long schoolId = accounts.schoolIds().get(2);
    String path = aFlag(page(schoolId)).group(1);

    assertThat(senco(schoolId).post(path + "/dismiss", Map.of("reason", "Hearing check booked; monitor")).status())
        .isEqualTo(302);

    assertThat(page(schoolId)).doesNotContain("href=\"" + path + "\"");
  }

  @Test
  void aPupilWhoLeftIsNotFlaggedOnTheNextView() {
    long schoolId = accounts.schoolIds().get(2);
    long pupilId = Long.parseLong(aFlag(page(schoolId)).group(2));
    String edit = "/schools/" + schoolId + "/pupils/" + pupilId + "/edit";
    LocalDate today = LocalDate.now(clock);

    Map<String, String> original = pupilForm(jdbc, pupilId);
    Map<String, String> left = new HashMap<>(original);
    left.put("leavingDate.day", String.valueOf(today.getDayOfMonth()));
    left.put("leavingDate.month", String.valueOf(today.getMonthValue()));
    left.put("leavingDate.year", String.valueOf(today.getYear()));
    assertThat(senco(schoolId).post(edit, left).status()).isEqualTo(302);
    try {
      assertThat(page(schoolId)).doesNotContain("/identification/pupils/" + pupilId + "/");
    } finally {
      // Back on roll, with the flags the pupil had.
      Map<String, String> back = new HashMap<>(original);
      back.put("version", pupilForm(jdbc, pupilId).get("version"));
      assertThat(senco(schoolId).post(edit, back).status()).isEqualTo(302);
    }
    assertThat(page(schoolId)).contains("/identification/pupils/" + pupilId + "/");
  }

  @Test
  void aRenamedYearGroupShowsOnTheNextView() {
    long schoolId = accounts.schoolIds().get(1);
    long pupilId = Long.parseLong(aFlag(page(schoolId)).group(2));
    Map<String, Object> year = jdbc.sql("""
            select y.id, y.code, y.name, y.ordinal, y.version from year_group y
            join pupil p on p.year_group_id = y.id where p.id = ?""")
        .param(pupilId).query().singleRow();
    String edit = "/schools/" + schoolId + "/year-groups/" + year.get("id") + "/edit";
    String renamed = "Renamed " + year.get("name");
    PageSession head = SESSIONS.of(port, accounts.get("HEADTEACHER", schoolId));
    assertThat(head.post(edit, Map.of("code", text(year.get("code")), "name", renamed,
        "ordinal", text(year.get("ordinal")), "version", text(year.get("version")))).status()).isEqualTo(302);
    try {
      assertThat(page(schoolId)).contains("<td class=\"govuk-table__cell\">" + renamed + "</td>");
    } finally {
      int version = jdbc.sql("select version from year_group where id = ?").param(year.get("id"))
          .query(Integer.class).single();
      assertThat(head.post(edit, Map.of("code", text(year.get("code")), "name", text(year.get("name")),
          "ordinal", text(year.get("ordinal")), "version", String.valueOf(version))).status()).isEqualTo(302);
    }
    assertThat(page(schoolId)).doesNotContain(renamed);
  }

  @Test
  void longListsComeInPagesOfFiftyThatKeepTheFilters() {
    long schoolId = accounts.schoolIds().get(1);
    String path = "/schools/" + schoolId + "/identification";
    String first = page(schoolId);
    int flagged = flagged(first);
    assertThat(flagged).as("a demo school with more than one page of flags").isGreaterThan(50);

    assertThat(links(first)).hasSize(50);
    assertThat(first).contains("Showing 1 to 50").contains("href=\"" + path + "?page=2\"");
    String second = senco(schoolId).get(path + "?page=2").body();
    assertThat(second).contains("Showing 51 to " + Math.min(100, flagged)).contains(flagged + " flagged");
    assertThat(links(second)).doesNotContainAnyElementsOf(links(first));
    assertThat(senco(schoolId).get(path + "?page=9999").body()).contains("Showing " + (50 * ((flagged - 1) / 50) + 1));

    String maths = senco(schoolId).get(path + "?subject=maths&criterion=&page=1").body();
    Matcher pageLinks = Pattern.compile("href=\"(" + path + "\\?[^\"]*page=\\d+)\"").matcher(maths);
    while (pageLinks.find()) {
      assertThat(pageLinks.group(1)).startsWith(path + "?subject=maths&amp;page=");
    }
  }

  static java.util.List<String> links(String page) {
    java.util.List<String> links = new java.util.ArrayList<>();
    Matcher link = FLAG_LINK.matcher(page);
    while (link.find()) {
      links.add(link.group(1));
    }
    return links;
  }

  @Test
  void aViewWithNothingChangedRunsTheSameFewStatementsForAnySchool() {
    long small = accounts.schoolIds().get(1);
    long large = accounts.schoolIds().getFirst();
    page(small);
    page(large);

    // The SENCO's page also counts the letters to parents still to post: one statement, whatever their number.
    SqlStatements.assertBounded(15,
        SqlStatements.of(senco(small).get("/schools/" + small + "/identification")),
        SqlStatements.of(senco(large).get("/schools/" + large + "/identification")));
  }

  @Test
  void anExplanationShowsAScoreAndADismissalOnItsNextView() {
    long schoolId = accounts.schoolIds().get(2);
    Matcher flag = aFlag(page(schoolId));
    String path = flag.group(1);
    long pupilId = Long.parseLong(flag.group(2));
    String subject = flag.group(3);
    String before = explanation(schoolId, path);
    assertThat(before).contains("Dismiss flag").doesNotContain("None: this pupil");
    String latestPoint = IdentificationPageIntegrationTest.hidden(before, "point");
    String upn = jdbc.sql("select upn from pupil where id = ?").param(pupilId).query(String.class).single();
    Api api = new Api(port, accounts.get("SENCO", schoolId).apiToken());
    double saved = jdbc.sql("""
            select s.score from assessment_score s join assessment_subject sub on sub.id = s.subject_id
            join assessment_point ap on ap.id = s.point_id where s.pupil_id = ? and sub.code = ? and ap.label = ?""")
        .params(pupilId, subject, latestPoint).query(Double.class).single();

    assertThat(importScore(api, schoolId, upn, subject, latestPoint, "140").status()).isEqualTo(200);
    try {
      assertThat(explanation(schoolId, path)).contains("None: this pupil")
          .contains("govuk-table__cell--numeric\">140.0</td>").doesNotContain("Dismiss flag");
      // again, from what was kept
      assertThat(explanation(schoolId, path)).contains("None: this pupil");
    } finally {
      assertThat(importScore(api, schoolId, upn, subject, latestPoint, java.math.BigDecimal.valueOf(saved)
          .stripTrailingZeros().toPlainString()).status()).isEqualTo(200);
    }
    assertThat(explanation(schoolId, path)).contains("Dismiss flag").doesNotContain("None: this pupil")
        .doesNotContain("govuk-table__cell--numeric\">140.0</td>");

    assertThat(senco(schoolId).post(path + "/dismiss", Map.of("reason", "Glasses prescribed; monitor")).status())
        .isEqualTo(302);

    assertThat(explanation(schoolId, path)).contains("This flag was dismissed on")
        .contains("Reason: Glasses prescribed; monitor").doesNotContain("Dismiss flag");
  }

  @Test
  void anExplanationShowsChangedThresholdsOnItsNextView() {
    long schoolId = accounts.schoolIds().get(1);
    String path = aFlag(page(schoolId)).group(1);
    String settings = "/schools/" + schoolId + "/identification/settings";
    assertThat(explanation(schoolId, path)).doesNotContain("None: this pupil");

    Map<String, String> lenient = new HashMap<>(Map.of(
        "windowPoints", "3", "bandWidth", "5", "significanceMads", "5", "minimumDifference", "100",
        "minimumCohort", "10", "gapPoints", "100", "wideningPoints", "100", "rateTolerancePoints", "100",
        "recentArrivalMonths", "6", "attendanceThreshold", "90"));
    lenient.put("version", IdentificationPageIntegrationTest.hidden(senco(schoolId).get(settings).body(), "version"));
    assertThat(senco(schoolId).post(settings, lenient).status()).isEqualTo(302);
    try {
      assertThat(explanation(schoolId, path)).contains("None: this pupil").doesNotContain("Dismiss flag");
    } finally {
      Map<String, String> defaults = new HashMap<>(Map.of(
          "windowPoints", "3", "bandWidth", "5", "significanceMads", "1", "minimumDifference", "3",
          "minimumCohort", "10", "gapPoints", "5", "wideningPoints", "3", "rateTolerancePoints", "3",
          "recentArrivalMonths", "6", "attendanceThreshold", "90"));
      defaults.put("version",
          IdentificationPageIntegrationTest.hidden(senco(schoolId).get(settings).body(), "version"));
      assertThat(senco(schoolId).post(settings, defaults).status()).isEqualTo(302);
    }
    assertThat(explanation(schoolId, path)).doesNotContain("None: this pupil");
  }

  @Test
  void anExplanationWithNothingChangedRunsTheSameFewStatementsForAnySchool() {
    long small = accounts.schoolIds().get(1);
    long large = accounts.schoolIds().getFirst();
    String smallFlag = aFlag(page(small)).group(1);
    String largeFlag = aFlag(page(large)).group(1);
    explanation(small, smallFlag);
    explanation(large, largeFlag);

    SqlStatements.assertBounded(11,
        SqlStatements.of(senco(small).get(smallFlag)),
        SqlStatements.of(senco(large).get(largeFlag)));
  }

  String explanation(long schoolId, String path) {
    PageSession.Page page = senco(schoolId).get(path);
    assertThat(page.status()).isEqualTo(200);
    return page.body();
  }

  static int flagged(String page) {
    Matcher count = FLAGGED.matcher(page);
    return count.find() ? Integer.parseInt(count.group(1)) : 0;
  }

  /** The pupil's details form exactly as saved, for a change of one field. */
  static Map<String, String> pupilForm(JdbcClient jdbc, long pupilId) {
    Map<String, Object> p = jdbc.sql("select * from pupil where id = ?").param(pupilId).query().singleRow();
    Map<String, String> form = new HashMap<>();
    form.put("legalForename", text(p.get("legal_forename")));
    form.put("legalSurname", text(p.get("legal_surname")));
    form.put("preferredForename", text(p.get("preferred_forename")));
    form.put("preferredSurname", text(p.get("preferred_surname")));
    date(form, "dateOfBirth", p.get("date_of_birth"));
    form.put("sex", text(p.get("sex")));
    form.put("yearGroupId", text(p.get("year_group_id")));
    form.put("classId", text(p.get("class_id")));
    date(form, "admissionDate", p.get("admission_date"));
    date(form, "leavingDate", p.get("leaving_date"));
    java.util.List<String> flags = new java.util.ArrayList<>();
    for (String flag : java.util.List.of("eal", "pupil_premium", "free_school_meals", "looked_after",
        "medical_condition", "young_carer", "service_child")) {
      if (Boolean.TRUE.equals(p.get(flag))) {
        flags.add(flag.toUpperCase(java.util.Locale.ROOT));
      }
    }
    form.put("flags", String.join(",", flags));
    form.put("virtualSchoolContact", text(p.get("virtual_school_contact")));
    form.put("version", text(p.get("version")));
    return form;
  }

  static String text(@org.jspecify.annotations.Nullable Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  static void date(Map<String, String> form, String field, @org.jspecify.annotations.Nullable Object value) {
    LocalDate date = value == null ? null : ((java.sql.Date) value).toLocalDate();
    form.put(field + ".day", date == null ? "" : String.valueOf(date.getDayOfMonth()));
    form.put(field + ".month", date == null ? "" : String.valueOf(date.getMonthValue()));
    form.put(field + ".year", date == null ? "" : String.valueOf(date.getYear()));
  }
}
