package org.senda.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A school's terms and holidays: what statutory deadlines and review cycles are counted against. */
public record SchoolCalendar(long schoolId, List<Term> terms, List<SchoolHoliday> holidays) {

  public Optional<Term> termOn(LocalDate date) {
    return terms.stream().filter(t -> !date.isBefore(t.startsOn()) && !date.isAfter(t.endsOn())).findFirst();
  }

  public boolean isHoliday(LocalDate date) {
    return holidays.stream().anyMatch(h -> h.contains(date));
  }
}
