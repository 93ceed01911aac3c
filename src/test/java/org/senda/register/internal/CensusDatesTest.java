package org.senda.register.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CensusDatesTest {

  @ParameterizedTest(name = "on {0} the next census is {1} on {2}")
  @CsvSource({
    "2026-11-25, SPRING, 2027-01-21",
    "2027-01-21, SPRING, 2027-01-21",
    "2027-01-22, SUMMER, 2027-05-20",
    "2026-05-22, AUTUMN, 2026-10-01",
    "2026-10-02, SPRING, 2027-01-21",
    "2025-09-30, AUTUMN, 2025-10-02",
  })
  void findsTheNextCensusDay(LocalDate today, CensusDates.Census census, LocalDate day) {
    CensusDates.CensusDay next = CensusDates.next(today);

    assertThat(next.census()).isEqualTo(census);
    assertThat(next.date()).isEqualTo(day);
  }
}
