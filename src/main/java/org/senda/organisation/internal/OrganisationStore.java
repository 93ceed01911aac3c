package org.senda.organisation.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.Role;
import org.senda.organisation.Phase;
import org.senda.organisation.YearGroupChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes trusts, schools, calendars, year groups, classes and staff. Every update of an edited record names the
 * version the person read and changes nothing when someone else saved first (optimistic locking): the update
 * methods return false then.
 */
@Component
@Transactional
class OrganisationStore {

  /** Terms and holidays are edited the same way; the kind picks the table. */
  enum PeriodKind {
    TERM("term", "term"),
    HOLIDAY("school_holiday", "holiday");

    final String table;
    final String noun;

    PeriodKind(String table, String noun) {
      this.table = table;
      this.noun = noun;
    }
  }

  record SchoolDetails(String name, String urn, String dfeNumber, Phase phase, String localAuthority) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  OrganisationStore(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  long createTrust(String name, @Nullable String companiesHouseNumber) {
    return insert("insert into trust (name, companies_house_number) values (?, ?)", name, companiesHouseNumber);
  }

  boolean updateTrust(long trustId, int version, String name, @Nullable String companiesHouseNumber) {
    return jdbc.sql("""
            update trust set name = ?, companies_house_number = ?, version = version + 1
            where id = ? and version = ?""")
        .params(name, companiesHouseNumber, trustId, version)
        .update() == 1;
  }

  /**
   * Creates a school with the default year groups of its phase and the default English calendar for the given
   * academic years (by the calendar year each starts in).
   */
  long createSchool(long trustId, SchoolDetails school, boolean nursery, boolean sixthForm, List<Integer> years) {
    long schoolId = insert("""
            insert into school (trust_id, name, urn, dfe_number, phase, local_authority) values (?, ?, ?, ?, ?, ?)""",
        trustId, school.name(), school.urn(), school.dfeNumber(), school.phase().name(), school.localAuthority());
    for (DefaultYearGroups.Year year : DefaultYearGroups.of(school.phase(), nursery, sixthForm)) {
      createYearGroup(schoolId, year.code(), year.name(), year.ordinal());
    }
    for (int startYear : years) {
      createAcademicYear(schoolId, EnglishSchoolYear.starting(startYear));
    }
    return schoolId;
  }

  boolean updateSchool(long schoolId, int version, SchoolDetails school) {
    return jdbc.sql("""
            update school set name = ?, urn = ?, dfe_number = ?, phase = ?, local_authority = ?,
              version = version + 1
            where id = ? and version = ?""")
        .params(school.name(), school.urn(), school.dfeNumber(), school.phase().name(), school.localAuthority(),
            schoolId, version)
        .update() == 1;
  }

  long createAcademicYear(long schoolId, EnglishSchoolYear year) {
    long yearId = insert("insert into academic_year (school_id, label, starts_on, ends_on) values (?, ?, ?, ?)",
        schoolId, year.label(), year.startsOn(), year.endsOn());
    for (EnglishSchoolYear.Period term : year.terms()) {
      createPeriod(PeriodKind.TERM, schoolId, yearId, term.name(), term.startsOn(), term.endsOn());
    }
    for (EnglishSchoolYear.Period holiday : year.holidays()) {
      createPeriod(PeriodKind.HOLIDAY, schoolId, yearId, holiday.name(), holiday.startsOn(), holiday.endsOn());
    }
    return yearId;
  }

  long createPeriod(PeriodKind kind, long schoolId, long yearId, String name, LocalDate startsOn, LocalDate endsOn) {
    return insert("insert into " + kind.table
            + " (academic_year_id, school_id, name, starts_on, ends_on) values (?, ?, ?, ?, ?)",
        yearId, schoolId, name, startsOn, endsOn);
  }

  boolean updatePeriod(PeriodKind kind, long schoolId, long periodId, int version, String name, LocalDate startsOn,
      LocalDate endsOn) {
    return jdbc.sql("update " + kind.table + " set name = ?, starts_on = ?, ends_on = ?, version = version + 1"
            + " where id = ? and school_id = ? and version = ?")
        .params(name, startsOn, endsOn, periodId, schoolId, version)
        .update() == 1;
  }

  boolean deletePeriod(PeriodKind kind, long schoolId, long periodId, int version) {
    return jdbc.sql("delete from " + kind.table + " where id = ? and school_id = ? and version = ?")
        .params(periodId, schoolId, version)
        .update() == 1;
  }

  long createYearGroup(long schoolId, String code, String name, int ordinal) {
    return insert("insert into year_group (school_id, code, name, ordinal) values (?, ?, ?, ?)",
        schoolId, code, name, ordinal);
  }

  boolean updateYearGroup(long schoolId, long yearGroupId, int version, String code, String name, int ordinal) {
    boolean updated = jdbc.sql("""
            update year_group set code = ?, name = ?, ordinal = ?, version = version + 1
            where id = ? and school_id = ? and version = ?""")
        .params(code, name, ordinal, yearGroupId, schoolId, version)
        .update() == 1;
    if (updated) {
      events.publishEvent(new YearGroupChanged(schoolId, yearGroupId));
    }
    return updated;
  }

  long createClass(long schoolId, long yearGroupId, String name, Collection<Long> staffIds) {
    long classId = insert("insert into school_class (school_id, year_group_id, name) values (?, ?, ?)",
        schoolId, yearGroupId, name);
    assignStaff(classId, staffIds);
    return classId;
  }

  boolean updateClass(long schoolId, long classId, int version, long yearGroupId, String name,
      Collection<Long> staffIds) {
    boolean updated = jdbc.sql("""
            update school_class set year_group_id = ?, name = ?, version = version + 1
            where id = ? and school_id = ? and version = ?""")
        .params(yearGroupId, name, classId, schoolId, version)
        .update() == 1;
    if (updated) {
      jdbc.sql("delete from class_staff where class_id = ?").param(classId).update();
      assignStaff(classId, staffIds);
    }
    return updated;
  }

  private void assignStaff(long classId, Collection<Long> staffIds) {
    for (long staffId : staffIds) {
      jdbc.sql("insert into class_staff (class_id, staff_id) values (?, ?)").params(classId, staffId).update();
    }
  }

  long createStaff(long trustId, String email, String givenName, String familyName, @Nullable String jobTitle) {
    return insert("""
            insert into staff (trust_id, email, given_name, family_name, job_title) values (?, ?, ?, ?, ?)""",
        trustId, email, givenName, familyName, jobTitle);
  }

  boolean updateStaff(long staffId, int version, String email, String givenName, String familyName,
      @Nullable String jobTitle) {
    return jdbc.sql("""
            update staff set email = ?, given_name = ?, family_name = ?, job_title = ?, version = version + 1
            where id = ? and version = ?""")
        .params(email, givenName, familyName, jobTitle, staffId, version)
        .update() == 1;
  }

  boolean setActive(long staffId, int version, boolean active) {
    return jdbc.sql("update staff set active = ?, version = version + 1 where id = ? and version = ?")
        .params(active, staffId, version)
        .update() == 1;
  }

  /** Replaces the person's roles in one school (or their trust-wide roles when schoolId is null). */
  void replaceRoles(long staffId, @Nullable Long schoolId, Collection<Role> roles) {
    if (schoolId == null) {
      jdbc.sql("delete from staff_role where staff_id = ? and school_id is null").param(staffId).update();
    } else {
      jdbc.sql("delete from staff_role where staff_id = ? and school_id = ?").params(staffId, schoolId).update();
    }
    for (Role role : roles) {
      jdbc.sql("insert into staff_role (staff_id, school_id, role) values (?, ?, ?)")
          .params(staffId, schoolId, role.name())
          .update();
    }
  }

  private long insert(String sql, @Nullable Object... params) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return keys.getKey().longValue();
  }
}
