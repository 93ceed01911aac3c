package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.web.ConcurrentEdit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SENCO's assessment points: tied to a term, named uniquely, edited with optimistic locking. */
@SendaTest
class AssessmentPointsIntegrationTest {

  static final SignedInSessions SESSIONS = new SignedInSessions();
  static final AtomicInteger ORDINAL = new AtomicInteger(200 + (int) (System.nanoTime() % 1000));

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  PageSession as(String role, long schoolId) {
    return SESSIONS.of(port, accounts.get(role, schoolId));
  }

  long school() {
    return accounts.schoolIds().get(1);
  }

  record Point(long id, LocalDate termStarts, LocalDate termEnds) {}

  /** A point of this test's own, in the school's first term, at a far-off academic year so no flag reads it. */
  Point point() {
    int ordinal = ORDINAL.incrementAndGet();
    var term = jdbc.sql("select id, starts_on, ends_on from term where school_id = ? order by starts_on fetch first 1 rows only")
        .param(school())
        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)})
        .single();
    jdbc.sql("""
            insert into assessment_point (school_id, term_id, academic_year, ordinal, label, assessed_on)
            values (?, ?, '2097/98', ?, ?, ?)""")
        .params(school(), term[0], ordinal, "Points test " + ordinal, term[2]).update();
    long id = jdbc.sql("select id from assessment_point where school_id = ? and label = ?")
        .params(school(), "Points test " + ordinal).query(Long.class).single();
    return new Point(id, (LocalDate) term[1], (LocalDate) term[2]);
  }

  Map<String, String> form(String label, LocalDate on, String version) {
    return new HashMap<>(Map.of("label", label, "assessedOn.day", String.valueOf(on.getDayOfMonth()),
        "assessedOn.month", String.valueOf(on.getMonthValue()), "assessedOn.year", String.valueOf(on.getYear()),
        "version", version));
  }

  @Test
  void onlyTheSencoOfTheSchoolSeesAndChangesPoints() {
    String path = "/schools/" + school() + "/identification/points";
    assertThat(as("SENCO", school()).get(path).status()).isEqualTo(200);
    assertThat(as("TEACHER", school()).get(path).status()).isEqualTo(403);
    assertThat(as("SENCO", accounts.schoolIds().getFirst()).get(path).status()).isEqualTo(404);
    Point point = point();
    assertThat(as("TEACHER", school()).post(path + "/" + point.id(), form("X", point.termEnds(), "0")).status())
        .isEqualTo(403);
  }

  @Test
  void aPointKeepsAUniqueNameAndADateWithinItsTerm() {
    Point point = point();
    String path = "/schools/" + school() + "/identification/points/" + point.id();
    String taken = jdbc.sql("select label from assessment_point where school_id = ? and id <> ? fetch first 1 rows only")
        .params(school(), point.id()).query(String.class).single();

    PageSession.Page invalid = as("SENCO", school()).post(path, form(taken, point.termEnds().plusDays(40), "0"));

    assertThat(invalid.status()).isEqualTo(200);
    assertThat(invalid.body()).contains("Another assessment point is called").contains("The date must be within")
        .contains("value=\"" + point.termEnds().plusDays(40).getDayOfMonth() + "\"");
    assertThat(as("SENCO", school()).post(path, form("", point.termStarts(), "0")).body())
        .contains("Enter a name for the assessment point");

    assertThat(as("SENCO", school()).post(path, form("Baseline " + point.id(), point.termStarts().plusDays(3), "0"))
        .status()).isEqualTo(302);
    assertThat(jdbc.sql("select label from assessment_point where id = ?").param(point.id()).query(String.class)
        .single()).isEqualTo("Baseline " + point.id());
  }

  @Test
  void twoSencosChangingAPointAtOnceDoNotOverwriteEachOther() {
    Point point = point();
    String path = "/schools/" + school() + "/identification/points/" + point.id();
    assertThat(as("SENCO", school()).post(path, form("First " + point.id(), point.termEnds(), "0")).status())
        .isEqualTo(302);

    PageSession.Page conflict = as("SENCO", school()).post(path, form("Second " + point.id(), point.termEnds(), "0"));

    assertThat(conflict.status()).isEqualTo(200);
    assertThat(conflict.body()).contains(ConcurrentEdit.MESSAGE).contains("value=\"Second " + point.id() + "\"")
        .contains("The latest saved version");
    assertThat(jdbc.sql("select label from assessment_point where id = ?").param(point.id()).query(String.class)
        .single()).isEqualTo("First " + point.id());
  }

  @Test
  void pointsAreAddedForTermsWithoutThemAtTheSchoolsCadence() {
    String path = "/schools/" + school() + "/identification/points/generate";
    int before = jdbc.sql("select count(*) from assessment_point where school_id = ?").param(school())
        .query(Integer.class).single();

    as("SENCO", school()).get("/schools/" + school() + "/identification/points"); // shows any pending message
    PageSession.Page switched = as("SENCO", school()).post(path, Map.of("cadence", "HALF_TERMLY"));
    assertThat(switched.status()).isEqualTo(302);
    assertThat(as("SENCO", school()).get("/schools/" + school() + "/identification/points").body())
        .contains("can only be chosen before the first points are added");

    assertThat(as("SENCO", school()).post(path, Map.of("cadence", "TERMLY")).status()).isEqualTo(302);
    int termsWithout = jdbc.sql("""
            select count(*) from term t where t.school_id = ?
              and not exists (select 1 from assessment_point ap where ap.term_id = t.id)""")
        .param(school()).query(Integer.class).single();
    assertThat(termsWithout).isZero();
    assertThat(jdbc.sql("select count(*) from assessment_point where school_id = ?").param(school())
        .query(Integer.class).single()).isGreaterThanOrEqualTo(before);
  }
}
