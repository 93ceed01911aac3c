package org.senda.register;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recorded change of a pupil's SEN status.
 *
 * @param previous the status before the change, or null for the first record of the pupil
 * @param needs the need codes, primary first
 */
public record RegisterChange(long pupilId, long schoolId, @Nullable SendStatus previous, SendStatus status,
    List<String> needs, String reason, LocalDate effectiveDate) {

  public RegisterChange {
    needs = List.copyOf(needs);
  }
}
