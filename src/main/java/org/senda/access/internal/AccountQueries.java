package org.senda.access.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the account page shows about one's own account, in one query. */
@Component
class AccountQueries {

  record AccountSummary(@Nullable Instant mfaEnrolledAt, @Nullable Instant passwordChangedAt, int recoveryCodesLeft,
      int activeTokens, boolean schoolSignInLinked) {}

  private final JdbcClient jdbc;

  AccountQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  AccountSummary summary(long accountId, Instant now) {
    return jdbc.sql("""
            select a.mfa_enrolled_at, a.password_changed_at,
              (select count(*) from recovery_code r where r.account_id = a.id and r.used_at is null) as codes_left,
              (select count(*) from api_token t where t.account_id = a.id and t.revoked_at is null
                 and t.expires_at > ?) as active_tokens,
              (select count(*) from oidc_identity o where o.account_id = a.id) as identities
            from account a where a.id = ?""")
        .params(Timestamp.from(now), accountId)
        .query((rs, n) -> new AccountSummary(
            instant(rs.getTimestamp("mfa_enrolled_at")),
            instant(rs.getTimestamp("password_changed_at")),
            rs.getInt("codes_left"),
            rs.getInt("active_tokens"),
            rs.getInt("identities") > 0))
        .single();
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
