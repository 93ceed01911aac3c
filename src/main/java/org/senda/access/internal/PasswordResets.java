package org.senda.access.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessEvent;
import org.senda.access.AccessEvent.Kind;
import org.senda.access.Accounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links to choose a password: single-use tokens of 256 random bits, of which only a SHA-256 hash is stored, valid
 * for an hour (reset) or a week (invitation). Choosing the password ends every session of the account and clears
 * failed attempts and any lock.
 */
@Component
class PasswordResets {

  static final Duration RESET_LIFETIME = Duration.ofHours(1);
  static final Duration INVITE_LIFETIME = Duration.ofDays(7);
  private static final SecureRandom RANDOM = new SecureRandom();
  // True unless the account belongs to a member of staff whose record is deactivated (account aliased "a").
  private static final String STAFF_ACTIVE =
      "not exists (select 1 from staff s where s.id = a.staff_id and not s.active)";

  /** The account behind a valid link. */
  record Link(long tokenId, long accountId, String email, PasswordLinkRequested.Purpose purpose) {}

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final AccountSessions sessions;
  private final Clock clock;

  PasswordResets(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events,
      AccountSessions sessions, Clock clock) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.events = events;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * Someone asked for a reset link. The email goes out after commit, and only when the address has an account;
   * the person is told the same either way.
   */
  @Transactional
  void request(String email, @Nullable String ipAddress) {
    String normalised = Accounts.normalise(email);
    record Found(long id, boolean staffActive) {}
    Optional<Found> account = jdbc
        .sql("select id, " + STAFF_ACTIVE + " as staff_active from account a where email = ?")
        .param(normalised)
        .query((rs, n) -> new Found(rs.getLong("id"), rs.getBoolean("staff_active")))
        .optional();
    boolean send = account.isPresent() && account.get().staffActive();
    if (send) {
      events.publishEvent(new PasswordLinkRequested(account.get().id(), PasswordLinkRequested.Purpose.RESET));
    }
    events.publishEvent(new AccessEvent(Kind.PASSWORD_RESET_REQUESTED, normalised,
        account.map(Found::id).orElse(null), ipAddress, send ? "link sent"
            : account.isPresent() ? "staff record deactivated: nothing sent"
            : "no account with this address: nothing sent"));
  }

  /** Creates a link's token (only its hash is kept) and returns it, with the account's email; for the mailer. */
  @Transactional
  Optional<IssuedLink> issue(long accountId, PasswordLinkRequested.Purpose purpose) {
    Optional<String> email = jdbc.sql("select email from account where id = ?").param(accountId)
        .query(String.class).optional();
    if (email.isEmpty()) {
      return Optional.empty();
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.instant();
    Duration lifetime = purpose == PasswordLinkRequested.Purpose.INVITE ? INVITE_LIFETIME : RESET_LIFETIME;
    jdbc.sql("""
            insert into password_reset (account_id, token_hash, created_at, expires_at, purpose)
            values (?, ?, ?, ?, ?)""")
        .params(accountId, ApiTokens.hash(token), Timestamp.from(now), Timestamp.from(now.plus(lifetime)),
            purpose.name())
        .update();
    return Optional.of(new IssuedLink(email.get(), token, lifetime));
  }

  record IssuedLink(String email, String token, Duration lifetime) {}

  /** The link, when the token is one Senda issued, unused and unexpired. */
  Optional<Link> find(String token) {
    if (token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("""
            select r.id, r.account_id, a.email, r.purpose from password_reset r join account a on a.id = r.account_id
            where r.token_hash = ? and r.used_at is null and r.expires_at > ?""" + " and " + STAFF_ACTIVE)
        .params(ApiTokens.hash(token), Timestamp.from(clock.instant()))
        .query((rs, n) -> new Link(rs.getLong("id"), rs.getLong("account_id"), rs.getString("email"),
            PasswordLinkRequested.Purpose.valueOf(rs.getString("purpose"))))
        .optional();
  }

  /**
   * Sets the new password through a valid link, spends every outstanding link of the account, clears failures and
   * any lock, and ends every session of the account. False when the link is no longer valid.
   */
  @Transactional
  boolean choosePassword(String token, String newPassword, @Nullable String ipAddress) {
    Optional<Link> link = find(token);
    if (link.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    int spent = jdbc.sql("update password_reset set used_at = ? where id = ? and used_at is null")
        .params(Timestamp.from(now), link.get().tokenId())
        .update();
    if (spent != 1) {
      return false;
    }
    long accountId = link.get().accountId();
    jdbc.sql("update password_reset set used_at = ? where account_id = ? and used_at is null")
        .params(Timestamp.from(now), accountId)
        .update();
    jdbc.sql("""
            update account set password_hash = ?, password_changed_at = ?, failed_attempts = 0,
                   last_failed_at = null, locked_until = null, version = version + 1
            where id = ?""")
        .params(passwords.encode(newPassword), Timestamp.from(now), accountId)
        .update();
    int ended = sessions.endAll(accountId);
    events.publishEvent(new AccessEvent(Kind.PASSWORD_CHANGED, link.get().email(), accountId, ipAddress,
        (link.get().purpose() == PasswordLinkRequested.Purpose.INVITE ? "first password set" : "reset by email")
            + "; " + ended + " sessions ended"));
    return true;
  }
}
