package org.senda.register.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.stream.Stream;

/**
 * School census days: the spring census on the third Thursday of January, the summer census on the third Thursday
 * of May and the autumn census on the first Thursday of October (local authority census guidance, e.g. Devon, as
 * quoted in the reference facts section 2.1). Type of need is collected for pupils with status E or K.
 */
final class CensusDates {

  /** Which census a day is. */
  enum Census {
    SPRING("Spring census"),
    SUMMER("Summer census"),
    AUTUMN("Autumn census");

    private final String title;

    Census(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  record CensusDay(Census census, LocalDate date) {}

  private CensusDates() {}

  /** The next census day on or after {@code today}. */
  static CensusDay next(LocalDate today) {
    return Stream.of(today.getYear(), today.getYear() + 1)
        .flatMap(year -> Stream.of(
            new CensusDay(Census.SPRING, thursday(year, Month.JANUARY, 3)),
            new CensusDay(Census.SUMMER, thursday(year, Month.MAY, 3)),
            new CensusDay(Census.AUTUMN, thursday(year, Month.OCTOBER, 1))))
        .filter(day -> !day.date().isBefore(today))
        .findFirst()
        .orElseThrow();
  }

  private static LocalDate thursday(int year, Month month, int nth) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(nth, DayOfWeek.THURSDAY));
  }
}
