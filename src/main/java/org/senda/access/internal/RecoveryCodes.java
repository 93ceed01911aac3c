package org.senda.access.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Ten single-use recovery codes per account, for when the authenticator app is lost. Shown once; stored as
 * Argon2id hashes like passwords, because they stand in for the second factor.
 */
@Component
class RecoveryCodes {

  static final int COUNT = 10;
  // No letters or digits that people confuse when they copy a code from paper (0/o, 1/l/i).
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final PasswordEncoder hashes;

  RecoveryCodes(JdbcClient jdbc, PasswordEncoder hashes) {
    this.jdbc = jdbc;
    this.hashes = hashes;
  }

  /** Replaces the account's codes with ten new ones, returned once in the form people type them (xxxxx-xxxxx). */
  List<String> replace(long accountId) {
    jdbc.sql("delete from recovery_code where account_id = ?").param(accountId).update();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      StringBuilder code = new StringBuilder();
      for (int c = 0; c < 10; c++) {
        code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      String plain = code.substring(0, 5) + "-" + code.substring(5);
      jdbc.sql("insert into recovery_code (account_id, code_hash) values (?, ?)")
          .params(accountId, hashes.encode(normalise(plain)))
          .update();
      codes.add(plain);
    }
    return codes;
  }

  /** Uses a code: true, and the code is spent, when it is one of the account's unused codes. */
  boolean use(long accountId, String typed, Instant now) {
    String candidate = normalise(typed);
    if (candidate.length() != 10) {
      return false;
    }
    record Stored(long id, String hash) {}
    List<Stored> unused = jdbc.sql("select id, code_hash from recovery_code where account_id = ? and used_at is null")
        .param(accountId)
        .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("code_hash")))
        .list();
    for (Stored stored : unused) {
      if (hashes.matches(candidate, stored.hash())) {
        return jdbc.sql("update recovery_code set used_at = ? where id = ? and used_at is null")
            .params(Timestamp.from(now), stored.id())
            .update() == 1;
      }
    }
    return false;
  }

  /** How many unused codes the account has left. */
  int remaining(long accountId) {
    return jdbc.sql("select count(*) from recovery_code where account_id = ? and used_at is null")
        .param(accountId)
        .query(Integer.class)
        .single();
  }

  /** Whether what was typed looks like a recovery code rather than a 6-digit code from the app. */
  static boolean looksLikeRecoveryCode(String typed) {
    return !typed.replaceAll("\\s", "").matches("\\d{6}");
  }

  private static String normalise(String typed) {
    return typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
  }
}
