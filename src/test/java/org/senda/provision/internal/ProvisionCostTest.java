package org.senda.provision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senda.access.Role;
import org.senda.organisation.SchoolCalendar;
import org.senda.organisation.SchoolHoliday;
import org.senda.organisation.Term;

class ProvisionCostTest {

  private static final SchoolCalendar AUTUMN = new SchoolCalendar(1,
      List.of(new Term(1, 1, "2026/27", "Autumn term", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18))),
      List.of(new SchoolHoliday(1, 1, "2026/27", "Autumn half term", LocalDate.of(2026, 10, 26),
          LocalDate.of(2026, 10, 30))));

  @Test
  void actualCostIsDeliveredMinutesAtEachStaffRatePlusResources() {
    // 10 sessions x 30 minutes by a TA (£15.50) and a teacher (£38.00): 5 h x £53.50 = £267.50, + £45.99.
    assertThat(ProvisionCost.actual(300, List.of(1550L, 3800L), 4599)).isEqualTo(new BigDecimal("313.49"));
    // 7 x 20 minutes at £15.50: 140/60 x 1550 = 3616.67p -> £36.17.
    assertThat(ProvisionCost.actual(140, List.of(1550L), 0)).isEqualTo(new BigDecimal("36.17"));
    assertThat(ProvisionCost.actual(0, List.of(1550L), 0)).isEqualTo(new BigDecimal("0.00"));
    assertThat(ProvisionCost.actual(0, List.of(1550L), 0).toPlainString()).isEqualTo("0.00");
  }

  @Test
  void perPupilDividesByThePupilsAndOneToOneTakesTheWholeCost() {
    assertThat(ProvisionCost.perPupil(new BigDecimal("100.00"), 3)).isEqualTo(new BigDecimal("33.33"));
    assertThat(ProvisionCost.perPupil(new BigDecimal("100.00"), 6)).isEqualTo(new BigDecimal("16.67"));
    assertThat(ProvisionCost.perPupil(new BigDecimal("123.40"), 1)).isEqualTo(new BigDecimal("123.40"));
    assertThat(ProvisionCost.perPupil(new BigDecimal("123.40"), 1).toPlainString()).isEqualTo("123.40");
  }

  @Test
  void schoolWeeksSkipHolidaysWeekendsAndDaysOutsideTerm() {
    // 5 Oct to 13 Nov: six calendar weeks, one of them half term.
    assertThat(ProvisionCost.schoolWeeks(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 13), AUTUMN))
        .isEqualTo(5);
    // A range that starts on a Saturday counts from the Monday after.
    assertThat(ProvisionCost.schoolWeeks(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 9), AUTUMN))
        .isEqualTo(1);
    // After the end of term nothing is counted.
    assertThat(ProvisionCost.schoolWeeks(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 31), AUTUMN))
        .isZero();
  }

  @Test
  void plannedCostCountsSessionsInSchoolWeeks() {
    // 5 school weeks x 3 sessions x 30 minutes = 450 minutes at £15.50 = £116.25, + £20.00 resources.
    assertThat(ProvisionCost.planned(3, 30, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 13), AUTUMN,
        List.of(1550L), 2000)).isEqualTo(new BigDecimal("136.25"));
  }

  @Test
  void aSchoolsOwnRateReplacesTheDefault() {
    assertThat(ProvisionCost.rate(Role.TEACHING_ASSISTANT, Map.of())).isEqualTo(1550L);
    assertThat(ProvisionCost.rate(Role.TEACHER, Map.of())).isEqualTo(3800L);
    assertThat(ProvisionCost.rate(Role.SENCO, Map.of())).isEqualTo(4500L);
    assertThat(ProvisionCost.rate(Role.TEACHING_ASSISTANT, Map.of(Role.TEACHING_ASSISTANT, 1625L))).isEqualTo(1625L);
    assertThat(ProvisionCost.delivers(Role.GOVERNOR)).isFalse();
  }

  @Test
  void aWeekIsTheLengthOfEachWeeklyTimeAndUntimedSessionsAtTheUsualLength() {
    List<Slot> slots = List.of(new Slot("MONDAY", "09:00", 30), new Slot("WEDNESDAY", "10:30", 40));
    assertThat(ProvisionCost.weeklyMinutes(2, 20, slots)).isEqualTo(70);
    assertThat(ProvisionCost.weeklyMinutes(3, 20, slots)).as("a third session not yet given a time").isEqualTo(90);
    assertThat(ProvisionCost.weeklyMinutes(3, 20, List.of())).isEqualTo(60);
  }

}
