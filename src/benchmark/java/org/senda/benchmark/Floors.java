package org.senda.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * SQL that many pages share, for their floors: what Senda reads to know who is asking, the session it loads and
 * saves, and the audit entry it writes. Kept in step with the statements Senda runs (run Senda with
 * {@code logging.level.org.senda.diagnostics=trace} to see them). The audit entry is timed inside a transaction
 * that is rolled back, so the chain stays as it was; the session's save is committed, with the values it had (see
 * {@link SqlFloor}).
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

  private static final String SESSION = """
      SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL,
        SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
      FROM SPRING_SESSION S
      LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
      WHERE S.SESSION_ID = ?
      """;

  private static final String SESSION_SAVE = """
      UPDATE SPRING_SESSION
      SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ?
      WHERE PRIMARY_ID = ?
      """;

  /** A signed-in page's first statement: Spring Session loads the session with its attributes. */
  static Page.Floor sessionLoad(Function<Fixture, Fixture.Account> account) {
    return Page.Floor.of(SESSION, f -> List.of(sessionId(f, account.apply(f))));
  }

  /**
   * A signed-in page's last statement: Spring Session saves the time of last access in a transaction of its own
   * (Senda answers its second look-up of the session from the one it has just saved). The save writes back the
   * values the row has and is timed with its commit (the durable write a page cannot do without), so the floor
   * changes nothing.
   */
  static List<Page.Floor> sessionSave(Function<Fixture, Fixture.Account> account) {
    return List.of(
        Page.Floor.committed(SESSION_SAVE, f -> {
          String id = sessionId(f, account.apply(f));
          try (PreparedStatement row = f.connection().prepareStatement("""
              select session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id
              from spring_session where session_id = ?""")) {
            row.setString(1, id);
            try (ResultSet rs = row.executeQuery()) {
              if (!rs.next()) {
                throw new MissingData("no session " + id + " in SPRING_SESSION");
              }
              List<Object> values = new ArrayList<>();
              for (int c = 1; c <= 6; c++) {
                values.add(rs.getObject(c));
              }
              return values;
            }
          } catch (SQLException e) {
            throw new MissingData("cannot read session " + id + ": " + e.getMessage(), e);
          }
        }));
  }

  /**
   * The audit entry of a read of pupil data: the head of the chain locked, the entry inserted, the head moved on
   * (AuditLog.insert). The values are those of a real entry of this kind: the next number, now, the reader.
   */
  static List<Page.Floor> audit(Function<Fixture, Fixture.Account> account, String recordType,
      Function<Fixture, Object> recordId, Function<Fixture, Object> schoolId, String detail) {
    return List.of(
        Page.Floor.of("select last_seq, last_hash from audit_chain_head where id = 1 for update", f -> List.of()),
        Page.Floor.of("""
            insert into audit_entry (seq, occurred_at, actor_account_id, actor_email, actor_role, school_id, action,
              record_type, record_id, detail, ip_address, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", f -> {
              Fixture.Account who = account.apply(f);
              long seq = f.queryLong("select last_seq from audit_chain_head where id = 1") + 1;
              long accountId = f.queryLong("select id from account where email = ?", who.email());
              Object record = recordId.apply(f);
              return java.util.Arrays.asList(seq,
                  Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC), accountId, who.email(),
                  who.role(), schoolId.apply(f), "VIEW", recordType, record == null ? null : record.toString(),
                  detail, "127.0.0.1", "0".repeat(64), "f".repeat(64));
            }),
        Page.Floor.of("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1",
            f -> List.of(f.queryLong("select last_seq from audit_chain_head where id = 1") + 1, "f".repeat(64))));
  }

  /** The id Spring Session keeps in SPRING_SESSION: the SESSION cookie's value, Base64-decoded. */
  static String sessionId(Fixture fixture, Fixture.Account account) {
    for (String cookie : fixture.sessionCookie(account).split(";\\s*")) {
      if (cookie.startsWith("SESSION=")) {
        String value = cookie.substring("SESSION=".length()).replace("\"", "");
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      }
    }
    throw new MissingData("no SESSION cookie for " + account.email());
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
