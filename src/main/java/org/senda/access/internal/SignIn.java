package org.senda.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessEvent;
import org.senda.access.AccessEvent.Kind;
import org.senda.access.Accounts;
import org.senda.access.Totp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a sign-in attempt: password (Argon2id) and, for enrolled accounts, a TOTP code that has not been used
 * before or an unused recovery code. Every failure looks the same to the person signing in, whichever part was
 * wrong, and counts towards the {@link LockoutPolicy} of the account and of the client address.
 */
@Component
class SignIn {

  /** What an attempt leads to. */
  sealed interface Outcome {
    /** Password and code right: signed in. */
    record SignedIn(long accountId) implements Outcome {}

    /** Password right, account not yet enrolled in MFA: go and enrol. */
    record MustEnrol(long accountId) implements Outcome {}

    /** The school's identity provider vouched for the person, who must still give a code from the app. */
    record NeedsCode(long accountId) implements Outcome {}

    /** Anything wrong: one message for every cause. */
    record Refused() implements Outcome {}
  }

  private record Account(long id, String email, @Nullable String passwordHash, @Nullable String totpSecret,
      @Nullable Instant mfaEnrolledAt, long lastTotpStep, int failedAttempts, @Nullable Instant lastFailedAt,
      @Nullable Instant lockedUntil, boolean staffActive) {
    boolean enrolled() {
      return mfaEnrolledAt != null && totpSecret != null;
    }
  }

  private static final String ACCOUNT_COLUMNS = """
      select id, email, password_hash, totp_secret, mfa_enrolled_at, last_totp_step, failed_attempts,
             last_failed_at, locked_until,
             not exists (select 1 from staff s where s.id = account.staff_id and not s.active) as staff_active
      from account""";

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final SecretBox secrets;
  private final RecoveryCodes recoveryCodes;
  private final LockoutPolicy policy;
  // Compared against when no account matches, so that a wrong email takes as long as a wrong password.
  private final String decoyHash;

  SignIn(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events,
      SecretBox secrets, RecoveryCodes recoveryCodes, LockoutPolicy policy) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
    this.events = events;
    this.secrets = secrets;
    this.recoveryCodes = recoveryCodes;
    this.policy = policy;
    this.decoyHash = passwords.encode("decoy password that no account has");
  }

  @Transactional
  Outcome attempt(String email, String password, @Nullable String code, @Nullable String ipAddress) {
    Instant now = clock.instant();
    String normalised = Accounts.normalise(email);
    if (addressBlocked(ipAddress, now)) {
      // No password check at all: an address that is guessing gets no answer and costs no hashing.
      publish(Kind.SIGN_IN_FAILED, normalised, null, ipAddress, "too many failures from this address");
      return new Outcome.Refused();
    }
    Optional<Account> found = byEmail(normalised);
    if (found.isEmpty() || found.get().passwordHash() == null) {
      passwords.matches(password, decoyHash);
      recordAddressFailure(ipAddress, now);
      publish(Kind.SIGN_IN_FAILED, normalised, found.map(Account::id).orElse(null), ipAddress, "no such account");
      return new Outcome.Refused();
    }
    Account account = found.get();
    LockoutPolicy.Verdict verdict =
        policy.verdict(account.failedAttempts(), account.lastFailedAt(), account.lockedUntil(), now);
    if (verdict != LockoutPolicy.Verdict.TRY) {
      // Even the right password is refused; hashing anyway keeps the answer as slow as a real check.
      passwords.matches(password, decoyHash);
      recordAddressFailure(ipAddress, now);
      publish(Kind.SIGN_IN_FAILED, account.email(), account.id(), ipAddress,
          verdict == LockoutPolicy.Verdict.LOCKED ? "account locked" : "too soon after failed attempts");
      return new Outcome.Refused();
    }
    if (!passwords.matches(password, account.passwordHash())) {
      return fail(account, ipAddress, now, "wrong password or code");
    }
    if (!account.staffActive()) {
      return deactivated(account, ipAddress, "password");
    }
    if (!account.enrolled()) {
      resetFailures(account.id());
      return new Outcome.MustEnrol(account.id());
    }
    return checkSecondFactor(account, code, ipAddress, now);
  }

  /** The second step after single sign-on when the identity provider does not count as the second factor. */
  @Transactional
  Outcome secondFactor(long accountId, @Nullable String code, @Nullable String ipAddress) {
    Instant now = clock.instant();
    Optional<Account> found = byId(accountId);
    if (found.isEmpty() || !found.get().enrolled()) {
      return new Outcome.Refused();
    }
    Account account = found.get();
    if (!account.staffActive()) {
      return deactivated(account, ipAddress, "code after school sign-in");
    }
    if (policy.verdict(account.failedAttempts(), account.lastFailedAt(), account.lockedUntil(), now)
        != LockoutPolicy.Verdict.TRY) {
      publish(Kind.SIGN_IN_FAILED, account.email(), account.id(), ipAddress, "account locked or waiting");
      return new Outcome.Refused();
    }
    return checkSecondFactor(account, code, ipAddress, now);
  }

  /**
   * Single sign-on through the school's identity provider: the provider's subject is linked to the account with
   * the same (verified) email address the first time; nothing is created for an address without an account.
   */
  @Transactional
  Outcome schoolIdentity(String issuer, String subject, String email, boolean countsAsMfa,
      @Nullable String ipAddress) {
    Instant now = clock.instant();
    String normalised = Accounts.normalise(email);
    Optional<Long> linked = jdbc.sql("select account_id from oidc_identity where issuer = ? and subject = ?")
        .params(issuer, subject)
        .query(Long.class)
        .optional();
    Optional<Account> found = linked.isPresent() ? byId(linked.get()) : byEmail(normalised);
    if (found.isEmpty()) {
      publish(Kind.SIGN_IN_FAILED, normalised, null, ipAddress, "school sign-in without a Senda account");
      return new Outcome.Refused();
    }
    Account account = found.get();
    if (!account.staffActive()) {
      return deactivated(account, ipAddress, "school sign-in");
    }
    if (policy.verdict(account.failedAttempts(), account.lastFailedAt(), account.lockedUntil(), now)
        == LockoutPolicy.Verdict.LOCKED) {
      publish(Kind.SIGN_IN_FAILED, account.email(), account.id(), ipAddress, "account locked (school sign-in)");
      return new Outcome.Refused();
    }
    if (linked.isEmpty()) {
      jdbc.sql("insert into oidc_identity (account_id, issuer, subject) values (?, ?, ?)")
          .params(account.id(), issuer, subject)
          .update();
    }
    if (countsAsMfa) {
      resetFailures(account.id());
      publish(Kind.SIGNED_IN, account.email(), account.id(), ipAddress, "school sign-in");
      return new Outcome.SignedIn(account.id());
    }
    return account.enrolled() ? new Outcome.NeedsCode(account.id()) : new Outcome.MustEnrol(account.id());
  }

  /**
   * Checks a code from the app for someone already signed in (before changing their authenticator or recovery
   * codes); the code is spent like one used to sign in.
   */
  @Transactional
  boolean confirmCurrentCode(long accountId, @Nullable String code) {
    Optional<Account> found = byId(accountId);
    if (found.isEmpty() || !found.get().enrolled() || code == null) {
      return false;
    }
    Account account = found.get();
    OptionalLong step = Totp.verify(secrets.open(account.totpSecret()), code, clock.instant(), account.lastTotpStep());
    step.ifPresent(s -> jdbc.sql("update account set last_totp_step = ? where id = ?").params(s, accountId).update());
    return step.isPresent();
  }

  private Outcome checkSecondFactor(Account account, @Nullable String code, @Nullable String ipAddress, Instant now) {
    String typed = code == null ? "" : code.strip();
    if (!typed.isEmpty() && RecoveryCodes.looksLikeRecoveryCode(typed)) {
      if (!recoveryCodes.use(account.id(), typed, now)) {
        return fail(account, ipAddress, now, "wrong password or code");
      }
      resetFailures(account.id());
      publish(Kind.RECOVERY_CODE_USED, account.email(), account.id(), ipAddress,
          recoveryCodes.remaining(account.id()) + " recovery codes left");
      publish(Kind.SIGNED_IN, account.email(), account.id(), ipAddress, "with a recovery code");
      return new Outcome.SignedIn(account.id());
    }
    OptionalLong step = Totp.verify(secrets.open(account.totpSecret()), typed, now, account.lastTotpStep());
    if (step.isEmpty()) {
      return fail(account, ipAddress, now, "wrong password or code");
    }
    jdbc.sql("""
            update account set last_totp_step = ?, failed_attempts = 0, last_failed_at = null, locked_until = null
            where id = ?""")
        .params(step.getAsLong(), account.id())
        .update();
    publish(Kind.SIGNED_IN, account.email(), account.id(), ipAddress, null);
    return new Outcome.SignedIn(account.id());
  }

  /**
   * The person's staff record is deactivated: refused with the same answer as any other failure (nobody learns
   * that the account exists or why), and recorded for whoever reads the access log.
   */
  private Outcome deactivated(Account account, @Nullable String ipAddress, String how) {
    publish(Kind.SIGN_IN_FAILED, account.email(), account.id(), ipAddress, "staff record deactivated (" + how + ")");
    return new Outcome.Refused();
  }

  private Outcome fail(Account account, @Nullable String ipAddress, Instant now, String detail) {
    int failures = account.failedAttempts() + 1;
    recordAddressFailure(ipAddress, now);
    publish(Kind.SIGN_IN_FAILED, account.email(), account.id(), ipAddress, detail);
    if (policy.locksAfter(failures)) {
      // The lock is the penalty: the count starts again when it ends.
      jdbc.sql("""
              update account set failed_attempts = 0, last_failed_at = null, locked_until = ?, version = version + 1
              where id = ?""")
          .params(Timestamp.from(now.plus(policy.lockDuration())), account.id())
          .update();
      publish(Kind.ACCOUNT_LOCKED, account.email(), account.id(), ipAddress,
          failures + " failed sign-ins in a row; locked for " + policy.lockDuration().toMinutes() + " minutes");
    } else {
      jdbc.sql("update account set failed_attempts = ?, last_failed_at = ? where id = ?")
          .params(failures, Timestamp.from(now), account.id())
          .update();
    }
    return new Outcome.Refused();
  }

  private void resetFailures(long accountId) {
    jdbc.sql("update account set failed_attempts = 0, last_failed_at = null, locked_until = null where id = ?")
        .param(accountId)
        .update();
  }

  private boolean addressBlocked(@Nullable String ipAddress, Instant now) {
    if (ipAddress == null) {
      return false;
    }
    long failures = jdbc.sql("select count(*) from sign_in_failure where ip_address = ? and failed_at > ?")
        .params(ipAddress, Timestamp.from(now.minus(policy.addressWindow())))
        .query(Long.class)
        .single();
    return policy.addressBlocked(failures);
  }

  private void recordAddressFailure(@Nullable String ipAddress, Instant now) {
    if (ipAddress == null) {
      return;
    }
    // Old failures no longer count anywhere: forget them as new ones arrive, so the table stays small.
    jdbc.sql("delete from sign_in_failure where failed_at <= ?")
        .param(Timestamp.from(now.minus(policy.addressWindow())))
        .update();
    jdbc.sql("insert into sign_in_failure (ip_address, failed_at) values (?, ?)")
        .params(ipAddress, Timestamp.from(now))
        .update();
  }

  private Optional<Account> byEmail(String normalised) {
    return jdbc.sql(ACCOUNT_COLUMNS + " where email = ? for update").param(normalised).query(SignIn::account)
        .optional();
  }

  private Optional<Account> byId(long accountId) {
    return jdbc.sql(ACCOUNT_COLUMNS + " where id = ? for update").param(accountId).query(SignIn::account)
        .optional();
  }

  private static Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
        rs.getString("totp_secret"), instant(rs.getTimestamp("mfa_enrolled_at")),
        rs.getObject("last_totp_step") == null ? Long.MIN_VALUE : rs.getLong("last_totp_step"),
        rs.getInt("failed_attempts"), instant(rs.getTimestamp("last_failed_at")),
        instant(rs.getTimestamp("locked_until")), rs.getBoolean("staff_active"));
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private void publish(Kind kind, String email, @Nullable Long accountId, @Nullable String ipAddress,
      @Nullable String detail) {
    events.publishEvent(new AccessEvent(kind, email, accountId, ipAddress, detail));
  }
}
