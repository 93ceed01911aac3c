package org.senda.organisation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.senda.access.Role;
import org.senda.access.RoleAssignment;
import org.senda.access.RoleDirectory;
import org.senda.organisation.Phase;
import org.senda.organisation.SchoolSummary;
import org.senda.organisation.StaffSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models over trusts, schools and staff; also tells access who holds which role. */
@Component
public class OrganisationQueries implements RoleDirectory {

  private final JdbcClient jdbc;

  OrganisationQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<SchoolSummary> school(long schoolId) {
    return jdbc.sql("select * from school where id = ?").param(schoolId).query(OrganisationQueries::school).optional();
  }

  public List<SchoolSummary> schools(Collection<Long> schoolIds) {
    if (schoolIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from school where id in (:ids) order by name")
        .param("ids", schoolIds)
        .query(OrganisationQueries::school)
        .list();
  }

  public Optional<String> trustName(long trustId) {
    return jdbc.sql("select name from trust where id = ?").param(trustId).query(String.class).optional();
  }

  public List<StaffSummary> staffOf(long schoolId) {
    Map<Long, StaffSummary> byId = new LinkedHashMap<>();
    jdbc.sql("""
            select s.id, s.email, s.given_name, s.family_name, s.job_title, r.role
            from staff s join staff_role r on r.staff_id = s.id
            where r.school_id = ? and s.active
            order by s.family_name, s.given_name, s.id, r.role""")
        .param(schoolId)
        .query(rs -> {
          long id = rs.getLong("id");
          StaffSummary staff = byId.computeIfAbsent(id, k -> {
            try {
              return new StaffSummary(id, rs.getString("email"), rs.getString("given_name"),
                  rs.getString("family_name"), rs.getString("job_title"), new ArrayList<>());
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          staff.roles().add(Role.valueOf(rs.getString("role")));
        });
    return byId.values().stream()
        .map(s -> new StaffSummary(s.id(), s.email(), s.givenName(), s.familyName(), s.jobTitle(),
            List.copyOf(s.roles())))
        .toList();
  }

  public List<StaffSummary> trustStaffWithRole(long schoolId, Role role) {
    return jdbc.sql("""
            select distinct s.id, s.email, s.given_name, s.family_name, s.job_title from staff s
            join staff_role r on r.staff_id = s.id and r.school_id is null and r.role = ?
            join school sc on sc.trust_id = s.trust_id
            where sc.id = ? and s.active order by s.family_name, s.given_name, s.id""")
        .param(role.name())
        .param(schoolId)
        .query((rs, n) -> new StaffSummary(rs.getLong("id"), rs.getString("email"), rs.getString("given_name"),
            rs.getString("family_name"), rs.getString("job_title"), List.of(role)))
        .list();
  }

  public Map<Long, StaffSummary> staffByIds(Collection<Long> staffIds) {
    Map<Long, StaffSummary> byId = new LinkedHashMap<>();
    if (staffIds.isEmpty()) {
      return byId;
    }
    jdbc.sql("select id, email, given_name, family_name, job_title from staff where id in (:ids)")
        .param("ids", staffIds)
        .query((rs, n) -> new StaffSummary(rs.getLong("id"), rs.getString("email"), rs.getString("given_name"),
            rs.getString("family_name"), rs.getString("job_title"), List.of()))
        .list()
        .forEach(staff -> byId.put(staff.id(), staff));
    return byId;
  }

  public List<org.senda.organisation.YearGroup> yearGroups(long schoolId) {
    return jdbc.sql("select id, school_id, code, name, ordinal from year_group where school_id = ? order by ordinal")
        .param(schoolId)
        .query((rs, n) -> new org.senda.organisation.YearGroup(rs.getLong("id"), rs.getLong("school_id"),
            rs.getString("code"), rs.getString("name"), rs.getInt("ordinal")))
        .list();
  }

  public List<org.senda.organisation.SchoolClass> classes(long schoolId) {
    return jdbc.sql("""
            select c.id, c.school_id, c.year_group_id, c.name from school_class c
            join year_group y on y.id = c.year_group_id
            where c.school_id = ? order by y.ordinal, c.name""")
        .param(schoolId)
        .query((rs, n) -> new org.senda.organisation.SchoolClass(rs.getLong("id"), rs.getLong("school_id"),
            rs.getLong("year_group_id"), rs.getString("name")))
        .list();
  }

  /** Year groups and their classes in one statement: a year group without classes comes with a null class. */
  public org.senda.organisation.SchoolStructure structure(long schoolId) {
    Map<Long, org.senda.organisation.YearGroup> years = new LinkedHashMap<>();
    List<org.senda.organisation.SchoolClass> classes = new ArrayList<>();
    jdbc.sql("""
            select y.id, y.school_id, y.code, y.name, y.ordinal, c.id as class_id, c.name as class_name
            from year_group y left join school_class c on c.year_group_id = y.id
            where y.school_id = ? order by y.ordinal, c.name""")
        .param(schoolId)
        .query(rs -> {
          long yearId = rs.getLong("id");
          if (!years.containsKey(yearId)) {
            years.put(yearId, new org.senda.organisation.YearGroup(yearId, rs.getLong("school_id"),
                rs.getString("code"), rs.getString("name"), rs.getInt("ordinal")));
          }
          Long classId = rs.getObject("class_id", Long.class);
          if (classId != null) {
            classes.add(new org.senda.organisation.SchoolClass(classId, schoolId, yearId, rs.getString("class_name")));
          }
        });
    return new org.senda.organisation.SchoolStructure(List.copyOf(years.values()), classes);
  }

  public static String classesOfSql(String staffIdParameter) {
    if (!staffIdParameter.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Not a parameter name: " + staffIdParameter);
    }
    return "select class_staff.class_id from class_staff where class_staff.staff_id = :" + staffIdParameter;
  }

  public Set<Long> classesOf(long staffId) {
    return Set.copyOf(jdbc.sql("select class_id from class_staff where staff_id = ?").param(staffId)
        .query(Long.class).list());
  }

  public org.senda.organisation.SchoolCalendar calendar(long schoolId) {
    var terms = jdbc.sql("""
            select t.id, t.school_id, y.label, t.name, t.starts_on, t.ends_on from term t
            join academic_year y on y.id = t.academic_year_id
            where t.school_id = ? order by t.starts_on""")
        .param(schoolId)
        .query((rs, n) -> new org.senda.organisation.Term(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate()))
        .list();
    var holidays = jdbc.sql("""
            select h.id, h.school_id, y.label, h.name, h.starts_on, h.ends_on from school_holiday h
            join academic_year y on y.id = h.academic_year_id
            where h.school_id = ? order by h.starts_on""")
        .param(schoolId)
        .query((rs, n) -> new org.senda.organisation.SchoolHoliday(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate()))
        .list();
    return new org.senda.organisation.SchoolCalendar(schoolId, terms, holidays);
  }

  @Override
  public List<RoleAssignment> rolesOf(long staffId) {
    return jdbc.sql("""
            select s.trust_id, r.school_id, r.role from staff_role r join staff s on s.id = r.staff_id
            where r.staff_id = ? and s.active""")
        .param(staffId)
        .query((rs, n) -> new RoleAssignment(
            rs.getLong("trust_id"), (Long) rs.getObject("school_id", Long.class), Role.valueOf(rs.getString("role"))))
        .list();
  }

  @Override
  public Set<Long> schoolsOfTrust(long trustId) {
    return jdbc.sql("select id from school where trust_id = ?").param(trustId).query(Long.class).list().stream()
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Map<Long, String> schoolNames(Collection<Long> schoolIds) {
    Map<Long, String> names = new LinkedHashMap<>();
    schools(schoolIds).forEach(school -> names.put(school.id(), school.name()));
    return names;
  }

  @Override
  public long trustOfSchool(long schoolId) {
    return jdbc.sql("select trust_id from school where id = ?").param(schoolId).query(Long.class).optional()
        .orElse(-1L);
  }

  private static SchoolSummary school(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new SchoolSummary(rs.getLong("id"), rs.getLong("trust_id"), rs.getString("name"), rs.getString("urn"),
        rs.getString("dfe_number"), Phase.valueOf(rs.getString("phase")), rs.getString("local_authority"));
  }
}
