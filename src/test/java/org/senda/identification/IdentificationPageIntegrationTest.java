package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
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

  @Autowired
  java.time.Clock clock;

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
  void theRegisterFilterSeparatesFlaggedPupilsNotOnTheRegisterFromThoseOnIt() {
    PageSession senco = as("SENCO", school());
    String path = "/schools/" + school() + "/identification";
    int all = IdentificationPageChangesIntegrationTest.flagged(senco.get(path).body());
    String off = senco.get(path + "?register=not-on").body();
    String on = senco.get(path + "?register=on").body();

    assertThat(off).contains("<option value=\"not-on\" selected=\"selected\">Not on the register</option>");
    int notOn = IdentificationPageChangesIntegrationTest.flagged(off);
    int onRegister = IdentificationPageChangesIntegrationTest.flagged(on);
    assertThat(notOn).as("flagged pupils not on the register").isPositive();
    assertThat(onRegister).as("flagged pupils on the register").isPositive();
    assertThat(notOn + onRegister).isEqualTo(all);
    java.util.Set<Long> offPupils = pupils(off);
    java.util.Set<Long> onPupils = pupils(on);
    assertThat(offPupils).isNotEmpty().doesNotContainAnyElementsOf(onPupils);
    assertThat(onPupils).isNotEmpty();
    offPupils.forEach(p -> assertThat(status(p)).as("pupil %d", p).isEqualTo("N"));
    onPupils.forEach(p -> assertThat(status(p)).as("pupil %d", p).isIn("K", "E"));
    String offFlag = firstFlag(off);
    assertThat(PupilChecksIntegrationTest.flagRow(off, offFlag)).contains("Not on the register");
    assertThat(on).doesNotContain("href=\"" + offFlag + "\"");
    String onFlag = firstFlag(on);
    assertThat(PupilChecksIntegrationTest.flagRow(on, onFlag)).containsAnyOf("K - SEN support", "E - EHC plan")
        .doesNotContain("Not on the register");
    assertThat(off).doesNotContain("href=\"" + onFlag + "\"");

    // The filter keeps the others, and the pages of a long list keep it.
    String maths = senco.get(path + "?subject=maths&register=on").body();
    Matcher links = FLAG_LINK.matcher(maths);
    while (links.find()) {
      assertThat(links.group(3)).isEqualTo("maths");
      assertThat(status(Long.parseLong(links.group(2)))).isIn("K", "E");
    }
    String longer = notOn > onRegister ? "not-on" : "on";
    assertThat(Math.max(notOn, onRegister)).as("a list of more than one page").isGreaterThan(50);
    assertThat(senco.get(path + "?register=" + longer).body())
        .contains("href=\"" + path + "?register=" + longer + "&amp;page=2\"");
    assertThat(senco.get(path + "?register=" + longer + "&page=2").body())
        .contains("<option value=\"" + longer + "\" selected=\"selected\">").contains("Showing 51 to ");
  }

  @Test
  void theYearGroupAndEalFiltersNarrowTheList() {
    PageSession senco = as("SENCO", school());
    String path = "/schools/" + school() + "/identification";
    String page = senco.get(path).body();
    int all = IdentificationPageChangesIntegrationTest.flagged(page);

    String ealOnly = senco.get(path + "?eal=yes").body();
    String notEal = senco.get(path + "?eal=no").body();
    int eal = IdentificationPageChangesIntegrationTest.flagged(ealOnly);
    assertThat(eal).as("flagged pupils with EAL").isPositive();
    assertThat(eal + IdentificationPageChangesIntegrationTest.flagged(notEal)).isEqualTo(all);
    pupils(ealOnly).forEach(p -> assertThat(eal(p)).as("pupil %d", p).isTrue());
    pupils(notEal).forEach(p -> assertThat(eal(p)).as("pupil %d", p).isFalse());
    assertThat(PupilChecksIntegrationTest.flagRow(ealOnly, firstFlag(ealOnly)))
        .contains("English as an additional language");
    assertThat(PupilChecksIntegrationTest.flagRow(notEal, firstFlag(notEal)))
        .doesNotContain("English as an additional language");

    long first = Long.parseLong(firstFlag(page).replaceAll(".*/pupils/(\\d+)/.*", "$1"));
    String yearGroup = yearGroup(first);
    String year = senco.get(path + "?yearGroup="
        + java.net.URLEncoder.encode(yearGroup, java.nio.charset.StandardCharsets.UTF_8)).body();
    int inYear = IdentificationPageChangesIntegrationTest.flagged(year);
    assertThat(inYear).isPositive().isLessThan(all);
    assertThat(pupils(year)).contains(first).allSatisfy(p -> assertThat(yearGroup(p)).isEqualTo(yearGroup));
    assertThat(year).contains("<option value=\"" + yearGroup + "\" selected=\"selected\">");

    // Both at once: the pupils of the year group with EAL.
    String both = senco.get(path + "?eal=yes&yearGroup="
        + java.net.URLEncoder.encode(yearGroup, java.nio.charset.StandardCharsets.UTF_8)).body();
    assertThat(IdentificationPageChangesIntegrationTest.flagged(both)).isLessThanOrEqualTo(Math.min(eal, inYear));
    assertThat(pupils(both)).allSatisfy(p -> assertThat(eal(p) && yearGroup(p).equals(yearGroup)).isTrue());
  }

  @Test
  void aTeacherSeesOnlyTheFlagsOfPupilsTheyTeach() {
    String path = "/schools/" + school() + "/identification";
    String teacherEmail = accounts.get("TEACHER", school()).email();
    // Need to know: the pupils of the teacher's classes and those they support.
    java.util.Set<Long> taught = new java.util.HashSet<>(jdbc.sql("""
            select p.id from pupil p join account a on a.email = ?
            where p.class_id in (select cs.class_id from class_staff cs where cs.staff_id = a.staff_id)
              or exists (select 1 from pupil_support_staff s where s.pupil_id = p.id and s.staff_id = a.staff_id)""")
        .param(teacherEmail).query(Long.class).list());
    Matcher links = FLAG_LINK.matcher(as("SENCO", school()).get(path).body());
    String notTaught = null;
    while (notTaught == null && links.find()) {
      notTaught = taught.contains(Long.parseLong(links.group(2))) ? null : links.group(1);
    }
    assertThat(notTaught).as("a flagged pupil the teacher does not teach").isNotNull();
    PageSession teacher = as("TEACHER", school());

    assertThat(teacher.get(notTaught).status()).isEqualTo(404);
    PageSession.Page own = teacher.get(path);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).doesNotContain("href=\"" + notTaught + "\"");
    assertThat(pupils(own.body())).allSatisfy(p -> assertThat(taught).contains(p));
  }

  @Test
  void aFlaggedPupilOnTheRegisterShowsWhatTheLatestReviewOfTheirPlanFound() {
    PageSession senco = as("SENCO", school());
    String path = "/schools/" + school() + "/identification";
    Matcher links = FLAG_LINK.matcher(senco.get(path + "?register=on").body());
    long pupil = 0;
    long plan = 0;
    String subject = null;
    while (plan == 0 && links.find()) {
      pupil = Long.parseLong(links.group(2));
      subject = links.group(3);
      plan = jdbc.sql("select coalesce(max(id), 0) from support_plan where pupil_id = ? and status = 'ACTIVE'")
          .param(pupil).query(Long.class).single();
    }
    assertThat(plan).as("a flagged pupil on the register with a current plan").isPositive();
    String yearGroup = yearGroup(pupil);
    String narrowed = path + "?subject=" + subject + "&yearGroup="
        + java.net.URLEncoder.encode(yearGroup, java.nio.charset.StandardCharsets.UTF_8);
    String flag = path + "/pupils/" + pupil + "/" + subject;
    Api api = new Api(port, accounts.get("SENCO", school()).apiToken());

    review(api, plan, "NOT_ACHIEVED", "CHANGE");
    String notWorking = senco.get(narrowed + "&register=plan-not-working").body();
    assertThat(PupilChecksIntegrationTest.flagRow(notWorking, flag)).contains("Plan not working at its latest review");

    review(api, plan, "ACHIEVED", "CONTINUE");
    assertThat(PupilChecksIntegrationTest.flagRow(senco.get(narrowed + "&register=on").body(), flag))
        .contains("Plan working at its latest review").doesNotContain("Plan not working");
    assertThat(senco.get(narrowed + "&register=plan-not-working").body()).doesNotContain("href=\"" + flag + "\"");
  }

  /** Reviews the plan's current cycle today: every outcome with this result, and the decision. */
  void review(Api api, long plan, String result, String decision) {
    tools.jackson.databind.JsonNode outcomes = api.get("/api/v1/support-plans/" + plan).json().get("outcomes");
    java.util.List<String> results = new java.util.ArrayList<>();
    outcomes.forEach(o -> results.add("{\"outcomeId\":" + o.get("id").asLong() + ",\"result\":\"" + result
        + "\",\"evidence\":\"Measured as the plan said\"}"));
    Api.Response review = api.postJson("/api/v1/support-plans/" + plan + "/reviews", """
        {"heldOn":"%s","outcomes":[%s],"whatWorked":"Small-group reading","decision":"%s"}"""
        .formatted(java.time.LocalDate.now(clock), String.join(",", results), decision));
    assertThat(review.status()).as(review.body()).isEqualTo(201);
  }

  static String firstFlag(String page) {
    Matcher link = FLAG_LINK.matcher(page);
    assertThat(link.find()).as("a flagged pupil on the page").isTrue();
    return link.group(1);
  }

  static java.util.Set<Long> pupils(String page) {
    java.util.Set<Long> pupils = new java.util.HashSet<>();
    Matcher link = FLAG_LINK.matcher(page);
    while (link.find()) {
      pupils.add(Long.parseLong(link.group(2)));
    }
    return pupils;
  }

  boolean eal(long pupilId) {
    return jdbc.sql("select eal from pupil where id = ?").param(pupilId).query(Boolean.class).single();
  }

  String yearGroup(long pupilId) {
    return jdbc.sql("select y.name from pupil p join year_group y on y.id = p.year_group_id where p.id = ?")
        .param(pupilId).query(String.class).single();
  }

  String status(long pupilId) {
    return jdbc.sql("select coalesce(max(status), 'N') from register_entry where pupil_id = ?")
        .param(pupilId).query(String.class).single();
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

    String detail = "dismissed " + link.group(3) + " at " + hidden(senco.get(path).body(), "point");
    int audited = dismissalsAudited(link.group(2), detail);

    PageSession.Page done = senco.post(path + "/dismiss", Map.of("reason", "New to English; EAL support started"));
    assertThat(done.status()).isEqualTo(302);
    assertThat(dismissals()).isEqualTo(before + 1);
    // kept with who dismissed it, and in the audit log
    assertThat(jdbc.sql("""
            select reason || ' / ' || dismissed_by from progress_flag_dismissal where pupil_id = ?
            order by id desc fetch first 1 rows only""")
        .param(Long.parseLong(link.group(2))).query(String.class).single())
        .isEqualTo("New to English; EAL support started / " + accounts.get("SENCO", school()).email());
    assertThat(dismissalsAudited(link.group(2), detail)).isEqualTo(audited + 1);
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

  /** Audit entries of the SENCO dismissing a flag of the pupil, with this detail. */
  int dismissalsAudited(String pupilId, String detail) {
    return jdbc.sql("""
            select count(*) from audit_entry where action = 'UPDATE' and record_type = 'progress-flag'
            and record_id = ? and detail = ? and actor_email = ?""")
        .params(pupilId, detail, accounts.get("SENCO", school()).email()).query(Integer.class).single();
  }

  int dismissals() {
    return jdbc.sql("select count(*) from progress_flag_dismissal").query(Integer.class).single();
  }
}
