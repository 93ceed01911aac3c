package org.senda.identification.internal;

import org.senda.organisation.YearGroupChanged;
import org.senda.pupils.PupilRecordsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Inputs of the progress tests that other modules own: pupils joining, leaving, changing year group or EAL, or
 * arriving on another date, and year groups renamed or recoded (peers across the trust match year groups by code).
 * Heard synchronously, in the transaction of the change, so the next view of the identification page computes the
 * flags again.
 */
@Component
class ProgressInputsElsewhere {

  private final ProgressInputs inputs;

  ProgressInputsElsewhere(ProgressInputs inputs) {
    this.inputs = inputs;
  }

  @EventListener
  void on(PupilRecordsChanged event) {
    inputs.changed(event.schoolId());
  }

  @EventListener
  void on(YearGroupChanged event) {
    inputs.changed(event.schoolId());
  }
}
