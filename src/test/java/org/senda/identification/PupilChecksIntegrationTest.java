package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attendance and hearing and vision checks: recorded by the SENCO on a pupil's page or imported as CSV (all or
 * nothing), read by the progress flags' cautions.
 */
@SendaTest
class PupilChecksIntegrationTest {

  static final Map<String, PageSession> SESSIONS = new ConcurrentHashMap<>();
  static final Pattern FLAG_LINK = Pattern.compile("href=\"(/schools/\\d+/identification/pupils/(\\d+)/(\\w+))\"");

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  PageSession as(String role, long schoolId) {
    return SESSIONS.computeIfAbsent(port + "/" + role + "/" + schoolId,
        k -> PageSession.signedIn(port, accounts.get(role, schoolId)));
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
    assertThat(senco.get(checks).body()).contains("81.5%").contains("Mild loss in the left ear")
        .contains("School nurse");
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
