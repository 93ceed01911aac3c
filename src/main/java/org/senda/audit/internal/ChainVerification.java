package org.senda.audit.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * Whether the audit log is as it was written: {@code {"intact":true,"entries":N}}, or where it first breaks and
 * how, in plain English.
 *
 * @param entries the entries in the log up to the head of the chain when the check began
 * @param firstBrokenEntry the sequence number of the first entry that is missing or not as written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChainVerification(boolean intact, long entries, @Nullable Long firstBrokenEntry, @Nullable String problem)
    implements Serializable {

  static ChainVerification intact(long entries) {
    return new ChainVerification(true, entries, null, null);
  }

  static ChainVerification broken(long entries, long firstBrokenEntry, @Nullable String problem) {
    return new ChainVerification(false, entries, firstBrokenEntry, problem);
  }
}
