package org.senda.audit;

import org.jspecify.annotations.Nullable;
import org.senda.audit.internal.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Records reads and writes of personal data. Who did it (the signed-in person and their role in the school),
 * and from where (the client address), are taken from the current request; callers say what and which record.
 *
 * <p>Every page view, export and change of pupil data calls this: UK GDPR Art. 5(2) accountability for
 * special-category data (Art. 9) about children.
 */
@Service
public class Audit {

  private final AuditLog log;

  Audit(AuditLog log) {
    this.log = log;
  }

  /**
   * Appends an entry to the hash-chained log, inside the caller's transaction when there is one (so a change and
   * its audit entry are committed together or not at all). In a read-only transaction the entry is committed on its
   * own, since the read has happened. Record last in a long transaction: the append holds the chain head's lock
   * until the transaction ends, and every other writer waits for it.
   *
   * @param recordType what kind of record, e.g. "pupil", "staff", "school"
   * @param recordId the record's id, or null for lists and exports
   * @param schoolId the school the record belongs to, or null for trust-level records
   * @param detail a short note, e.g. the filter of an export; never the personal data itself
   */
  public void record(
      AuditAction action, String recordType, @Nullable Object recordId, @Nullable Long schoolId,
      @Nullable String detail) {
    log.append(action, recordType, recordId == null ? null : String.valueOf(recordId), schoolId, detail);
  }

  /** Records an event where the actor is known by email rather than by the current session (e.g. sign-in). */
  public void recordFor(
      String actorEmail, @Nullable Long accountId, AuditAction action, String recordType, @Nullable Object recordId,
      @Nullable String detail) {
    log.appendFor(actorEmail, accountId, action, recordType, recordId == null ? null : String.valueOf(recordId),
        detail);
  }
}
