package org.senda.pupils;

import java.util.List;

/**
 * A module's dated entries for a pupil's timeline (status changes, plans, reviews, provision). Read with one query
 * per module; the pupil page merges them by date.
 */
public interface PupilTimeline {

  List<PupilTimelineEntry> entries(PupilSummary pupil);
}
