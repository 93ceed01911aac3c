package org.senda.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: shown once when created, stored only as a SHA-256 hash (the token carries 256 random
 * bits, so a fast hash is safe), expiring and revocable.
 */
@Component
class ApiTokens {

  static final String PREFIX = "senda_";
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration defaultLifetime;

  private final ApplicationEventPublisher events;

  ApiTokens(JdbcClient jdbc, Clock clock, @Value("${senda.api-tokens.default-lifetime:90d}") Duration defaultLifetime,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.defaultLifetime = defaultLifetime;
  }

  record IssuedToken(long id, String token, Instant expiresAt) {}

  record TokenRow(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
      @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
    boolean active(Instant now) {
      return revokedAt == null && expiresAt.isAfter(now);
    }

    /** Active, Expired or Revoked, as the token list shows it. */
    String status(Instant now) {
      return revokedAt != null ? "Revoked" : expiresAt.isAfter(now) ? "Active" : "Expired";
    }
  }

  /** Creates a token; the plain value is returned once and never stored. */
  @Transactional
  IssuedToken issue(long accountId, String name, @Nullable Duration lifetime) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime == null ? defaultLifetime : lifetime);
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            insert into api_token (account_id, name, token_hash, token_prefix, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(accountId, name, hash(token), token.substring(0, 12), timestamp(now), timestamp(expires))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    return new IssuedToken(id, token, expires);
  }

  /**
   * The account behind a valid, unexpired, unrevoked token. Records when the token was last used, at most once a
   * minute, so that busy scripts do not write on every call.
   */
  @Transactional
  Optional<Long> accountFor(String token) {
    if (!token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    record Valid(long id, long accountId, @Nullable Instant lastUsedAt) {}
    Optional<Valid> valid = jdbc.sql("""
            select id, account_id, last_used_at from api_token
            where token_hash = ? and revoked_at is null and expires_at > ?""")
        .params(hash(token), timestamp(now))
        .query((rs, n) -> new Valid(rs.getLong("id"), rs.getLong("account_id"),
            instant(rs.getTimestamp("last_used_at"))))
        .optional();
    valid.filter(v -> v.lastUsedAt() == null || v.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION)))
        .ifPresent(v -> jdbc.sql("update api_token set last_used_at = ? where id = ?")
            .params(timestamp(now), v.id())
            .update());
    return valid.map(Valid::accountId);
  }

  List<TokenRow> of(long accountId) {
    return jdbc.sql("""
            select id, name, token_prefix, created_at, expires_at, revoked_at, last_used_at
            from api_token where account_id = ? order by created_at desc""")
        .param(accountId)
        .query((rs, n) -> new TokenRow(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("token_prefix"),
            instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("expires_at")),
            instant(rs.getTimestamp("revoked_at")),
            instant(rs.getTimestamp("last_used_at"))))
        .list();
  }

  /** Issues a token that the person asked for on their account page; the audit log records it. */
  @Transactional
  IssuedToken issueFor(long accountId, String email, String name, Duration lifetime, @Nullable String ipAddress) {
    IssuedToken issued = issue(accountId, name, lifetime);
    events.publishEvent(new AccessEvent(AccessEvent.Kind.API_TOKEN_ISSUED, email, accountId, ipAddress,
        "token " + issued.id() + " \"" + name + "\" until " + issued.expiresAt()));
    return issued;
  }

  /** Revokes one of the account's own tokens; returns false when there is no such active token. */
  @Transactional
  boolean revoke(long accountId, String email, long tokenId, @Nullable String ipAddress) {
    boolean revoked = jdbc.sql(
            "update api_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
        .params(timestamp(clock.instant()), tokenId, accountId)
        .update() == 1;
    if (revoked) {
      events.publishEvent(new AccessEvent(AccessEvent.Kind.API_TOKEN_REVOKED, email, accountId, ipAddress,
          "token " + tokenId));
    }
    return revoked;
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.sql.Timestamp timestamp(Instant instant) {
    return java.sql.Timestamp.from(instant);
  }

  private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
