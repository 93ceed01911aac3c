package org.senda.audit.internal;

import org.jspecify.annotations.Nullable;

/**
 * Checks the chain one entry at a time, in order of sequence number, so that a log of any length is verified in
 * constant memory: feed every entry to {@link #check}, then ask for the {@link #result} against the chain head.
 *
 * <p>What it finds, at the first place the chain breaks:
 * <ul>
 *   <li>an entry whose fields no longer give its hash: it was altered (a changed number is caught here too, so
 *       entries moved into another order are reported as altered);
 *   <li>a number missing from the sequence: entries were deleted;
 *   <li>an entry whose previous hash is not the hash of the entry before it: entries before it were deleted and
 *       the rest renumbered, or replaced;
 *   <li>fewer entries than the head records, or a last entry that is not the head's: entries were deleted from
 *       the end.
 * </ul>
 */
final class AuditVerification {

  private long expectedSeq = 1;
  private String previousHash = AuditLog.GENESIS;
  private long entries;
  private @Nullable Long firstBroken;
  private @Nullable String problem;

  /** Checks the next entry; entries must come in ascending sequence order. */
  void check(AuditLog.Entry entry) {
    entries++;
    if (firstBroken == null) {
      if (entry.seq() != expectedSeq) {
        broken(expectedSeq, missing(expectedSeq, entry.seq() - 1));
      } else if (!entry.hashMatches()) {
        broken(entry.seq(), "Entry " + entry.seq() + " has been altered: what it records no longer matches the "
            + "fingerprint taken when it was written.");
      } else if (!entry.prevHash().equals(previousHash)) {
        broken(entry.seq(), "Entry " + entry.seq() + " does not follow on from the entry before it: entries "
            + "before it have been deleted, replaced or put in a different order.");
      }
    }
    expectedSeq = entry.seq() + 1;
    previousHash = entry.hash();
  }

  /** The outcome, once every entry up to the head has been checked. */
  ChainVerification result(ChainHead head) {
    if (firstBroken == null) {
      long last = expectedSeq - 1;
      if (last < head.lastSeq()) {
        broken(expectedSeq, missing(expectedSeq, head.lastSeq()) + " They were the last entries in the log.");
      } else if (!previousHash.equals(head.lastHash())) {
        broken(head.lastSeq(), "Entry " + head.lastSeq() + " is not the entry the log last wrote: the end of the "
            + "log has been replaced.");
      }
    }
    return firstBroken == null
        ? ChainVerification.intact(entries)
        : ChainVerification.broken(entries, firstBroken, problem);
  }

  private void broken(long seq, String what) {
    firstBroken = seq;
    problem = what;
  }

  private static String missing(long from, long to) {
    return from == to
        ? "Entry " + from + " is missing: it has been deleted."
        : "Entries " + from + " to " + to + " are missing: they have been deleted.";
  }
}
