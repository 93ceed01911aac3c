package org.senda.organisation.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The default calendar of an English state school for one academic year (1 September to 31 August). Local
 * authorities and trusts publish their own dates each year; these defaults follow the usual pattern closely
 * enough that statutory deadlines and review cycles can be counted from the first day, and each school then
 * corrects its own dates.
 *
 * <p>The rules:
 * <ul>
 *   <li>Autumn term: from the first weekday of September (the summer bank holiday, the last Monday of August, is
 *       always before it) to the Friday before Christmas week, i.e. the last Friday on or before 22 December.
 *       October half term: Monday to Friday of the week of the last Monday of October.
 *   <li>Christmas holiday: from the day after the autumn term to the day before the spring term.
 *   <li>Spring term: from the first Monday on or after 2 January to the Friday before Holy Week. February half
 *       term: Monday to Friday of the week of the third Monday of February.
 *   <li>Easter holiday: the two weeks around Easter Sunday, from the Saturday before Holy Week to the Sunday after
 *       Easter week (Easter by the anonymous Gregorian algorithm), and the early May bank holiday too when it
 *       falls on the Monday after.
 *   <li>Summer term: from the Monday after the Easter holiday to the last weekday on or before 22 July. The early
 *       May bank holiday (first Monday of May) is a one-day holiday; the late May half term is Monday to Friday
 *       of the week of the last Monday of May (the spring bank holiday).
 *   <li>Summer holiday: from the day after the summer term to 31 August.
 * </ul>
 *
 * <p>Holidays are inclusive date ranges. Terms never overlap one another; the holidays between terms never
 * overlap a term; half terms and the bank holiday lie inside their term.
 */
final class EnglishSchoolYear {

  /** A named, inclusive range of dates: a term or a holiday. */
  record Period(String name, LocalDate startsOn, LocalDate endsOn) {

    boolean contains(LocalDate date) {
      return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }

    boolean overlaps(Period other) {
      return !endsOn.isBefore(other.startsOn) && !other.endsOn.isBefore(startsOn);
    }
  }

  static final String AUTUMN = "Autumn term";
  static final String SPRING = "Spring term";
  static final String SUMMER = "Summer term";

  private final int startYear;
  private final List<Period> terms;
  private final List<Period> holidays;

  private EnglishSchoolYear(int startYear) {
    this.startYear = startYear;
    int endYear = startYear + 1;

    LocalDate autumnStart = firstWeekdayOnOrAfter(LocalDate.of(startYear, Month.SEPTEMBER, 1));
    LocalDate autumnEnd = LocalDate.of(startYear, Month.DECEMBER, 22)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
    LocalDate octoberHalfTerm = LocalDate.of(startYear, Month.OCTOBER, 1)
        .with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));

    LocalDate springStart = LocalDate.of(endYear, Month.JANUARY, 2)
        .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    LocalDate februaryHalfTerm = LocalDate.of(endYear, Month.FEBRUARY, 1)
        .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.MONDAY));
    LocalDate easter = easterSunday(endYear);
    LocalDate easterHolidayStart = easter.minusDays(8);
    LocalDate earlyMayBankHoliday = LocalDate.of(endYear, Month.MAY, 1)
        .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    LocalDate easterHolidayEnd = easter.plusDays(7);
    if (easterHolidayEnd.plusDays(1).equals(earlyMayBankHoliday)) {
      // A late Easter (e.g. 2038): the bank holiday Monday joins the Easter holiday rather than opening the term.
      easterHolidayEnd = earlyMayBankHoliday;
    }
    LocalDate springEnd = easterHolidayStart.minusDays(1);

    LocalDate summerStart = easterHolidayEnd.plusDays(1);
    LocalDate mayHalfTerm = LocalDate.of(endYear, Month.MAY, 1)
        .with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
    LocalDate summerEnd = lastWeekdayOnOrBefore(LocalDate.of(endYear, Month.JULY, 22));
    LocalDate yearEnd = LocalDate.of(endYear, Month.AUGUST, 31);

    terms = List.of(
        new Period(AUTUMN, autumnStart, autumnEnd),
        new Period(SPRING, springStart, springEnd),
        new Period(SUMMER, summerStart, summerEnd));
    List<Period> all = new ArrayList<>();
    all.add(new Period("October half term", octoberHalfTerm, octoberHalfTerm.plusDays(4)));
    all.add(new Period("Christmas holiday", autumnEnd.plusDays(1), springStart.minusDays(1)));
    all.add(new Period("February half term", februaryHalfTerm, februaryHalfTerm.plusDays(4)));
    all.add(new Period("Easter holiday", easterHolidayStart, easterHolidayEnd));
    if (earlyMayBankHoliday.isAfter(summerStart)) {
      all.add(new Period("Early May bank holiday", earlyMayBankHoliday, earlyMayBankHoliday));
    }
    all.add(new Period("May half term", mayHalfTerm, mayHalfTerm.plusDays(4)));
    all.add(new Period("Summer holiday", summerEnd.plusDays(1), yearEnd));
    holidays = List.copyOf(all);
  }

  /** The default calendar of the academic year that starts in September of {@code startYear}. */
  static EnglishSchoolYear starting(int startYear) {
    return new EnglishSchoolYear(startYear);
  }

  /** The default calendar of the academic year a date falls in. */
  static EnglishSchoolYear containing(LocalDate date) {
    return starting(startYearOf(date));
  }

  /** The calendar year in which the academic year containing {@code date} began (September to August). */
  static int startYearOf(LocalDate date) {
    return date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
  }

  /** How schools write an academic year: "2026/27". */
  static String label(int startYear) {
    return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
  }

  /** The start year of a label such as "2026/27", or -1 when it is not one. */
  static int startYearOf(String label) {
    if (!label.matches("\\d{4}/\\d{2}")) {
      return -1;
    }
    int start = Integer.parseInt(label.substring(0, 4));
    return label(start).equals(label) ? start : -1;
  }

  int startYear() {
    return startYear;
  }

  String label() {
    return label(startYear);
  }

  LocalDate startsOn() {
    return LocalDate.of(startYear, Month.SEPTEMBER, 1);
  }

  LocalDate endsOn() {
    return LocalDate.of(startYear + 1, Month.AUGUST, 31);
  }

  List<Period> terms() {
    return terms;
  }

  List<Period> holidays() {
    return holidays;
  }

  /**
   * Easter Sunday in the Gregorian calendar: the anonymous Gregorian algorithm (Meeus/Jones/Butcher), valid for
   * every year from 1583.
   */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static LocalDate firstWeekdayOnOrAfter(LocalDate date) {
    LocalDate day = date;
    while (isWeekend(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static LocalDate lastWeekdayOnOrBefore(LocalDate date) {
    LocalDate day = date;
    while (isWeekend(day)) {
      day = day.minusDays(1);
    }
    return day;
  }
}
