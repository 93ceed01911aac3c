package org.senda.identification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.PupilTimeline;
import org.senda.pupils.PupilTimelineEntry;
import org.springframework.stereotype.Component;

/**
 * Causes for concern, and how the parents were told when one started SEN support (the email and each letter posted,
 * Children and Families Act 2014 s.68), on the pupil's timeline: read with the pupil page's concerns section, so
 * whoever sees the concern there sees how its notice went, and the timeline costs no statement of its own.
 */
@Component
class ConcernTimeline implements PupilTimeline {

  private final ConcernsSection section;

  ConcernTimeline(ConcernsSection section) {
    this.section = section;
  }

  @Override
  public List<PupilTimelineEntry> entries(PupilSummary pupil) {
    List<PupilTimelineEntry> entries = new ArrayList<>();
    for (ConcernsSection.PupilConcern c : section.concerns(pupil.id())) {
      Concerns.Concern concern = c.concern();
      String href = "/schools/" + concern.schoolId() + "/concerns/" + concern.id();
      entries.add(new PupilTimelineEntry(concern.raisedOn(), "Cause for concern raised",
          String.join(", ", concern.areaTitles()) + " (" + concern.statusTitle().toLowerCase(Locale.ROOT) + ")",
          href));
      if (c.emailedOn() != null) {
        entries.add(new PupilTimelineEntry(c.emailedOn(), "Parents told by email",
            c.emailedTo().isEmpty() ? "The letter saying SEN support has started"
                : "The letter saying SEN support has started, to " + String.join(" and ", c.emailedTo()),
            href));
      }
      for (ConcernsSection.PostedLetter letter : c.posted()) {
        entries.add(new PupilTimelineEntry(letter.postedOn(), "Letter to parents posted",
            "The letter saying SEN support has started, to " + letter.addressee(), href));
      }
    }
    return entries;
  }
}
