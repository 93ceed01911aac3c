package org.senda.test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.senda.access.Totp;

/**
 * Codes for the demo accounts' authenticators. Senda refuses a code used before, so tests that sign in as the same
 * person twice take the next time step that has not been used yet (as a person would wait for the next code).
 */
public final class TotpCodes {

  private static final Map<String, Long> LAST_USED = new ConcurrentHashMap<>();

  private TotpCodes() {}

  public static synchronized String next(String email, String secret) {
    while (true) {
      long now = Totp.stepAt(Instant.now());
      // Never the previous step: on a busy machine the server may already be one step further when the code
      // arrives, and a code two steps old is refused.
      long candidate = Math.max(now, LAST_USED.getOrDefault(email, Long.MIN_VALUE) + 1);
      if (candidate <= now + 1) {
        LAST_USED.put(email, candidate);
        return Totp.code(secret, candidate);
      }
      // Every code up to the next step is used: wait until the wall clock reaches the step after this one. The
      // line printed names the person, so a test that keeps signing in again can be found and given one session.
      System.out.println("Waiting for a new authenticator code for " + email);
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(Totp.STEP_SECONDS + 5))
          .pollInterval(java.time.Duration.ofMillis(100))
          .until(() -> Totp.stepAt(Instant.now()) > now);
    }
  }
}
