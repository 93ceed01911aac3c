package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.senda.test.MigrationDatabase.insert;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.senda.test.MigrationDatabase;

/**
 * A cause for concern whose SEN support notice was kept twice (a decision handed on again after a failed email,
 * before each email was kept) has one notice after the migrations: the latest, with the letters to post of both.
 * From then on the database itself refuses a second notice for a concern. Run on H2, and on PostgreSQL in its pass.
 */
class NoticeMigrationIntegrationTest {

  @RegisterExtension
  final MigrationDatabase database = new MigrationDatabase();

  @Test
  void aConcernKeepsItsLatestNoticeWithEveryLetterAndCannotBeGivenASecond() throws SQLException {
    database.flyway("6.27").migrate();
    try (Connection c = database.connect(); Statement s = c.createStatement()) {
      long school = MigrationDatabase.school(s, "Notice", 2).id();
      long year = insert(s, "insert into year_group (school_id, code, name, ordinal) values (" + school
          + ", 'Y3', 'Year 3', 3)", "year_group");
      long pupil = insert(s, "insert into pupil (school_id, upn, legal_forename, legal_surname, date_of_birth, "
          + "year_group_id) values (" + school + ", 'A123456789012', 'Ada', 'Lee', date '2017-05-01', " + year + ")",
          "pupil");
      long father = insert(s, "insert into pupil_contact (pupil_id, school_id, name, relationship, "
          + "parental_responsibility) values (" + pupil + ", " + school + ", 'Sam Lee', 'Father', true)",
          "pupil_contact");
      long mother = insert(s, "insert into pupil_contact (pupil_id, school_id, name, relationship, "
          + "parental_responsibility) values (" + pupil + ", " + school + ", 'Kim Lee', 'Mother', true)",
          "pupil_contact");
      String concern = "insert into concern (school_id, pupil_id, raised_on, raised_by, raised_by_name, areas, "
          + "evidence, tried_in_class, status) values (" + school + ", " + pupil + ", date '2026-09-14', "
          + "'t@example.com', 'A Teacher', 'READING', 'Slow reading', 'Phonics group', 'DECIDED')";
      long twice = insert(s, concern, "concern");
      long once = insert(s, concern, "concern");
      String notice = "insert into parent_notice (school_id, pupil_id, concern_id, starts_on, recipients, created_at) "
          + "values (" + school + ", " + pupil + ", %d, date '2026-10-01', 'Sam Lee: no email address, post the "
          + "letter', timestamp '2026-10-01 10:00:00')";
      long first = insert(s, notice.formatted(twice), "parent_notice");
      long second = insert(s, notice.formatted(twice), "parent_notice");
      long only = insert(s, notice.formatted(once), "parent_notice");
      String letter = "insert into parent_notice_letter (notice_id, concern_id, school_id, pupil_id, contact_id, "
          + "parent_name, created_at) values (%d, %d, " + school + ", " + pupil + ", %d, '%s', "
          + "timestamp '2026-10-01 10:00:00')";
      s.executeUpdate(letter.formatted(first, twice, father, "Sam Lee"));
      s.executeUpdate(letter.formatted(second, twice, mother, "Kim Lee"));
      s.executeUpdate(letter.formatted(only, once, father, "Sam Lee"));

      database.flyway("latest").migrate();

      assertThat(longs(s, "select id from parent_notice order by id")).containsExactly(second, only);
      assertThat(longs(s, "select notice_id from parent_notice_letter where concern_id = " + twice))
          .containsExactly(second, second);
      assertThat(longs(s, "select notice_id from parent_notice_letter where concern_id = " + once))
          .containsExactly(only);
      assertThatThrownBy(() -> s.executeUpdate(notice.formatted(twice))).as("a second notice for the concern")
          .isInstanceOf(SQLException.class);
    }
  }

  private static List<Long> longs(Statement s, String sql) throws SQLException {
    List<Long> values = new ArrayList<>();
    try (ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getLong(1));
      }
    }
    return values;
  }
}
