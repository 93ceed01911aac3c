package org.senda.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.senda.access.internal.LockoutPolicy.Verdict;

class LockoutPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private final LockoutPolicy policy =
      new LockoutPolicy(3, 10, Duration.ofMinutes(30), Duration.ofSeconds(5), 100, Duration.ofMinutes(15));

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "2, 0",
    "3, 5",
    "4, 10",
    "5, 20",
    "9, 320",
    "19, 1800",
  })
  void delayDoublesFromTheThirdFailureAndNeverExceedsTheLock(int failures, long seconds) {
    assertThat(policy.delayAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @CsvSource(useHeadersInDisplayName = true, value = {
    "why,                                 failures, secondsSinceLastFailure, lockedForSeconds, verdict",
    "no failures,                         0,        -1,                      0,                TRY",
    "two failures just now,               2,        0,                       0,                TRY",
    "third failure 4 s ago,               3,        4,                       0,                WAIT",
    "third failure 5 s ago,               3,        5,                       0,                TRY",
    "fifth failure 19 s ago,              5,        19,                      0,                WAIT",
    "locked (right password or not),       0,        -1,                      60,               LOCKED",
    "lock just ended,                     0,        -1,                      0,                TRY",
  })
  void verdicts(String why, int failures, long secondsSinceLastFailure, long lockedForSeconds, Verdict verdict) {
    Instant lastFailed = secondsSinceLastFailure < 0 ? null : NOW.minusSeconds(secondsSinceLastFailure);
    Instant lockedUntil = lockedForSeconds == 0 ? null : NOW.plusSeconds(lockedForSeconds);
    assertThat(policy.verdict(failures, lastFailed, lockedUntil, NOW)).isEqualTo(verdict);
  }

  @Test
  void lockEndsExactlyAtItsEnd() {
    assertThat(policy.verdict(0, null, NOW, NOW)).isEqualTo(Verdict.TRY);
    assertThat(policy.verdict(0, null, NOW.plusMillis(1), NOW)).isEqualTo(Verdict.LOCKED);
  }

  @Test
  void noWaitBeforeTheDelayStartsEvenWhenTheDatabaseRoundedTheLastFailureUp() {
    assertThat(policy.verdict(1, NOW.plusNanos(500), null, NOW)).isEqualTo(Verdict.TRY);
  }

  @Test
  void locksAtTheTenthFailure() {
    assertThat(policy.locksAfter(9)).isFalse();
    assertThat(policy.locksAfter(10)).isTrue();
  }

  @Test
  void blocksAnAddressAtItsLimit() {
    assertThat(policy.addressBlocked(99)).isFalse();
    assertThat(policy.addressBlocked(100)).isTrue();
  }

  @Test
  void refusesALockBeforeTheDelay() {
    assertThatThrownBy(() -> new LockoutPolicy(5, 5, Duration.ofMinutes(1), Duration.ofSeconds(1), 1,
        Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
  }
}
