package org.senda.organisation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.access.Role;
import org.senda.organisation.Phase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** View records for the organisation pages, each screen from a fixed number of queries. */
@Component
class OrganisationPages {

  record TrustRecord(long id, String name, @Nullable String companiesHouseNumber, int version) {}

  record SchoolRecord(long id, long trustId, String name, String urn, String dfeNumber, Phase phase,
      String localAuthority, int version) {}

  record Period(long id, long academicYearId, String name, LocalDate startsOn, LocalDate endsOn, int version) {}

  record AcademicYear(long id, String label, LocalDate startsOn, LocalDate endsOn, List<Period> terms,
      List<Period> holidays) {}

  record Overview(int classes, int staff, int yearGroups, @Nullable Period currentTerm, @Nullable Period nextTerm,
      @Nullable Period nextHoliday) {}

  record YearGroupRow(long id, String code, String name, int ordinal, int version, int classes) {}

  record ClassRow(long id, String name, long yearGroupId, String yearGroup, int version, List<String> staff) {}

  record StaffChoice(long id, String name, String roles) {}

  record StaffRow(long id, String name, String email, @Nullable String jobTitle, List<Role> roles, boolean active,
      int version) {}

  record StaffRecord(long id, String givenName, String familyName, String email, @Nullable String jobTitle,
      Set<Role> schoolRoles, Set<Role> trustRoles, boolean active, int version) {}

  private final JdbcClient jdbc;

  OrganisationPages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<TrustRecord> trust(long trustId) {
    return jdbc.sql("select id, name, companies_house_number, version from trust where id = ?")
        .param(trustId)
        .query((rs, n) -> new TrustRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .optional();
  }

  List<SchoolRecord> schoolsOfTrust(long trustId) {
    return jdbc.sql("select * from school where trust_id = ? order by name").param(trustId)
        .query(OrganisationPages::school).list();
  }

  Optional<SchoolRecord> school(long schoolId) {
    return jdbc.sql("select * from school where id = ?").param(schoolId).query(OrganisationPages::school).optional();
  }

  /** Whether another school already has this URN or DfE number. */
  boolean taken(String column, String value, long exceptSchoolId) {
    return jdbc.sql("select count(*) from school where " + column + " = ? and id <> ?")
        .params(value, exceptSchoolId).query(Long.class).single() > 0;
  }

  Overview overview(long schoolId, LocalDate today) {
    var counts = jdbc.sql("""
            select
              (select count(*) from school_class where school_id = :id) as classes,
              (select count(distinct r.staff_id) from staff_role r join staff s on s.id = r.staff_id
                 where r.school_id = :id and s.active) as staff,
              (select count(*) from year_group where school_id = :id) as year_groups""")
        .param("id", schoolId)
        .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)})
        .single();
    List<Period> terms = jdbc.sql("""
            select id, academic_year_id, name, starts_on, ends_on, version from term
            where school_id = ? and ends_on >= ? order by starts_on limit 2""")
        .params(schoolId, today).query(OrganisationPages::period).list();
    Period current = terms.isEmpty() || terms.getFirst().startsOn().isAfter(today) ? null : terms.getFirst();
    Period next = current == null ? (terms.isEmpty() ? null : terms.getFirst()) : (terms.size() > 1 ? terms.get(1) : null);
    Period holiday = jdbc.sql("""
            select id, academic_year_id, name, starts_on, ends_on, version from school_holiday
            where school_id = ? and ends_on >= ? order by starts_on limit 1""")
        .params(schoolId, today).query(OrganisationPages::period).optional().orElse(null);
    return new Overview(counts[0], counts[1], counts[2], current, next, holiday);
  }

  List<AcademicYear> calendar(long schoolId) {
    Map<Long, AcademicYear> years = new LinkedHashMap<>();
    jdbc.sql("select id, label, starts_on, ends_on from academic_year where school_id = ? order by starts_on")
        .param(schoolId)
        .query(rs -> {
          years.put(rs.getLong(1), new AcademicYear(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
              rs.getDate(4).toLocalDate(), new ArrayList<>(), new ArrayList<>()));
        });
    for (OrganisationStore.PeriodKind kind : OrganisationStore.PeriodKind.values()) {
      jdbc.sql("select id, academic_year_id, name, starts_on, ends_on, version from " + kind.table
              + " where school_id = ? order by starts_on, id")
          .param(schoolId)
          .query(OrganisationPages::period)
          .list()
          .forEach(p -> {
            AcademicYear year = years.get(p.academicYearId());
            (kind == OrganisationStore.PeriodKind.TERM ? year.terms() : year.holidays()).add(p);
          });
    }
    return List.copyOf(years.values());
  }

  Optional<AcademicYear> academicYear(long schoolId, long yearId) {
    return jdbc.sql("select id, label, starts_on, ends_on from academic_year where id = ? and school_id = ?")
        .params(yearId, schoolId)
        .query((rs, n) -> new AcademicYear(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
            rs.getDate(4).toLocalDate(), List.of(), List.of()))
        .optional();
  }

  Optional<Integer> latestAcademicYear(long schoolId) {
    return jdbc.sql("select label from academic_year where school_id = ? order by starts_on desc limit 1")
        .param(schoolId).query(String.class).optional().map(EnglishSchoolYear::startYearOf);
  }

  Optional<Period> period(OrganisationStore.PeriodKind kind, long schoolId, long periodId) {
    return jdbc.sql("select id, academic_year_id, name, starts_on, ends_on, version from " + kind.table
            + " where id = ? and school_id = ?")
        .params(periodId, schoolId).query(OrganisationPages::period).optional();
  }

  /** The school's other terms that share a day with the dates given. */
  List<Period> overlappingTerms(long schoolId, long exceptTermId, LocalDate startsOn, LocalDate endsOn) {
    return jdbc.sql("""
            select id, academic_year_id, name, starts_on, ends_on, version from term
            where school_id = ? and id <> ? and starts_on <= ? and ends_on >= ? order by starts_on""")
        .params(schoolId, exceptTermId, endsOn, startsOn).query(OrganisationPages::period).list();
  }

  List<YearGroupRow> yearGroups(long schoolId) {
    return jdbc.sql("""
            select y.id, y.code, y.name, y.ordinal, y.version,
              (select count(*) from school_class c where c.year_group_id = y.id) as classes
            from year_group y where y.school_id = ? order by y.ordinal""")
        .param(schoolId)
        .query((rs, n) -> new YearGroupRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getInt(5), rs.getInt(6)))
        .list();
  }

  Optional<YearGroupRow> yearGroup(long schoolId, long yearGroupId) {
    return yearGroups(schoolId).stream().filter(y -> y.id() == yearGroupId).findFirst();
  }

  boolean yearGroupCodeTaken(long schoolId, String code, long exceptId) {
    return jdbc.sql("select count(*) from year_group where school_id = ? and upper(code) = upper(?) and id <> ?")
        .params(schoolId, code, exceptId).query(Long.class).single() > 0;
  }

  List<ClassRow> classes(long schoolId) {
    Map<Long, List<String>> staff = new LinkedHashMap<>();
    jdbc.sql("""
            select cs.class_id, s.given_name, s.family_name from class_staff cs
            join school_class c on c.id = cs.class_id join staff s on s.id = cs.staff_id
            where c.school_id = ? and s.active order by s.family_name, s.given_name""")
        .param(schoolId)
        .query(rs -> {
          staff.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2) + " " + rs.getString(3));
        });
    return jdbc.sql("""
            select c.id, c.name, c.year_group_id, y.name, c.version from school_class c
            join year_group y on y.id = c.year_group_id where c.school_id = ? order by y.ordinal, c.name""")
        .param(schoolId)
        .query((rs, n) -> new ClassRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
            staff.getOrDefault(rs.getLong(1), List.of())))
        .list();
  }

  Optional<ClassRow> schoolClass(long schoolId, long classId) {
    return jdbc.sql("""
            select c.id, c.name, c.year_group_id, y.name, c.version from school_class c
            join year_group y on y.id = c.year_group_id where c.id = ? and c.school_id = ?""")
        .params(classId, schoolId)
        .query((rs, n) -> new ClassRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
            List.of()))
        .optional();
  }

  List<Long> staffOfClass(long classId) {
    return jdbc.sql("select staff_id from class_staff where class_id = ? order by staff_id").param(classId)
        .query(Long.class).list();
  }

  boolean classNameTaken(long schoolId, String name, long exceptId) {
    return jdbc.sql("select count(*) from school_class where school_id = ? and lower(name) = lower(?) and id <> ?")
        .params(schoolId, name, exceptId).query(Long.class).single() > 0;
  }

  /** Teachers and teaching assistants of the school, who may be assigned to its classes. */
  List<StaffChoice> classStaffChoices(long schoolId) {
    Map<Long, String[]> byId = new LinkedHashMap<>();
    jdbc.sql("""
            select s.id, s.given_name, s.family_name, r.role from staff s join staff_role r on r.staff_id = s.id
            where r.school_id = ? and s.active and r.role in ('TEACHER', 'TEACHING_ASSISTANT')
            order by s.family_name, s.given_name, s.id, r.role""")
        .param(schoolId)
        .query(rs -> {
          String role = Role.valueOf(rs.getString(4)).title();
          byId.merge(rs.getLong(1), new String[] {rs.getString(2) + " " + rs.getString(3), role},
              (a, b) -> new String[] {a[0], a[1] + ", " + b[1]});
        });
    return byId.entrySet().stream().map(e -> new StaffChoice(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
  }

  /** Everyone with a role in the school, active or not, with their roles there. */
  List<StaffRow> staff(long schoolId) {
    Map<Long, StaffRow> byId = new LinkedHashMap<>();
    jdbc.sql("""
            select s.id, s.given_name, s.family_name, s.email, s.job_title, s.active, s.version, r.role
            from staff s join staff_role r on r.staff_id = s.id
            where r.school_id = ? order by s.active desc, s.family_name, s.given_name, s.id, r.role""")
        .param(schoolId)
        .query(rs -> {
          StaffRow row = byId.computeIfAbsent(rs.getLong(1), id -> {
            try {
              return new StaffRow(id, rs.getString(2) + " " + rs.getString(3), rs.getString(4), rs.getString(5),
                  new ArrayList<>(), rs.getBoolean(6), rs.getInt(7));
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          row.roles().add(Role.valueOf(rs.getString(8)));
        });
    return List.copyOf(byId.values());
  }

  /** A member of staff of the school's trust with a role in the school (or none yet, when just deactivated). */
  Optional<StaffRecord> staffMember(long schoolId, long staffId) {
    Set<Role> schoolRoles = EnumSet.noneOf(Role.class);
    Set<Role> trustRoles = EnumSet.noneOf(Role.class);
    jdbc.sql("select school_id, role from staff_role where staff_id = ?").param(staffId)
        .query(rs -> {
          Long roleSchool = rs.getObject(1, Long.class);
          if (roleSchool == null) {
            trustRoles.add(Role.valueOf(rs.getString(2)));
          } else if (roleSchool == schoolId) {
            schoolRoles.add(Role.valueOf(rs.getString(2)));
          }
        });
    if (schoolRoles.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("""
            select s.id, s.given_name, s.family_name, s.email, s.job_title, s.active, s.version from staff s
            join school sc on sc.trust_id = s.trust_id where s.id = ? and sc.id = ?""")
        .params(staffId, schoolId)
        .query((rs, n) -> new StaffRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), schoolRoles, trustRoles, rs.getBoolean(6), rs.getInt(7)))
        .optional();
  }

  boolean emailTaken(String email, long exceptStaffId) {
    return jdbc.sql("select count(*) from staff where lower(email) = lower(?) and id <> ?")
        .params(email, exceptStaffId).query(Long.class).single() > 0;
  }

  private static SchoolRecord school(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new SchoolRecord(rs.getLong("id"), rs.getLong("trust_id"), rs.getString("name"), rs.getString("urn"),
        rs.getString("dfe_number"), Phase.valueOf(rs.getString("phase")), rs.getString("local_authority"),
        rs.getInt("version"));
  }

  private static Period period(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Period(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
        rs.getDate(5).toLocalDate(), rs.getInt(6));
  }
}
