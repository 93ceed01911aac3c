package org.senda.register.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LastDayCheckTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @ParameterizedTest
  @CsvSource({
    "ended last week after starting in September, 2026-09-03, 2026-11-19, true",
    "one-day placement,                            2026-11-26, 2026-11-26, true",
    "ends at Easter,                               2026-09-03, 2027-03-26, true",
    "exactly a year ahead,                         2026-09-03, 2027-11-26, true",
    "a day before the pupil started,               2026-09-03, 2026-09-02, false",
    "a year and a day ahead (mistyped year),       2026-09-03, 2027-11-27, false",
    "starts in the future and ends before it,      2027-01-05, 2026-12-18, false",
  })
  void acceptsLastDaysFromTheStartToAYearAhead(String why, LocalDate startsOn, LocalDate lastDay, boolean ok) {
    assertThat(LastDayCheck.problem(lastDay, startsOn, TODAY).isEmpty()).as(why).isEqualTo(ok);
  }

  @Test
  void explainsTheLimitsWithTheDates() {
    LocalDate start = LocalDate.of(2026, 9, 3);
    assertThat(LastDayCheck.problem(LocalDate.of(2026, 9, 1), start, TODAY)).isEqualTo(Optional.of(
        "The last day must be on or after the day the pupil started, 3 September 2026"));
    assertThat(LastDayCheck.problem(LocalDate.of(2028, 11, 26), start, TODAY)).hasValueSatisfying(m ->
        assertThat(m).startsWith("The last day must be within a year from today, on or before 26 November 2027"));
  }
}
