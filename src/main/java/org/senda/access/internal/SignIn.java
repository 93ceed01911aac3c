package org.senda.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessEvent;
import org.senda.access.Accounts;
import org.senda.access.Totp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a sign-in attempt: password (Argon2id) and, for enrolled accounts, a TOTP code that has not been used
 * before. Every failure looks the same to the person signing in, whichever part was wrong.
 */
@Component
class SignIn {

  /** What an attempt leads to. */
  sealed interface Outcome {
    /** Password and code right: signed in. */
    record SignedIn(long accountId) implements Outcome {}

    /** Password right, account not yet enrolled in MFA: go and enrol. */
    record MustEnrol(long accountId) implements Outcome {}

    /** Anything wrong: one message for every cause. */
    record Refused() implements Outcome {}
  }

  private record Account(long id, String email, @Nullable String passwordHash, @Nullable String totpSecret,
      @Nullable Instant mfaEnrolledAt, long lastTotpStep) {}

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final SecretBox secrets;
  // Compared against when no account matches, so that a wrong email takes as long as a wrong password.
  private final String decoyHash;

  SignIn(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events,
      SecretBox secrets) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
    this.events = events;
    this.secrets = secrets;
    this.decoyHash = passwords.encode("decoy password that no account has");
  }

  @Transactional
  Outcome attempt(String email, String password, String code, @Nullable String ipAddress) {
    String normalised = Accounts.normalise(email);
    Optional<Account> found = jdbc.sql("""
            select id, email, password_hash, totp_secret, mfa_enrolled_at, last_totp_step
            from account where email = ? for update""")
        .param(normalised)
        .query((rs, n) -> new Account(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
            rs.getString("totp_secret"),
            rs.getTimestamp("mfa_enrolled_at") == null ? null : rs.getTimestamp("mfa_enrolled_at").toInstant(),
            rs.getLong("last_totp_step")))
        .optional();
    if (found.isEmpty() || found.get().passwordHash() == null) {
      passwords.matches(password, decoyHash);
      events.publishEvent(new AccessEvent(AccessEvent.Kind.SIGN_IN_FAILED, normalised, null, ipAddress,
          "no such account"));
      return new Outcome.Refused();
    }
    Account account = found.get();
    if (!passwords.matches(password, account.passwordHash())) {
      return refuse(account, ipAddress);
    }
    if (account.mfaEnrolledAt() == null || account.totpSecret() == null) {
      return new Outcome.MustEnrol(account.id());
    }
    Instant now = clock.instant();
    OptionalLong step = Totp.verify(secrets.open(account.totpSecret()), code == null ? "" : code, now,
        account.lastTotpStep());
    if (step.isEmpty()) {
      return refuse(account, ipAddress);
    }
    jdbc.sql("update account set last_totp_step = ?, failed_attempts = 0, last_failed_at = null where id = ?")
        .params(step.getAsLong(), account.id())
        .update();
    events.publishEvent(new AccessEvent(AccessEvent.Kind.SIGNED_IN, account.email(), account.id(), ipAddress,
        null));
    return new Outcome.SignedIn(account.id());
  }

  private Outcome refuse(Account account, @Nullable String ipAddress) {
    jdbc.sql("update account set failed_attempts = failed_attempts + 1, last_failed_at = ? where id = ?")
        .params(Timestamp.from(clock.instant()), account.id())
        .update();
    events.publishEvent(new AccessEvent(AccessEvent.Kind.SIGN_IN_FAILED, account.email(), account.id(), ipAddress,
        null));
    return new Outcome.Refused();
  }
}
