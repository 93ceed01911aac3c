package org.senda.identification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the school knows about a pupil beyond their scores that bears on reading a flag.
 *
 * @param attendance the pupil's attendance percentage in the latest term recorded, if any
 */
public record PupilContext(
    boolean eal,
    @Nullable LocalDate admittedOn,
    @Nullable Double attendance,
    @Nullable LocalDate hearingCheckedOn,
    @Nullable LocalDate visionCheckedOn) {

  /** The cautions that apply on {@code today} under the school's thresholds, in the order a SENCO checks them. */
  public List<Caution> cautions(ProgressThresholds thresholds, LocalDate today) {
    List<Caution> cautions = new ArrayList<>();
    if (eal) {
      cautions.add(Caution.EAL);
    }
    if (admittedOn != null && admittedOn.isAfter(today.minusMonths(thresholds.recentArrivalMonths()))) {
      cautions.add(Caution.RECENT_ARRIVAL);
    }
    if (attendance != null && attendance < thresholds.attendanceThreshold()) {
      cautions.add(Caution.LOW_ATTENDANCE);
    }
    if (hearingCheckedOn == null) {
      cautions.add(Caution.NO_HEARING_CHECK);
    }
    if (visionCheckedOn == null) {
      cautions.add(Caution.NO_VISION_CHECK);
    }
    return cautions;
  }
}
