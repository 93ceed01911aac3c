package org.senda.register;

import java.time.LocalDate;
import java.util.List;

/**
 * The register for other modules: a pupil's SEN status, and recording a change of it under the same rules as the
 * register's own pages and API. The caller has checked that the person may manage SEND for the pupil's school; the
 * register checks it again and records the change, audits it and publishes {@link SendStatusChanged}.
 */
public interface Register {

  /**
   * Records a change of the pupil's SEN status and needs, made by the signed-in person.
   *
   * @throws RegisterChangeRefused with every rule the change breaks; nothing is written then
   */
  RegisterChange change(long pupilId, SendStatus status, List<RankedNeed> needs, String reason,
      LocalDate effectiveDate);

  /** The need codes someone may choose on a date, in the register's display order (retired codes left out). */
  List<NeedType> needTypesOn(LocalDate date);

  /** The pupil's current SEN status: N when nothing is recorded. */
  SendStatus statusOf(long pupilId);
}
