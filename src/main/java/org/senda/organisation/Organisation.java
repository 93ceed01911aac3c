package org.senda.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.senda.organisation.internal.OrganisationQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Trusts, schools and their staff, as the rest of Senda may ask about them. */
@Service
@Transactional(readOnly = true)
public class Organisation {

  private final OrganisationQueries queries;

  Organisation(OrganisationQueries queries) {
    this.queries = queries;
  }

  public Optional<SchoolSummary> school(long schoolId) {
    return queries.school(schoolId);
  }

  /** The schools with these ids, ordered by name. */
  public List<SchoolSummary> schools(Collection<Long> schoolIds) {
    return queries.schools(schoolIds);
  }

  /** Staff who hold a role in the school, with their roles there. */
  public List<StaffSummary> staffOf(long schoolId) {
    return queries.staffOf(schoolId);
  }

  /** Active staff of the school's trust who hold {@code role} trust-wide (not in one school), by name. */
  public List<StaffSummary> trustStaffWithRole(long schoolId, org.senda.access.Role role) {
    return queries.trustStaffWithRole(schoolId, role);
  }

  /** Staff by id, active or not (records name who did something even after they leave), in one statement. */
  public java.util.Map<Long, StaffSummary> staffByIds(Collection<Long> staffIds) {
    return queries.staffByIds(staffIds);
  }

  /** The school's year groups in order. */
  public List<YearGroup> yearGroups(long schoolId) {
    return queries.yearGroups(schoolId);
  }

  /** The school's classes, ordered by year group and name. */
  public List<SchoolClass> classes(long schoolId) {
    return queries.classes(schoolId);
  }

  /** The year groups and classes of a school in one statement (filters that offer both). */
  public SchoolStructure structure(long schoolId) {
    return queries.structure(schoolId);
  }

  /**
   * The classes a member of staff teaches or supports, as an SQL subquery of class ids over the named parameter
   * {@code :staffIdParameter}, so that a list applies a teacher's need to know inside its own statement instead of
   * reading the classes first.
   */
  public String classesOfSql(String staffIdParameter) {
    return OrganisationQueries.classesOfSql(staffIdParameter);
  }

  /** The ids of the classes a member of staff teaches or supports: the basis of a teacher's need to know. */
  public java.util.Set<Long> classesOf(long staffId) {
    return queries.classesOf(staffId);
  }

  /** The school's terms and holidays over every academic year Senda holds. */
  public SchoolCalendar calendar(long schoolId) {
    return queries.calendar(schoolId);
  }

  /** The name of a trust. */
  public Optional<String> trustName(long trustId) {
    return queries.trustName(trustId);
  }
}
