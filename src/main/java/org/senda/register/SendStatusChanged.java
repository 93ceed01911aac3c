package org.senda.register;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pupil's SEN status or needs changed. Published inside the transaction of the change; listeners (plans,
 * notifications to parents) react when it commits.
 *
 * @param previous the status before the change, or null for the first record of the pupil
 */
public record SendStatusChanged(long pupilId, long schoolId, @Nullable SendStatus previous, SendStatus status,
    List<String> needs, LocalDate effectiveDate) {}
