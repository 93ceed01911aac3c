package org.senda.access.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a sign-in attempt is even considered. After {@code failuresBeforeDelay} failures in a row the account must
 * wait before the next attempt, twice as long after each further failure; after {@code failuresBeforeLock} failures
 * it is locked for {@code lockDuration} (NCSC: about ten attempts before a lock). Separately, one client address may
 * fail at most {@code failuresPerAddress} times in {@code addressWindow}, whichever accounts it tries: generous,
 * because a whole school often signs in from one address.
 */
record LockoutPolicy(
    int failuresBeforeDelay,
    int failuresBeforeLock,
    Duration lockDuration,
    Duration firstDelay,
    int failuresPerAddress,
    Duration addressWindow) {

  enum Verdict {
    /** The attempt is checked. */
    TRY,
    /** Too soon after the last failure: refused without checking. */
    WAIT,
    /** The account is locked: refused without checking, even with the right password. */
    LOCKED
  }

  LockoutPolicy {
    if (failuresBeforeDelay < 1 || failuresBeforeLock <= failuresBeforeDelay) {
      throw new IllegalArgumentException("failures before the lock must exceed failures before the delay (>= 1)");
    }
  }

  /** What to do with an attempt on an account that has failed {@code failures} times in a row. */
  Verdict verdict(int failures, @Nullable Instant lastFailedAt, @Nullable Instant lockedUntil, Instant now) {
    if (lockedUntil != null && now.isBefore(lockedUntil)) {
      return Verdict.LOCKED;
    }
    Duration delay = delayAfter(failures);
    if (lastFailedAt != null && !delay.isZero() && now.isBefore(lastFailedAt.plus(delay))) {
      return Verdict.WAIT;
    }
    return Verdict.TRY;
  }

  /** How long the account waits after its {@code failures}-th failure in a row: doubling, never past the lock. */
  Duration delayAfter(int failures) {
    if (failures < failuresBeforeDelay) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - failuresBeforeDelay, 20);
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return delay.compareTo(lockDuration) > 0 ? lockDuration : delay;
  }

  /** Whether this many failures in a row lock the account. */
  boolean locksAfter(int failures) {
    return failures >= failuresBeforeLock;
  }

  /** Whether a client address with this many failures in the window is refused. */
  boolean addressBlocked(long failuresInWindow) {
    return failuresInWindow >= failuresPerAddress;
  }
}
