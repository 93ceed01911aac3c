package org.senda.identification.internal;

import org.senda.pupils.PupilRecordsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pupils joining, leaving, changing year group or EAL, or arriving on another date change who is compared with whom
 * and which cautions a flag carries. Heard synchronously, in the transaction of the change, so the next view of the
 * identification page computes the flags again.
 */
@Component
class ProgressInputsOfPupils {

  private final ProgressInputs inputs;

  ProgressInputsOfPupils(ProgressInputs inputs) {
    this.inputs = inputs;
  }

  @EventListener
  void on(PupilRecordsChanged event) {
    inputs.changed(event.schoolId());
  }
}
