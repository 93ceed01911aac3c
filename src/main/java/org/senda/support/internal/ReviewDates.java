package org.senda.support.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import org.senda.organisation.SchoolCalendar;
import org.senda.organisation.SchoolHoliday;
import org.senda.organisation.Term;

/**
 * The default review date of a new plan cycle, from the school's terms. Termly: a fortnight before the end of the
 * first term that leaves at least four weeks of teaching; half-termly: a week before the first break (half term or
 * end of term) that leaves at least three weeks. Without a calendar, twelve or six weeks on. Always a weekday.
 */
final class ReviewDates {

  private ReviewDates() {}

  static LocalDate next(SchoolCalendar calendar, ReviewInterval interval, LocalDate from) {
    LocalDate date = switch (interval) {
      case TERM -> calendar.terms().stream()
          .sorted(Comparator.comparing(Term::endsOn))
          .map(t -> t.endsOn().minusDays(14))
          .filter(d -> !d.isBefore(from.plusWeeks(4)))
          .findFirst()
          .orElse(from.plusWeeks(12));
      case HALF_TERM -> calendar.holidays().stream()
          .filter(h -> ChronoUnit.DAYS.between(h.startsOn(), h.endsOn()) >= 4)
          .sorted(Comparator.comparing(SchoolHoliday::startsOn))
          .map(h -> h.startsOn().minusDays(7))
          .filter(d -> !d.isBefore(from.plusWeeks(3)))
          .findFirst()
          .orElse(from.plusWeeks(6));
    };
    while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
        || calendar.isHoliday(date)) {
      date = date.minusDays(1);
    }
    return date;
  }
}
