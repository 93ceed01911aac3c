package org.senda.identification.internal;

import java.util.List;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.PupilTimeline;
import org.senda.pupils.PupilTimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Causes for concern and their decisions on the pupil's timeline, read with the pupil page's concerns section. */
@Component
class ConcernTimeline implements PupilTimeline {

  private final JdbcClient jdbc;

  ConcernTimeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<PupilTimelineEntry> entries(PupilSummary pupil) {
    return ConcernsSection.concerns(jdbc, pupil.id()).stream()
        .map(c -> new PupilTimelineEntry(c.raisedOn(), "Cause for concern raised",
            String.join(", ", c.areaTitles()) + " (" + c.statusTitle().toLowerCase(java.util.Locale.ROOT) + ")",
            "/schools/" + c.schoolId() + "/concerns/" + c.id()))
        .toList();
  }
}
