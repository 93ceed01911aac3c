package org.senda.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.senda.test.MigrationDatabase.insert;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.senda.test.MigrationDatabase;

/**
 * A school's provision recorded before groups had several weekly times and before impact reviews were kept is
 * still there after the migrations: its day and time become the group's first weekly time and its one impact review
 * the first of its history. Run on a fresh H2 database, and on PostgreSQL in the PostgreSQL pass.
 */
class ProvisionMigrationIntegrationTest {

  @RegisterExtension
  final MigrationDatabase database = new MigrationDatabase();

  @Test
  void aGroupsDayAndTimeBecomeItsFirstWeeklyTimeAndItsImpactReviewIsKept() throws SQLException {
    database.flyway("9.2").migrate();
    try (Connection c = database.connect(); Statement s = c.createStatement()) {
      MigrationDatabase.School created = MigrationDatabase.school(s, "Migration", 1);
      long trust = created.trust();
      long school = created.id();
      long intervention = insert(s, """
          insert into intervention (trust_id, school_id, name, area_of_need, default_group_size, sessions_per_week,
            minutes_per_session, length_weeks, resources_cost_pence, delivered_by_role)
          values (%d, null, 'Toe by Toe', 'COGNITION_AND_LEARNING', 1, 5, 20, 12, 0, 'TEACHING_ASSISTANT')"""
          .formatted(trust), "intervention");
      String group = """
          insert into provision_group (school_id, intervention_id, sessions_per_week, minutes_per_session,
            start_date, end_date, created_at, day_of_week, start_time, impact_reviewed_on, impact_summary)
          values (%d, %d, 3, 25, date '2025-09-08', date '2025-12-12', timestamp '2025-09-01 09:00:00', %s, %s,
            %s, %s)""";
      long scheduled = insert(s, group.formatted(school, intervention, "'TUESDAY'", "'09:15'", "date '2025-10-20'",
          "'Reading age up five months'"), "provision_group");
      long unscheduled = insert(s, group.formatted(school, intervention, "null", "null", "null", "null"),
          "provision_group");

      database.flyway("latest").migrate();

      ResultSet slots = s.executeQuery("select group_id, school_id, day_of_week, start_time, minutes "
          + "from provision_group_slot order by group_id");
      assertThat(slots.next()).isTrue();
      assertThat(slots.getLong(1)).isEqualTo(scheduled);
      assertThat(slots.getLong(2)).isEqualTo(school);
      assertThat(slots.getString(3)).isEqualTo("TUESDAY");
      assertThat(slots.getString(4)).isEqualTo("09:15");
      assertThat(slots.getInt(5)).as("the group's minutes per session").isEqualTo(25);
      assertThat(slots.next()).as("a group without a day and time has no weekly time").isFalse();

      ResultSet reviews = s.executeQuery("select group_id, reviewed_on, summary, recorded_by_name "
          + "from provision_impact_review");
      assertThat(reviews.next()).isTrue();
      assertThat(reviews.getLong(1)).isEqualTo(scheduled);
      assertThat(reviews.getDate(2).toLocalDate()).isEqualTo(java.time.LocalDate.of(2025, 10, 20));
      assertThat(reviews.getString(3)).isEqualTo("Reading age up five months");
      assertThat(reviews.getString(4)).as("not known for reviews recorded before").isNull();
      assertThat(reviews.next()).isFalse();

      ResultSet sessionsPerWeek = s.executeQuery("select sessions_per_week from provision_group where id = "
          + unscheduled);
      assertThat(sessionsPerWeek.next()).isTrue();
      assertThat(sessionsPerWeek.getInt(1)).isEqualTo(3);
    }
  }

  @Test
  void aGroupRecordedBeforeKindsIsOneToOneWithOnePupilAndAGroupWithMore() throws SQLException {
    database.flyway("9.11").migrate();
    try (Connection c = database.connect(); Statement s = c.createStatement()) {
      MigrationDatabase.School created = MigrationDatabase.school(s, "Kind", 2);
      long trust = created.trust();
      long school = created.id();
      long yearGroup = insert(s, "insert into year_group (school_id, code, name, ordinal) values (" + school
          + ", 'Y3', 'Year 3', 3)", "year_group");
      long intervention = insert(s, """
          insert into intervention (trust_id, school_id, name, area_of_need, default_group_size, sessions_per_week,
            minutes_per_session, length_weeks, resources_cost_pence, delivered_by_role)
          values (%d, null, 'Talk Boost', 'COMMUNICATION_AND_INTERACTION', 4, 3, 30, 10, 0, 'TEACHING_ASSISTANT')"""
          .formatted(trust), "intervention");
      long[] pupils = new long[3];
      for (int n = 0; n < 3; n++) {
        pupils[n] = insert(s, """
            insert into pupil (school_id, upn, year_group_id, legal_forename, legal_surname, date_of_birth)
            values (%d, 'K99000000000%d', %d, 'Pupil', 'Number%d', date '2017-01-0%d')""".formatted(school, n, yearGroup,
            n, n + 1),
            "pupil");
      }
      String group = """
          insert into provision_group (school_id, intervention_id, sessions_per_week, minutes_per_session,
            start_date, end_date, created_at)
          values (%d, %d, 3, 30, date '2025-09-08', date '2025-12-12', timestamp '2025-09-01 09:00:00')"""
          .formatted(school, intervention);
      long one = insert(s, group, "provision_group");
      long three = insert(s, group, "provision_group");
      long none = insert(s, group, "provision_group");
      s.executeUpdate("insert into provision_group_pupil (group_id, pupil_id, school_id) values (" + one + ", "
          + pupils[0] + ", " + school + ")");
      for (long pupil : pupils) {
        s.executeUpdate("insert into provision_group_pupil (group_id, pupil_id, school_id) values (" + three + ", "
            + pupil + ", " + school + ")");
      }

      database.flyway("latest").migrate();

      ResultSet kinds = s.executeQuery("select id, kind, lessons from provision_group order by id");
      java.util.Map<Long, String> byGroup = new java.util.HashMap<>();
      while (kinds.next()) {
        assertThat(kinds.getString(3)).as("no lessons named for groups recorded before").isNull();
        byGroup.put(kinds.getLong(1), kinds.getString(2));
      }
      assertThat(byGroup).containsEntry(one, "ONE_TO_ONE").containsEntry(three, "GROUP").containsEntry(none, "GROUP");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(
          "update provision_group set kind = 'CLASS' where id = " + one)).as("only the three kinds")
          .isInstanceOf(SQLException.class);
    }
  }
}
