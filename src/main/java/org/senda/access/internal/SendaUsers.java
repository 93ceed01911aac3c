package org.senda.access.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.access.RoleDirectory;
import org.senda.access.SendaUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds the {@link SendaUser} for an account: its staff record's roles in each school of the trust. */
@Component
class SendaUsers {

  private final JdbcClient jdbc;
  private final RoleDirectory roles;

  SendaUsers(JdbcClient jdbc, RoleDirectory roles) {
    this.jdbc = jdbc;
    this.roles = roles;
  }

  Optional<SendaUser> byAccountId(long accountId) {
    return byAccountId(accountId, "");
  }

  /**
   * The person about to be signed in: nobody, when their staff record is deactivated (checked again here, at the
   * one place every way of signing in passes through, so that no path lets them in).
   */
  Optional<SendaUser> signingIn(long accountId) {
    return byAccountId(accountId, " and (a.staff_id is null or s.active)");
  }

  private Optional<SendaUser> byAccountId(long accountId, String condition) {
    return jdbc.sql("""
            select a.id, a.staff_id, a.email, s.given_name, s.family_name, s.trust_id
            from account a left join staff s on s.id = a.staff_id
            where a.id = ?""" + condition)
        .param(accountId)
        .query((rs, n) -> build(
            rs.getLong("id"),
            (Long) rs.getObject("staff_id", Long.class),
            rs.getString("email"),
            rs.getString("given_name"),
            rs.getString("family_name"),
            rs.getLong("trust_id")))
        .optional();
  }

  private SendaUser build(
      long accountId, @Nullable Long staffId, String email, @Nullable String given, @Nullable String family,
      long trustId) {
    String name = given == null ? email : given + " " + family;
    if (staffId == null) {
      return SendaUser.of(accountId, null, email, name, trustId, java.util.List.of(), java.util.Set.of());
    }
    return SendaUser.of(
        accountId, staffId, email, name, trustId, roles.rolesOf(staffId), roles.schoolsOfTrust(trustId));
  }
}
