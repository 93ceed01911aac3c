package org.senda.pupils.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pupil-level access to a school given by its headteacher to someone whose role sees aggregates only. */
@Component
public class AccessGrants {

  /** A grant as the grants page lists it. */
  public record Grant(long id, long staffId, String staffName, String staffEmail, String reason, String grantedBy,
      LocalDate grantedOn, LocalDate expiresOn, @Nullable LocalDate revokedOn) {

    public boolean activeOn(LocalDate date) {
      return revokedOn == null && !expiresOn.isBefore(date);
    }
  }

  private final JdbcClient jdbc;

  AccessGrants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the member of staff holds a grant for the school that has not expired or been revoked. */
  public boolean active(long staffId, long schoolId, LocalDate on) {
    return jdbc.sql("""
            select count(*) from pupil_access_grant
            where staff_id = ? and school_id = ? and revoked_on is null and expires_on >= ?""")
        .param(staffId)
        .param(schoolId)
        .param(on)
        .query(Integer.class)
        .single() > 0;
  }

  public List<Grant> ofSchool(long schoolId) {
    return jdbc.sql("""
            select g.id, g.staff_id, s.given_name || ' ' || s.family_name as staff_name, s.email, g.reason,
                   b.given_name || ' ' || b.family_name as granted_by, g.granted_on, g.expires_on, g.revoked_on
            from pupil_access_grant g join staff s on s.id = g.staff_id join staff b on b.id = g.granted_by
            where g.school_id = ? order by g.revoked_on desc nulls first, g.expires_on desc, g.id desc""")
        .param(schoolId)
        .query((rs, n) -> new Grant(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("staff_name"),
            rs.getString("email"), rs.getString("reason"), rs.getString("granted_by"),
            rs.getObject("granted_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
            rs.getObject("revoked_on", LocalDate.class)))
        .list();
  }

  /** Staff of the school's trust whose trust-wide role sees aggregates only: who may be granted pupil access. */
  public List<org.senda.web.Option> grantable(long schoolId) {
    return jdbc.sql("""
            select distinct s.id, s.given_name, s.family_name, s.email from staff s
            join staff_role r on r.staff_id = s.id and r.school_id is null and r.role = 'TRUST_SEND_LEAD'
            join school sc on sc.trust_id = s.trust_id
            where sc.id = ? and s.active order by s.family_name, s.given_name""")
        .param(schoolId)
        .query((rs, n) -> new org.senda.web.Option(String.valueOf(rs.getLong("id")),
            rs.getString("given_name") + " " + rs.getString("family_name") + " (" + rs.getString("email") + ")"))
        .list();
  }

  public long grant(long staffId, long schoolId, String reason, long grantedBy, LocalDate on, LocalDate expiresOn) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            insert into pupil_access_grant (staff_id, school_id, reason, granted_by, granted_on, expires_on)
            values (?, ?, ?, ?, ?, ?)""")
        .params(staffId, schoolId, reason, grantedBy, on, expiresOn)
        .update(keys, "id");
    return java.util.Objects.requireNonNull(keys.getKey()).longValue();
  }

  /** Revokes a grant of the school; false when there is no such unrevoked grant. */
  public boolean revoke(long grantId, long schoolId, LocalDate on) {
    return jdbc.sql("update pupil_access_grant set revoked_on = ? where id = ? and school_id = ? and revoked_on is null")
        .params(on, grantId, schoolId)
        .update() == 1;
  }
}
