package org.senda.provision.internal;

import java.util.ArrayList;
import java.util.List;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.PupilTimeline;
import org.senda.pupils.PupilTimelineEntry;
import org.springframework.stereotype.Component;

/** Provision on the pupil's timeline: each group joined, and each impact review, in one query. */
@Component
class ProvisionTimeline implements PupilTimeline {

  private final ProvisionReports reports;

  ProvisionTimeline(ProvisionReports reports) {
    this.reports = reports;
  }

  @Override
  public List<PupilTimelineEntry> entries(PupilSummary pupil) {
    List<PupilTimelineEntry> entries = new ArrayList<>();
    String history = "/schools/" + pupil.schoolId() + "/pupils/" + pupil.id() + "/provision";
    for (ProvisionReports.HistoryRow r : reports.historyForPupilPage(pupil.id())) {
      entries.add(new PupilTimelineEntry(r.startDate(), "Started " + r.intervention(),
          r.delivery() + (r.lessons() == null ? "" : " in " + r.lessons()), history));
      if (r.impactReviewedOn() != null) {
        entries.add(new PupilTimelineEntry(r.impactReviewedOn(), "Impact of " + r.intervention() + " reviewed",
            ProvisionReviewEvidence.result(r), history));
      }
    }
    return entries;
  }
}
