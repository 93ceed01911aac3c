package org.senda.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.senda.organisation.internal.EnglishSchoolYear.Period;

class EnglishSchoolYearTest {

  @ParameterizedTest
  @CsvSource({
    "1961, 1961-04-02",
    "2000, 2000-04-23",
    "2008, 2008-03-23",
    "2011, 2011-04-24",
    "2019, 2019-04-21",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2038, 2038-04-25",
    "2285, 2285-03-22",
  })
  void computesEasterSunday(int year, LocalDate easter) {
    assertThat(EnglishSchoolYear.easterSunday(year)).isEqualTo(easter);
  }

  @Test
  void year2025To26MatchesTheUsualPublishedDates() {
    EnglishSchoolYear year = EnglishSchoolYear.starting(2025);
    assertThat(year.label()).isEqualTo("2025/26");
    assertThat(year.terms()).containsExactly(
        new Period("Autumn term", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 19)),
        new Period("Spring term", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 27)),
        new Period("Summer term", LocalDate.of(2026, 4, 13), LocalDate.of(2026, 7, 22)));
    assertThat(year.holidays()).containsExactly(
        new Period("October half term", LocalDate.of(2025, 10, 27), LocalDate.of(2025, 10, 31)),
        new Period("Christmas holiday", LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 4)),
        new Period("February half term", LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 20)),
        new Period("Easter holiday", LocalDate.of(2026, 3, 28), LocalDate.of(2026, 4, 12)),
        new Period("Early May bank holiday", LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 4)),
        new Period("May half term", LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 29)),
        new Period("Summer holiday", LocalDate.of(2026, 7, 23), LocalDate.of(2026, 8, 31)));
  }

  @Test
  void autumnTermStartsOnTheFirstWeekdayOfSeptember() {
    // 1 September 2024 was a Sunday; 1 September 2029 is a Saturday.
    assertThat(EnglishSchoolYear.starting(2024).terms().getFirst().startsOn()).isEqualTo(LocalDate.of(2024, 9, 2));
    assertThat(EnglishSchoolYear.starting(2029).terms().getFirst().startsOn()).isEqualTo(LocalDate.of(2029, 9, 3));
  }

  @Test
  void springTermStartsOnTheFirstMondayFromTheSecondOfJanuary() {
    // New Year's Day 2024 was a Monday: school starts the Monday after, not on the bank holiday.
    assertThat(EnglishSchoolYear.starting(2023).terms().get(1).startsOn()).isEqualTo(LocalDate.of(2024, 1, 8));
    assertThat(EnglishSchoolYear.starting(2026).terms().get(1).startsOn()).isEqualTo(LocalDate.of(2027, 1, 4));
  }

  @ParameterizedTest
  @CsvSource({
    "2023, October half term, 2023-10-30",
    "2026, October half term, 2026-10-26",
    "2025, February half term, 2026-02-16",
    "2026, February half term, 2027-02-15",
    "2024, May half term, 2025-05-26",
    "2026, May half term, 2027-05-31",
  })
  void halfTermsAreMondayToFridayOfTheirWeek(int startYear, String name, LocalDate monday) {
    Period halfTerm = holiday(EnglishSchoolYear.starting(startYear), name);
    assertThat(halfTerm.startsOn()).isEqualTo(monday);
    assertThat(halfTerm.endsOn()).isEqualTo(monday.plusDays(4));
    assertThat(halfTerm.endsOn().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
  }

  @ParameterizedTest
  @CsvSource({"2024, 2025-04-20", "2025, 2026-04-05", "2026, 2027-03-28"})
  void easterHolidayIsTheTwoWeeksAroundEasterSunday(int startYear, LocalDate easter) {
    Period holiday = holiday(EnglishSchoolYear.starting(startYear), "Easter holiday");
    assertThat(holiday.contains(easter.minusDays(2))).as("Good Friday").isTrue();
    assertThat(holiday.contains(easter.plusDays(1))).as("Easter Monday").isTrue();
    long weekdays = holiday.startsOn().datesUntil(holiday.endsOn().plusDays(1))
        .filter(d -> !EnglishSchoolYear.isWeekend(d)).count();
    assertThat(weekdays).isEqualTo(10);
  }

  static IntStream years() {
    return IntStream.rangeClosed(2015, 2045);
  }

  @ParameterizedTest
  @MethodSource("years")
  void termsStartAndEndOnWeekdaysInOrderInsideTheYear(int startYear) {
    EnglishSchoolYear year = EnglishSchoolYear.starting(startYear);
    List<Period> terms = year.terms();
    for (Period term : terms) {
      assertThat(EnglishSchoolYear.isWeekend(term.startsOn())).as(term + " starts on a weekday").isFalse();
      assertThat(EnglishSchoolYear.isWeekend(term.endsOn())).as(term + " ends on a weekday").isFalse();
      assertThat(term.startsOn()).isBeforeOrEqualTo(term.endsOn()).isAfterOrEqualTo(year.startsOn());
      assertThat(term.endsOn()).isBeforeOrEqualTo(year.endsOn());
    }
    for (int i = 1; i < terms.size(); i++) {
      assertThat(terms.get(i).startsOn()).isAfter(terms.get(i - 1).endsOn());
    }
  }

  @ParameterizedTest
  @MethodSource("years")
  void holidaysBetweenTermsDoNotOverlapTermsAndHalfTermsLieInside(int startYear) {
    EnglishSchoolYear year = EnglishSchoolYear.starting(startYear);
    for (Period holiday : year.holidays()) {
      assertThat(holiday.startsOn()).isBeforeOrEqualTo(holiday.endsOn());
      List<Period> overlapping = year.terms().stream().filter(holiday::overlaps).toList();
      if (holiday.name().endsWith("half term") || holiday.name().endsWith("bank holiday")) {
        assertThat(overlapping).as(holiday.name()).hasSize(1);
        Period term = overlapping.getFirst();
        assertThat(term.startsOn()).as(holiday.name()).isBefore(holiday.startsOn());
        assertThat(term.endsOn()).as(holiday.name()).isAfter(holiday.endsOn());
      } else {
        assertThat(overlapping).as(holiday.name() + " overlaps no term").isEmpty();
      }
    }
    for (int i = 1; i < year.holidays().size(); i++) {
      assertThat(year.holidays().get(i).startsOn()).isAfter(year.holidays().get(i - 1).endsOn());
    }
  }

  @ParameterizedTest
  @MethodSource("years")
  void everyDayOfTheYearIsInATermOrAHoliday(int startYear) {
    EnglishSchoolYear year = EnglishSchoolYear.starting(startYear);
    LocalDate autumnStart = year.terms().getFirst().startsOn();
    year.startsOn().datesUntil(year.endsOn().plusDays(1))
        .filter(d -> !d.isBefore(autumnStart))
        .forEach(d -> assertThat(year.terms().stream().anyMatch(t -> t.contains(d))
                || year.holidays().stream().anyMatch(h -> h.contains(d)))
            .as(d + " is in a term or a holiday").isTrue());
  }

  @Test
  void academicYearsRunFromSeptemberToAugust() {
    assertThat(EnglishSchoolYear.startYearOf(LocalDate.of(2026, 11, 25))).isEqualTo(2026);
    assertThat(EnglishSchoolYear.startYearOf(LocalDate.of(2026, 8, 31))).isEqualTo(2025);
    assertThat(EnglishSchoolYear.startYearOf(LocalDate.of(2026, 9, 1))).isEqualTo(2026);
    assertThat(EnglishSchoolYear.label(2099)).isEqualTo("2099/00");
    assertThat(EnglishSchoolYear.startYearOf("2026/27")).isEqualTo(2026);
    assertThat(EnglishSchoolYear.startYearOf("2026/28")).isEqualTo(-1);
    assertThat(EnglishSchoolYear.startYearOf("26/27")).isEqualTo(-1);
  }

  private static Period holiday(EnglishSchoolYear year, String name) {
    return year.holidays().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
  }
}
