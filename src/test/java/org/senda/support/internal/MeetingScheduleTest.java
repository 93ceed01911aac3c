package org.senda.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeetingScheduleTest {

  @Test
  void aFirstTermlyCycleHasTheMeetingToAgreeThePlanAndTheReview() {
    // Monday 7 September 2026 to Friday 27 November 2026: 81 days, shorter than a third of a year.
    List<MeetingSchedule.Planned> planned = MeetingSchedule.forCycle(1, LocalDate.of(2026, 9, 7),
        LocalDate.of(2026, 11, 27), 3);
    assertThat(planned).containsExactly(
        new MeetingSchedule.Planned(MeetingPurpose.PLAN_START, LocalDate.of(2026, 9, 7)),
        new MeetingSchedule.Planned(MeetingPurpose.REVIEW, LocalDate.of(2026, 11, 27)));
  }

  @Test
  void aLaterCycleStartsAtTheReviewThatOpenedItSoOnlyItsOwnReviewIsScheduled() {
    assertThat(MeetingSchedule.forCycle(2, LocalDate.of(2026, 11, 27), LocalDate.of(2027, 2, 12), 3))
        .extracting(MeetingSchedule.Planned::purpose).containsExactly(MeetingPurpose.REVIEW);
  }

  @Test
  void moreMeetingsAYearAddMidCycleMeetingsEvenlyOnWeekdays() {
    // Six a year: no gap longer than 60 days, so an 81-day cycle gets one mid-cycle meeting.
    List<MeetingSchedule.Planned> planned = MeetingSchedule.forCycle(2, LocalDate.of(2026, 9, 7),
        LocalDate.of(2026, 11, 27), 6);
    assertThat(planned).extracting(MeetingSchedule.Planned::purpose)
        .containsExactly(MeetingPurpose.MID_CYCLE, MeetingPurpose.REVIEW);
    // 7 September + 40 days is Saturday 17 October: moved to the Friday before.
    assertThat(planned.getFirst().on()).isEqualTo(LocalDate.of(2026, 10, 16));
  }

  @Test
  void aCycleOfTenMonthsWithThreeMeetingsAYearGetsTwoMidCycleMeetings() {
    assertThat(MeetingSchedule.forCycle(3, LocalDate.of(2026, 9, 7), LocalDate.of(2027, 7, 16), 3))
        .extracting(MeetingSchedule.Planned::purpose)
        .containsExactly(MeetingPurpose.MID_CYCLE, MeetingPurpose.MID_CYCLE, MeetingPurpose.REVIEW);
  }

  @ParameterizedTest
  @CsvSource({
    "on support for years,       2024-01-10, 3, 3",
    "first plan six months ago,  2026-05-25, 3, 1",
    "first plan eight months ago, 2026-03-25, 3, 2",
    "first plan a fortnight ago, 2026-11-11, 3, 0",
    "six a year for half a year,  2026-05-25, 6, 3",
  })
  void meetingsRequiredInTheLastYearAreInProportionForAFirstPlanUnderAYearOld(String why, LocalDate firstPlan,
      int perYear, int required) {
    assertThat(MeetingSchedule.required(perYear, firstPlan, LocalDate.of(2026, 11, 25))).as(why).isEqualTo(required);
  }
}
