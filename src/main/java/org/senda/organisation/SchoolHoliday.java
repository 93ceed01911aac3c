package org.senda.organisation;

import java.time.LocalDate;

/** A school holiday (half term, Christmas, Easter, summer), inclusive dates. */
public record SchoolHoliday(long id, long schoolId, String academicYear, String name, LocalDate startsOn,
    LocalDate endsOn) {

  public boolean contains(LocalDate date) {
    return !date.isBefore(startsOn) && !date.isAfter(endsOn);
  }
}
