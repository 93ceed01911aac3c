package org.senda.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.senda.organisation.SchoolCalendar;
import org.senda.organisation.SchoolHoliday;
import org.senda.organisation.Term;

class ReviewDatesTest {

  private static final SchoolCalendar CALENDAR = new SchoolCalendar(1, List.of(
      new Term(1, 1, "2026/27", "Autumn term", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18)),
      new Term(2, 1, "2026/27", "Spring term", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 26))),
      List.of(
          new SchoolHoliday(1, 1, "2026/27", "October half term", LocalDate.of(2026, 10, 26),
              LocalDate.of(2026, 10, 30)),
          new SchoolHoliday(2, 1, "2026/27", "Christmas", LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 1)),
          new SchoolHoliday(3, 1, "2026/27", "February half term", LocalDate.of(2027, 2, 15),
              LocalDate.of(2027, 2, 19))));

  @Test
  void termlyIsAFortnightBeforeTheEndOfTheFirstTermWithFourWeeksLeft() {
    assertThat(ReviewDates.next(CALENDAR, ReviewInterval.TERM, LocalDate.of(2026, 9, 7)))
        .isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(ReviewDates.next(CALENDAR, ReviewInterval.TERM, LocalDate.of(2026, 11, 25)))
        .as("too close to the end of autumn: the spring term").isEqualTo(LocalDate.of(2027, 3, 12));
  }

  @Test
  void halfTermlyIsAWeekBeforeTheNextBreakAndNeverAtAWeekend() {
    assertThat(ReviewDates.next(CALENDAR, ReviewInterval.HALF_TERM, LocalDate.of(2026, 9, 7)))
        .isEqualTo(LocalDate.of(2026, 10, 19));
    assertThat(ReviewDates.next(CALENDAR, ReviewInterval.HALF_TERM, LocalDate.of(2026, 10, 5)))
        .isEqualTo(LocalDate.of(2026, 12, 14));
  }

  @Test
  void withoutACalendarTwelveOrSixWeeksOnAWeekday() {
    SchoolCalendar none = new SchoolCalendar(1, List.of(), List.of());
    assertThat(ReviewDates.next(none, ReviewInterval.TERM, LocalDate.of(2026, 9, 7)))
        .isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(ReviewDates.next(none, ReviewInterval.HALF_TERM, LocalDate.of(2026, 9, 5)))
        .as("a Saturday six weeks on moves back to the Friday").isEqualTo(LocalDate.of(2026, 10, 16));
  }
}
