package org.senda.access.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Writes accounts: password hashes (Argon2id), TOTP enrolment and API tokens. */
@Component
public class AccountStore {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final ApiTokens tokens;

  private final SecretBox secrets;
  private final org.springframework.jdbc.core.JdbcTemplate batch;

  AccountStore(JdbcClient jdbc, PasswordEncoder passwords, ApiTokens tokens, SecretBox secrets,
      org.springframework.jdbc.core.JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.passwords = passwords;
    this.tokens = tokens;
    this.secrets = secrets;
  }

  public long create(long staffId, String email, String password, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into account (staff_id, email, password_hash, password_changed_at, created_at)
            values (?, ?, ?, ?, ?)""")
        .params(staffId, email, passwords.encode(password), Timestamp.from(now), Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void createInBulk(java.util.Map<Long, String> emailsByStaffId, String password, Instant now) {
    String hash = passwords.encode(password);
    Timestamp at = Timestamp.from(now);
    java.util.List<Object[]> rows = new java.util.ArrayList<>();
    emailsByStaffId.forEach((staffId, email) ->
        rows.add(new Object[] {staffId, email, hash, secrets.seal(org.senda.access.Totp.newSecret()), at, at, at}));
    batch.batchUpdate("""
            insert into account (staff_id, email, password_hash, totp_secret, mfa_enrolled_at, password_changed_at,
              created_at)
            values (?, ?, ?, ?, ?, ?, ?)""", rows);
  }

  public void enrolTotp(long accountId, String secret, Instant now) {
    jdbc.sql("update account set totp_secret = ?, mfa_enrolled_at = ?, version = version + 1 where id = ?")
        .params(secrets.seal(secret), Timestamp.from(now), accountId)
        .update();
  }

  public String issueApiToken(long accountId, String name, Duration lifetime) {
    return tokens.issue(accountId, name, lifetime).token();
  }
}
