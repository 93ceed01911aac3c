package org.senda.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * SQL that many pages share, for their floors: what Senda reads to know who is asking. Kept in step with the
 * statements Senda runs (run Senda with {@code logging.level.org.senda.diagnostics=trace} to see them).
 */
final class Floors {

  private Floors() {}

  /** An API call with a token: the token, the account behind it and the account's roles. */
  static List<Page.Floor> apiToken(String role, @Nullable Long school) {
    return List.of(
        Page.Floor.of("""
            select account_id from api_token
            where token_hash = ? and revoked_at is null and expires_at > ?""",
            f -> List.of(sha256(f.account(role, school).apiToken()), Timestamp.from(Instant.now()))),
        Page.Floor.of("""
            select a.id, a.staff_id, a.email, s.given_name, s.family_name, s.trust_id
            from account a left join staff s on s.id = a.staff_id
            where a.id = ?""",
            f -> List.of(f.queryLong("select id from account where email = ?", f.account(role, school).email()))),
        Page.Floor.of("""
            select s.trust_id, r.school_id, r.role from staff_role r join staff s on s.id = r.staff_id
            where r.staff_id = ? and s.active""",
            f -> List.of(staffId(f, role, school))));
  }

  /** The schools of the trust of the person with this role. */
  static List<Object> trustOf(Fixture fixture, String role, @Nullable Long school) {
    return List.of(fixture.queryLong("select trust_id from staff where id = ?", staffId(fixture, role, school)));
  }

  static long staffId(Fixture fixture, String role, @Nullable Long school) {
    return fixture.queryLong("select staff_id from account where email = ?", fixture.account(role, school).email());
  }

  /** {@code ?, ?, ?}: one placeholder per value, as Spring expands a named {@code in (:ids)} parameter. */
  static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
