package org.senda.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessEvent;
import org.senda.access.Totp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Enrolment in TOTP multi-factor authentication, and the recovery codes that come with it. */
@Component
class MfaEnrolment {

  private final JdbcClient jdbc;
  private final SecretBox secrets;
  private final RecoveryCodes recoveryCodes;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  MfaEnrolment(JdbcClient jdbc, SecretBox secrets, RecoveryCodes recoveryCodes, ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.recoveryCodes = recoveryCodes;
    this.events = events;
    this.clock = clock;
  }

  /** A new secret, sealed, to keep in the session until the person confirms it with a code. */
  String newSealedSecret() {
    return secrets.seal(Totp.newSecret());
  }

  String open(String sealedSecret) {
    return secrets.open(sealedSecret);
  }

  /**
   * Enrols the account with the secret when the code matches it; the new recovery codes are returned once (and
   * replace any earlier ones). Empty when the code does not match.
   */
  @Transactional
  Optional<List<String>> confirm(long accountId, String email, String sealedSecret, String code,
      @Nullable String ipAddress) {
    Instant now = clock.instant();
    Long lastStep = jdbc.sql("select last_totp_step from account where id = ? for update")
        .param(accountId)
        .query((rs, n) -> (Long) rs.getObject("last_totp_step", Long.class))
        .optional()
        .orElse(null);
    OptionalLong step = Totp.verify(secrets.open(sealedSecret), code, now, Long.MIN_VALUE);
    if (step.isEmpty()) {
      return Optional.empty();
    }
    // Never move the last used step backwards: a code from the old secret must stay spent.
    long spent = lastStep == null ? step.getAsLong() : Math.max(lastStep, step.getAsLong());
    jdbc.sql("""
            update account set totp_secret = ?, mfa_enrolled_at = ?, last_totp_step = ?, version = version + 1
            where id = ?""")
        .params(sealedSecret, Timestamp.from(now), spent, accountId)
        .update();
    List<String> codes = recoveryCodes.replace(accountId);
    events.publishEvent(new AccessEvent(AccessEvent.Kind.MFA_ENROLLED, email, accountId, ipAddress,
        "authenticator app set up; new recovery codes"));
    return Optional.of(codes);
  }

  /** Ten new recovery codes in place of the old ones, returned once. */
  @Transactional
  List<String> replaceRecoveryCodes(long accountId, String email, @Nullable String ipAddress) {
    List<String> codes = recoveryCodes.replace(accountId);
    events.publishEvent(new AccessEvent(AccessEvent.Kind.MFA_ENROLLED, email, accountId, ipAddress,
        "new recovery codes"));
    return codes;
  }
}
