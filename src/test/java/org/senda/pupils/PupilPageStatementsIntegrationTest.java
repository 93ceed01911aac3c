package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.test.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pupil page runs the same few SQL statements for a pupil with no history and one with years of it. */
@SendaTest
class PupilPageStatementsIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  /**
   * The pupil record, contacts, audit and the session, plus the sections and timeline entries of the register,
   * identification, SEN support, agencies and provision modules (one or two statements each); not one more for each
   * thing that happened.
   */
  static final int MAX_STATEMENTS = 23;

  // How much a pupil's page has to show: status changes, concerns, contacts and record changes.
  private static final String HISTORY = """
      (select count(*) from register_change rc where rc.pupil_id = p.id)
      + (select count(*) from concern c where c.pupil_id = p.id)
      + (select count(*) from pupil_contact pc where pc.pupil_id = p.id)
      + (select count(*) from pupil_record_event e where e.pupil_id = p.id)""";

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aSencoSeesAPupilWithLittleOrMuchHistoryInTheSameStatements() {
    long schoolId = accounts.schoolIds().get(1);
    assertSameStatements(accounts.get("SENCO", schoolId), schoolId, "1 = 1");
  }

  @Test
  void aTeacherSeesAPupilOfTheirClassWithLittleOrMuchHistoryInTheSameStatements() {
    long schoolId = accounts.schoolIds().get(1);
    DemoAccounts.Account teacher = accounts.get("TEACHER", schoolId);
    String taught = "p.class_id in (select cs.class_id from class_staff cs join staff s on s.id = cs.staff_id"
        + " where lower(s.email) = '" + teacher.email().toLowerCase(java.util.Locale.ROOT) + "')";
    assertSameStatements(teacher, schoolId, taught);
  }

  private void assertSameStatements(DemoAccounts.Account account, long schoolId, String visible) {
    long little = pupil(schoolId, visible, "asc");
    long much = pupil(schoolId, visible, "desc");
    // Years of record changes on top of what the demo gave the pupil.
    for (int i = 0; i < 30; i++) {
      jdbc.sql("""
              insert into pupil_record_event (pupil_id, school_id, occurred_on, occurred_at, kind, summary, actor)
              values (?, ?, ?, ?, 'UPDATED', 'Details changed', 'office@example.org')""")
          .params(much, schoolId, java.time.LocalDate.of(2023, 1, 1).plusWeeks(i),
              java.sql.Timestamp.from(java.time.Instant.parse("2023-01-01T09:00:00Z")))
          .update();
    }
    assertThat(history(much)).isGreaterThan(history(little) + 30);
    PageSession session = SESSIONS.of(port, account);
    String base = "/schools/" + schoolId + "/pupils/";
    session.get(base + little);

    PageSession.Page littlePage = session.get(base + little);
    PageSession.Page muchPage = session.get(base + much);

    assertThat(littlePage.status()).isEqualTo(200);
    assertThat(muchPage.status()).isEqualTo(200);
    SqlStatements.assertBounded(MAX_STATEMENTS, SqlStatements.of(littlePage), SqlStatements.of(muchPage));
  }

  private long pupil(long schoolId, String visible, String order) {
    return jdbc.sql("select p.id from pupil p where p.school_id = ? and p.leaving_date is null and " + visible
            + " order by " + HISTORY + " " + order + ", p.looked_after " + order + ", p.id limit 1")
        .param(schoolId).query(Long.class).single();
  }

  private long history(long pupilId) {
    return jdbc.sql("select " + HISTORY + " from pupil p where p.id = ?").param(pupilId).query(Long.class).single();
  }
}
