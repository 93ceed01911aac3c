package org.senda.pupils.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.senda.organisation.YearGroup;

class YearGroupAgesTest {

  @ParameterizedTest(name = "{0} on {1}: born {2} to {3}")
  @CsvSource({
    // Reception in 2026/27: children who turn 5 between 1 September 2026 and 31 August 2027
    "R,   2026-11-25, 2021-09-01, 2022-08-31",
    "Y1,  2026-11-25, 2020-09-01, 2021-08-31",
    "Y6,  2026-11-25, 2015-09-01, 2016-08-31",
    "Y11, 2026-11-25, 2010-09-01, 2011-08-31",
    "N,   2026-11-25, 2022-09-01, 2023-08-31",
    // before 1 September the academic year is still the one that began the previous autumn
    "R,   2027-08-31, 2021-09-01, 2022-08-31",
    "R,   2027-09-01, 2022-09-01, 2023-08-31",
  })
  void datesOfBirthOfAYearGroup(String code, LocalDate today, LocalDate from, LocalDate to) {
    int offset = YearGroupAges.offset(code).orElseThrow();
    assertThat(YearGroupAges.bornFrom(offset, today)).isEqualTo(from);
    assertThat(YearGroupAges.bornTo(offset, today)).isEqualTo(to);
  }

  @ParameterizedTest
  @CsvSource({"3, Y3", "Y3, Y3", "Year 3, Y3", "year 3, Y3", "R, R", "Reception, R", "N2, N", "NC 3, Y3"})
  void readsYearGroupsAsMisExportsWriteThem(String typed, String code) {
    List<YearGroup> years = List.of(new YearGroup(1, 1, "N", "Nursery", -1), new YearGroup(2, 1, "R", "Reception", 0),
        new YearGroup(3, 1, "Y3", "Year 3", 3));
    assertThat(PupilImporter.yearGroup(typed, years)).extracting(YearGroup::code).isEqualTo(code);
  }

  @ParameterizedTest
  @CsvSource({"9", "Year 15", "Y", "Foundation"})
  void refusesYearGroupsTheSchoolDoesNotHave(String typed) {
    List<YearGroup> years = List.of(new YearGroup(2, 1, "R", "Reception", 0), new YearGroup(3, 1, "Y3", "Year 3", 3));
    assertThat(PupilImporter.yearGroup(typed, years)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"2017-03-14, 2017-03-14", "14/03/2017, 2017-03-14", "4/3/2017, 2017-03-04", "14-03-2017, 2017-03-14",
    "14.03.2017, 2017-03-14", "14 Mar 2017, 2017-03-14", "2017-03-14T00:00:00, 2017-03-14"})
  void readsDatesInTheFormsMisExportsUse(String typed, LocalDate date) {
    assertThat(ImportValues.date(typed)).contains(date);
  }

  @ParameterizedTest
  @CsvSource({"31/02/2017", "2017-13-01", "03/14/2017", "14/03/17", "yesterday"})
  void refusesDatesThatAreNotReal(String typed) {
    assertThat(ImportValues.date(typed)).isEmpty();
  }
}
