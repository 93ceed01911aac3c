package org.senda.pupils.internal;

import java.util.ArrayList;
import java.util.List;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.PupilTimeline;
import org.senda.pupils.PupilTimelineEntry;
import org.springframework.stereotype.Component;

/** The pupils module's part of the timeline: admission, leaving and every change to the record (one query). */
@Component
class PupilRecordTimeline implements PupilTimeline {

  private final PupilRecords records;

  PupilRecordTimeline(PupilRecords records) {
    this.records = records;
  }

  @Override
  public List<PupilTimelineEntry> entries(PupilSummary pupil) {
    List<PupilTimelineEntry> entries = new ArrayList<>();
    if (pupil.admissionDate() != null) {
      entries.add(new PupilTimelineEntry(pupil.admissionDate(), "Admitted to the school", null, null));
    }
    if (pupil.leavingDate() != null) {
      entries.add(new PupilTimelineEntry(pupil.leavingDate(), "Left the school", null, null));
    }
    for (PupilRecords.Event event : records.events(pupil.id())) {
      entries.add(new PupilTimelineEntry(event.on(), event.summary(),
          event.actor() == null ? null : "By " + event.actor(), null));
    }
    return entries;
  }
}
