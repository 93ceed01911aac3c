package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
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
 * Attendance and hearing and vision checks: recorded by the SENCO on a pupil's page or imported as CSV (all or
 * nothing), read by the progress flags' cautions.
 */
@SendaTest
class PupilChecksIntegrationTest {

  static final SignedInSessions SESSIONS = new SignedInSessions();
  static final Pattern FLAG_LINK = Pattern.compile("href=\"(/schools/\\d+/identification/pupils/(\\d+)/(\\w+))\"");

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  PageSession as(String role, long schoolId) {
    return SESSIONS.of(port, accounts.get(role, schoolId));
  }

  long school() {
    return accounts.schoolIds().get(2);
  }

  /** A flagged pupil of the school with no hearing check and good attendance: the path of their flag. */
  String uncheckedFlag() {
    Matcher links = FLAG_LINK.matcher(as("SENCO", school()).get("/schools/" + school() + "/identification").body());
    String found = null;
    while (links.find()) {
      long pupil = Long.parseLong(links.group(2));
      int known = jdbc.sql("""
              select (select count(*) from sensory_check where pupil_id = ? and kind = 'HEARING')
                   + (select count(*) from pupil_attendance where pupil_id = ? and percentage < 90)""")
          .params(pupil, pupil).query(Integer.class).single();
      if (known == 0) {
        found = links.group(1);
      }
    }
    assertThat(found).as("a flagged pupil without checks").isNotNull();
    return found;
  }

  @Test
  void recordedAttendanceAndChecksChangeTheCautionsOfAFlag() {
    String flag = uncheckedFlag();
    long pupil = Long.parseLong(flag.replaceAll(".*/pupils/(\\d+)/.*", "$1"));
    PageSession senco = as("SENCO", school());
    assertThat(senco.get(flag).body()).contains("No hearing check recorded").doesNotContain("Low attendance");
    String list = "/schools/" + school() + "/identification";
    assertThat(flagRow(senco.get(list).body(), flag)).contains("No hearing check recorded");
    String checks = "/schools/" + school() + "/pupils/" + pupil + "/checks";
    String page = senco.get(checks).body();
    Matcher term = Pattern.compile("<option value=\"(\\d+)\"").matcher(page);
    assertThat(term.find()).isTrue();

    assertThat(senco.post(checks + "/attendance", Map.of("termId", term.group(1), "percentage", "81.5")).status())
        .isEqualTo(302);
    assertThat(senco.post(checks + "/sensory", Map.of("kind", "HEARING", "checkedOn.day", "3",
        "checkedOn.month", "2", "checkedOn.year", "2025", "result", "Mild loss in the left ear",
        "checkedBy", "School nurse")).status()).isEqualTo(302);

    String after = senco.get(flag).body();
    assertThat(after).contains("Low attendance").doesNotContain("No hearing check recorded");
    // and the school's list of flags, which is kept between views while its inputs are unchanged, says so too
    assertThat(flagRow(senco.get(list).body(), flag)).doesNotContain("No hearing check recorded");
    assertThat(senco.get(checks).body()).contains("81.5%").contains("Mild loss in the left ear")
        .contains("School nurse");
  }

  @Test
  void aPupilWithEnglishAsAnAdditionalLanguageOrRecentlyArrivedCarriesTheCautionsOnTheirFlag() {
    PageSession senco = as("SENCO", school());
    String list = "/schools/" + school() + "/identification";
    LocalDate today = LocalDate.now(clock);
    // A flagged pupil who is neither learning English nor new to the school.
    Matcher links = FLAG_LINK.matcher(senco.get(list).body());
    String flag = null;
    long pupil = 0;
    while (flag == null && links.find()) {
      pupil = Long.parseLong(links.group(2));
      boolean settled = jdbc.sql("""
              select count(*) from pupil where id = ? and not eal
                and (admission_date is null or admission_date < ?)""")
          .params(pupil, today.minusYears(1)).query(Integer.class).single() == 1;
      flag = settled ? links.group(1) : null;
    }
    assertThat(flag).as("a flagged pupil without EAL who joined over a year ago").isNotNull();
    assertThat(flagRow(senco.get(list).body(), flag)).doesNotContain("English as an additional language")
        .doesNotContain("Recent arrival");
    String edit = "/schools/" + school() + "/pupils/" + pupil + "/edit";
    Map<String, String> original = IdentificationPageChangesIntegrationTest.pupilForm(jdbc, pupil);
    Map<String, String> changed = new HashMap<>(original);
    changed.put("flags", original.get("flags").isEmpty() ? "EAL" : original.get("flags") + ",EAL");
    IdentificationPageChangesIntegrationTest.date(changed, "admissionDate",
        java.sql.Date.valueOf(today.minusMonths(1)));
    assertThat(senco.post(edit, changed).status()).isEqualTo(302);
    try {
      assertThat(flagRow(senco.get(list).body(), flag)).contains("English as an additional language")
          .contains("Recent arrival");
      assertThat(senco.get(flag).body())
          .contains("reflects learning English rather than a learning difficulty")
          .contains("The pupil joined recently: allow time to settle and ask the previous school for records.");
      assertThat(senco.get(list + "?eal=yes").body()).contains("href=\"" + flag + "\"");
    } finally {
      Map<String, String> back = new HashMap<>(original);
      back.put("version", IdentificationPageChangesIntegrationTest.pupilForm(jdbc, pupil).get("version"));
      assertThat(senco.post(edit, back).status()).isEqualTo(302);
    }
    assertThat(flagRow(senco.get(list).body(), flag)).doesNotContain("English as an additional language")
        .doesNotContain("Recent arrival");
  }

  /** The row of the school's list of flags that links to this flag. */
  static String flagRow(String list, String flag) {
    int link = list.indexOf("href=\"" + flag + "\"");
    assertThat(link).as("the flag %s on the first page of the list", flag).isNotNegative();
    return list.substring(list.lastIndexOf("<tr", link), list.indexOf("</tr>", link));
  }

  @Test
  void invalidEntriesAreShownBackAndNothingIsWritten() {
    long pupil = pupilOfSchool();
    PageSession senco = as("SENCO", school());
    String checks = "/schools/" + school() + "/pupils/" + pupil + "/checks";
    int before = rows(pupil);

    PageSession.Page attendance = senco.post(checks + "/attendance", Map.of("termId", "", "percentage", "105"));
    assertThat(attendance.status()).isEqualTo(200);
    assertThat(attendance.body()).contains("There is a problem").contains("Select a term")
        .contains("Attendance must be a percentage from 0 to 100").contains("value=\"105\"");

    PageSession.Page check = senco.post(checks + "/sensory", Map.of("kind", "VISION", "checkedOn.day", "1",
        "checkedOn.month", "1", "checkedOn.year", "2999", "result", "Glasses prescribed", "checkedBy", ""));
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.body()).contains("The date of the check must be today or in the past")
        .contains("Enter who carried out the check").contains("value=\"Glasses prescribed\"");
    assertThat(rows(pupil)).isEqualTo(before);
  }

  @Test
  void onlyTheSencoRecordsAndOnlyThoseWhoSeeThePupilRead() {
    long pupil = pupilOfSchool();
    String checks = "/schools/" + school() + "/pupils/" + pupil + "/checks";
    Map<String, String> attendance = Map.of("termId", "1", "percentage", "90");
    assertThat(as("GOVERNOR", school()).get(checks).status()).isIn(403, 404);
    assertThat(as("SENCO", accounts.schoolIds().getFirst()).get(checks).status()).isEqualTo(404);
    assertThat(as("TEACHER", school()).post(checks + "/attendance", attendance).status()).isIn(403, 404);
    long taught = jdbc.sql("""
            select min(p.id) from pupil p join class_staff cs on cs.class_id = p.class_id
            join account a on a.staff_id = cs.staff_id where a.email = ?""")
        .param(accounts.get("TEACHER", school()).email()).query(Long.class).single();
    String own = "/schools/" + school() + "/pupils/" + taught + "/checks";
    assertThat(as("TEACHER", school()).get(own).status()).isEqualTo(200);
    assertThat(as("TEACHER", school()).get(own).body()).doesNotContain("Save attendance");
    assertThat(as("TEACHER", school()).post(own + "/attendance", attendance).status()).isEqualTo(403);
  }

  @Test
  void attendanceImportsFromCsvAllOrNothing() {
    List<String> upns = jdbc.sql("select upn from pupil where school_id = ? order by id desc fetch first 2 rows only")
        .param(school()).query(String.class).list();
    String term = jdbc.sql("""
            select t.name || ' ' || ay.label from term t join academic_year ay on ay.id = t.academic_year_id
            where t.school_id = ? and t.starts_on <= current_date order by t.starts_on desc fetch first 1 rows only""")
        .param(school()).query(String.class).single();
    Api senco = new Api(port, accounts.get("SENCO", school()).apiToken());
    String path = "/api/v1/schools/" + school() + "/attendance-imports";
    int before = attendanceRows();

    Api.Response bad = senco.post(path, "text/csv", "upn,term,attendance_percent\n"
        + upns.get(0) + "," + term + ",96\n"
        + "A000000000000," + term + ",96\n"
        + upns.get(1) + ",Winter 1999/00,96\n"
        + upns.get(1) + "," + term + ",ninety\n"
        + upns.get(0) + "," + term + ",95\n");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("column").asString())
        .toList()).containsExactly("3:upn", "4:term", "5:attendance_percent", "6:upn");
    assertThat(attendanceRows()).isEqualTo(before);

    String good = "upn,term,attendance_percent\n" + upns.get(0) + "," + term + ",96\n"
        + upns.get(1) + "," + term.toUpperCase() + ",88.25\n";
    Api.Response dryRun = senco.post(path + "?dryRun=true", "text/csv", good);
    assertThat(dryRun.status()).isEqualTo(200);
    assertThat(attendanceRows()).isEqualTo(before);
    Api.Response run = senco.post(path, "text/csv", good);
    assertThat(run.status()).isEqualTo(200);
    assertThat(run.json().get("created").asInt() + run.json().get("updated").asInt()).isEqualTo(2);
    assertThat(jdbc.sql("""
            select a.percentage from pupil_attendance a join pupil p on p.id = a.pupil_id
            join term t on t.id = a.term_id join academic_year ay on ay.id = t.academic_year_id
            where p.upn = ? and t.name || ' ' || ay.label = ?""")
        .params(upns.get(1), term).query(Double.class).single()).isEqualTo(88.25);
    assertThat(new Api(port, accounts.get("TEACHER", school()).apiToken()).post(path, "text/csv", good).status())
        .isEqualTo(403);
  }

  @Test
  void attendanceIsChangedFromTheVersionSeenAndAChangeMeanwhileKeepsWhatWasTyped() {
    long pupil = otherPupilOfSchool(0);
    String checks = "/schools/" + school() + "/pupils/" + pupil + "/checks";
    PageSession senco = as("SENCO", school());
    PageSession head = as("HEADTEACHER", school());
    String term = firstTermOption(senco.get(checks).body());
    assertThat(senco.post(checks + "/attendance", Map.of("termId", term, "percentage", "95")).status()).isEqualTo(302);
    assertThat(firstTermOption(senco.get(checks).body())).as("a recorded term is changed from its own page")
        .isNotEqualTo(term);

    String change = checks + "/attendance/" + term;
    String seenBySenco = version(senco.get(change).body());
    String seenByHead = version(head.get(change).body());
    assertThat(head.post(change, Map.of("percentage", "96", "version", seenByHead)).status()).isEqualTo(302);

    PageSession.Page stale = senco.post(change, Map.of("percentage", "97.5", "version", seenBySenco));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains("There is a problem").contains("Someone else changed this record")
        .contains("value=\"97.5\"").contains("The latest saved version").contains("96%");
    assertThat(percentage(pupil, term)).isEqualTo(96.0);

    // saving again from the form that showed the latest version is a deliberate overwrite
    assertThat(senco.post(change, Map.of("percentage", "97.5", "version", version(stale.body()))).status())
        .isEqualTo(302);
    assertThat(percentage(pupil, term)).isEqualTo(97.5);

    // an import changes the version too, so a form opened before it is refused
    String beforeImport = version(senco.get(change).body());
    String termName = jdbc.sql("""
            select t.name || ' ' || ay.label from term t join academic_year ay on ay.id = t.academic_year_id
            where t.id = ?""").param(Long.parseLong(term)).query(String.class).single();
    String upn = jdbc.sql("select upn from pupil where id = ?").param(pupil).query(String.class).single();
    assertThat(new Api(port, accounts.get("SENCO", school()).apiToken()).post(
        "/api/v1/schools/" + school() + "/attendance-imports", "text/csv",
        "upn,term,attendance_percent\n" + upn + "," + termName + ",98\n").status()).isEqualTo(200);
    PageSession.Page afterImport = senco.post(change, Map.of("percentage", "95", "version", beforeImport));
    assertThat(afterImport.body()).contains("Someone else changed this record").contains("98%");
    assertThat(percentage(pupil, term)).isEqualTo(98.0);

    PageSession.Page invalid = senco.post(change, Map.of("percentage", "101", "version", version(afterImport.body())));
    assertThat(invalid.body()).contains("Attendance must be a percentage from 0 to 100").contains("value=\"101\"");
    assertThat(percentage(pupil, term)).isEqualTo(98.0);
  }

  @Test
  void aTermRecordedMeanwhileIsNotOverwrittenByTheFormThatOfferedIt() {
    long pupil = otherPupilOfSchool(1);
    String checks = "/schools/" + school() + "/pupils/" + pupil + "/checks";
    PageSession senco = as("SENCO", school());
    String term = firstTermOption(senco.get(checks).body());
    assertThat(as("HEADTEACHER", school()).post(checks + "/attendance", Map.of("termId", term, "percentage", "99"))
        .status()).isEqualTo(302);

    PageSession.Page late = senco.post(checks + "/attendance", Map.of("termId", term, "percentage", "93"));
    assertThat(late.status()).isEqualTo(200);
    assertThat(late.body()).contains("Someone else changed this record").contains("value=\"93\"")
        .contains("99%");
    assertThat(percentage(pupil, term)).isEqualTo(99.0);
  }

  @Test
  void aCheckIsCorrectedOrDeletedFromTheVersionSeenAndTheDeletionIsAudited() {
    long pupil = otherPupilOfSchool(2);
    String checks = "/schools/" + school() + "/pupils/" + pupil + "/checks";
    PageSession senco = as("SENCO", school());
    PageSession head = as("HEADTEACHER", school());
    assertThat(senco.post(checks + "/sensory", Map.of("kind", "VISION", "checkedOn.day", "4", "checkedOn.month", "3",
        "checkedOn.year", "2025", "result", "No concerns", "checkedBy", "Optician")).status()).isEqualTo(302);
    long check = jdbc.sql("select max(id) from sensory_check where pupil_id = ?").param(pupil)
        .query(Long.class).single();
    String change = checks + "/sensory/" + check;
    assertThat(senco.get(checks).body()).contains("href=\"" + change + "\"")
        .contains("href=\"" + change + "/delete\"");

    String seenBySenco = version(senco.get(change).body());
    Map<String, String> corrected = Map.of("kind", "HEARING", "checkedOn.day", "5", "checkedOn.month", "3",
        "checkedOn.year", "2025", "result", "Mild loss in the right ear", "checkedBy", "Audiologist");
    assertThat(head.post(change, withVersion(corrected, version(head.get(change).body()))).status())
        .isEqualTo(302);
    head.get(checks); // shows the saved message, as the browser would after the redirect
    assertThat(jdbc.sql("select kind || ' ' || result from sensory_check where id = ?").param(check)
        .query(String.class).single()).isEqualTo("HEARING Mild loss in the right ear");

    PageSession.Page stale = senco.post(change, withVersion(Map.of("kind", "VISION", "checkedOn.day", "4",
        "checkedOn.month", "3", "checkedOn.year", "2025", "result", "Needs glasses", "checkedBy", "Optician"),
        seenBySenco));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains("Someone else changed this record").contains("value=\"Needs glasses\"")
        .contains("Mild loss in the right ear");
    assertThat(jdbc.sql("select result from sensory_check where id = ?").param(check).query(String.class).single())
        .isEqualTo("Mild loss in the right ear");

    PageSession.Page invalid = senco.post(change, withVersion(Map.of("kind", "HEARING", "checkedOn.day", "31",
        "checkedOn.month", "2", "checkedOn.year", "2025", "result", "", "checkedBy", "Audiologist"),
        version(stale.body())));
    assertThat(invalid.body()).contains("Enter what the check found")
        .contains("The date of the check must be a real date").contains("value=\"31\"");

    // a deletion confirmed from an older version asks again, showing what the check says now
    String deleteSeen = version(senco.get(change + "/delete").body());
    assertThat(head.post(change, withVersion(corrected, version(head.get(change).body()))).status())
        .isEqualTo(302);
    head.get(checks); // shows the saved message, as the browser would after the redirect
    PageSession.Page staleDelete = senco.post(change + "/delete", Map.of("version", deleteSeen));
    assertThat(staleDelete.status()).isEqualTo(200);
    assertThat(staleDelete.body()).contains("Someone else changed this check since you opened it");
    assertThat(checkExists(check)).isTrue();

    assertThat(senco.post(change + "/delete", Map.of("version", version(staleDelete.body()))).status())
        .isEqualTo(302);
    assertThat(checkExists(check)).isFalse();
    assertThat(senco.get(checks).body()).contains("Hearing check of 5 March 2025 deleted");
    assertThat(jdbc.sql("""
            select count(*) from audit_entry where action = 'DELETE' and record_type = 'sensory-check'
            and record_id = ? and detail like ?""")
        .params(String.valueOf(pupil), "%check " + check + " %").query(Integer.class).single()).isEqualTo(1);

    // the other person's form, still open, is told the check is gone
    PageSession.Page gone = head.post(change, withVersion(corrected, "3"));
    assertThat(gone.status()).isEqualTo(302);
    assertThat(head.get(checks).body()).contains("Someone else deleted this check");
    assertThat(senco.get(change).status()).isEqualTo(404);
  }

  @Test
  void onlyTheSencoOrHeadteacherCorrectsOrDeletesACheck() {
    long taught = jdbc.sql("""
            select min(p.id) from pupil p join class_staff cs on cs.class_id = p.class_id
            join account a on a.staff_id = cs.staff_id where a.email = ?""")
        .param(accounts.get("TEACHER", school()).email()).query(Long.class).single();
    String checks = "/schools/" + school() + "/pupils/" + taught + "/checks";
    assertThat(as("SENCO", school()).post(checks + "/sensory", Map.of("kind", "HEARING", "checkedOn.day", "1",
        "checkedOn.month", "9", "checkedOn.year", "2025", "result", "Passed", "checkedBy", "School nurse"))
        .status()).isEqualTo(302);
    long check = jdbc.sql("select max(id) from sensory_check where pupil_id = ?").param(taught)
        .query(Long.class).single();
    String change = checks + "/sensory/" + check;
    Map<String, String> form = Map.of("kind", "HEARING", "checkedOn.day", "1", "checkedOn.month", "9",
        "checkedOn.year", "2025", "result", "Failed", "checkedBy", "School nurse", "version", "0");

    PageSession teacher = as("TEACHER", school());
    assertThat(teacher.get(checks).status()).isEqualTo(200);
    assertThat(teacher.get(checks).body()).doesNotContain(change);
    assertThat(teacher.get(change).status()).isEqualTo(403);
    assertThat(teacher.post(change, form).status()).isEqualTo(403);
    assertThat(teacher.get(change + "/delete").status()).isEqualTo(403);
    assertThat(teacher.post(change + "/delete", Map.of("version", "0")).status()).isEqualTo(403);
    assertThat(as("GOVERNOR", school()).post(change + "/delete", Map.of("version", "0")).status()).isIn(403, 404);
    PageSession otherSchool = as("SENCO", accounts.schoolIds().getFirst());
    assertThat(otherSchool.get(change).status()).isIn(403, 404);
    assertThat(otherSchool.post(change + "/delete", Map.of("version", "0")).status()).isIn(403, 404);
    long termId = jdbc.sql("select min(id) from term where school_id = ?").param(school()).query(Long.class).single();
    assertThat(teacher.post(checks + "/attendance/" + termId, Map.of("percentage", "50", "version", "0")).status())
        .isEqualTo(403);

    assertThat(checkExists(check)).isTrue();
    assertThat(jdbc.sql("select result from sensory_check where id = ?").param(check).query(String.class).single())
        .isEqualTo("Passed");
  }

  @Test
  void theChecksPageRunsTheSameStatementsHoweverManyChecksAPupilHas() {
    // Two pupils nothing was recorded for yet (only the demo's attendance, not in the teacher's class that other
    // tests use): no message of another test's redirect waits for their pages.
    List<Long> untouched = jdbc.sql("""
            select id from pupil p where school_id = ?
            and not exists (select 1 from sensory_check c where c.pupil_id = p.id)
            and not exists (select 1 from pupil_attendance a where a.pupil_id = p.id and a.version > 0)
            and (select count(*) from pupil_attendance a where a.pupil_id = p.id) <= 1
            and not exists (select 1 from class_staff cs join account ac on ac.staff_id = cs.staff_id
              where cs.class_id = p.class_id and ac.email = ?)
            order by id fetch first 2 rows only""")
        .params(school(), accounts.get("TEACHER", school()).email()).query(Long.class).list();
    assertThat(untouched).hasSize(2);
    long none = untouched.get(0);
    long many = untouched.get(1);
    PageSession senco = as("SENCO", school());
    String checks = "/schools/" + school() + "/pupils/" + many + "/checks";
    for (int i = 1; i <= 6; i++) {
      followed(senco, senco.post(checks + "/sensory", Map.of("kind", i % 2 == 0 ? "HEARING" : "VISION",
          "checkedOn.day", String.valueOf(i), "checkedOn.month", "1", "checkedOn.year", "2025",
          "result", "Result " + i, "checkedBy", "Nurse")));
    }
    for (int i = 0; i < 3; i++) {
      String term = firstTermOption(senco.get(checks).body());
      followed(senco, senco.post(checks + "/attendance", Map.of("termId", term, "percentage", "97")));
    }
    assertThat(senco.get(checks).body()).contains("Result 6");
    String emptyPage = "/schools/" + school() + "/pupils/" + none + "/checks";
    // One reading each: the page's statements depend on the page alone.
    int empty = SqlStatements.of(senco.get(emptyPage));
    int full = SqlStatements.of(senco.get(checks));
    System.out.printf("checks page statements: %d (no checks), %d (6 checks, 4 terms)%n", empty, full);
    SqlStatements.assertBounded(13, empty, full);
  }

  /** Follows a redirect as a browser does, so the message it leaves for the next page is taken there. */
  static void followed(PageSession session, PageSession.Page answer) {
    assertThat(session.follow(answer).status()).isEqualTo(200);
  }

  static String firstTermOption(String page) {
    Matcher term = Pattern.compile("<option value=\"(\\d+)\"").matcher(page);
    assertThat(term.find()).as("a term to record").isTrue();
    return term.group(1);
  }

  static String version(String page) {
    Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
    assertThat(version.find()).as("the version in the form").isTrue();
    return version.group(1);
  }

  static Map<String, String> withVersion(Map<String, String> form, String version) {
    Map<String, String> all = new java.util.HashMap<>(form);
    all.put("version", version);
    return all;
  }

  /** A pupil of the school, the n-th newest with no hearing or vision check recorded. */
  long otherPupilOfSchool(int n) {
    return jdbc.sql("""
            select id from pupil p where school_id = ?
            and not exists (select 1 from sensory_check c where c.pupil_id = p.id)
            order by id desc""")
        .param(school()).query(Long.class).list().get(n);
  }

  double percentage(long pupil, String termId) {
    return jdbc.sql("select percentage from pupil_attendance where pupil_id = ? and term_id = ?")
        .params(pupil, Long.parseLong(termId)).query(Double.class).single();
  }

  boolean checkExists(long check) {
    return jdbc.sql("select count(*) from sensory_check where id = ?").param(check).query(Integer.class).single() == 1;
  }

  long pupilOfSchool() {
    return jdbc.sql("select min(id) from pupil where school_id = ?").param(school()).query(Long.class).single();
  }

  int rows(long pupil) {
    return jdbc.sql("""
            select (select count(*) from sensory_check where pupil_id = ?)
                 + (select count(*) from pupil_attendance where pupil_id = ?)""")
        .params(pupil, pupil).query(Integer.class).single();
  }

  int attendanceRows() {
    return jdbc.sql("select count(*) from pupil_attendance").query(Integer.class).single();
  }
}
