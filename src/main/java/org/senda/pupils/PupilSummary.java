package org.senda.pupils;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A pupil as other modules and lists see them.
 *
 * @param name the display name: preferred forename (or legal forename) and preferred surname (or legal surname)
 * @param classId the pupil's class (registration group), when the school records one
 */
public record PupilSummary(
    long id,
    long schoolId,
    String upn,
    String legalForename,
    String legalSurname,
    @Nullable String preferredForename,
    @Nullable String preferredSurname,
    String name,
    LocalDate dateOfBirth,
    @Nullable String sex,
    long yearGroupId,
    String yearGroupCode,
    String yearGroupName,
    @Nullable Long classId,
    @Nullable String className,
    @Nullable LocalDate admissionDate,
    @Nullable LocalDate leavingDate,
    Set<PupilFlag> flags) {

  public PupilSummary {
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
  }

  /** "Preferred forename + surname", falling back to the legal names. */
  public static String displayName(
      String legalForename, String legalSurname, @Nullable String preferredForename,
      @Nullable String preferredSurname) {
    String forename = preferredForename == null || preferredForename.isBlank() ? legalForename : preferredForename;
    String surname = preferredSurname == null || preferredSurname.isBlank() ? legalSurname : preferredSurname;
    return forename + " " + surname;
  }

  /** The legal name, as on the census and in the CTF. */
  /**
   * This pupil, when on the roll of the school in the address; otherwise refused as not found, so that a page of one
   * school never shows another school's pupil whatever the person may see elsewhere.
   */
  public PupilSummary requireSchool(long schoolId) {
    if (schoolId != this.schoolId) {
      throw new org.senda.access.AccessRefused("pupil " + id + " in school " + schoolId);
    }
    return this;
  }

  public String legalName() {
    return legalForename + " " + legalSurname;
  }

  public boolean has(PupilFlag flag) {
    return flags.contains(flag);
  }

  /** Age in whole years on a date. */
  public int ageOn(LocalDate date) {
    return Period.between(dateOfBirth, date).getYears();
  }
}
