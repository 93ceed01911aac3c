package org.senda.pupils;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One dated thing that happened to a pupil, for the timeline on the pupil page (newest first). */
public record PupilTimelineEntry(LocalDate on, String title, @Nullable String detail, @Nullable String href) {}
