package org.senda.pupils.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.access.Role;
import org.senda.access.SendaUser;
import org.senda.organisation.Organisation;
import org.senda.organisation.StaffSummary;
import org.senda.web.Option;
import org.senda.web.RequestMemo;
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
  private final Organisation organisation;

  AccessGrants(JdbcClient jdbc, Organisation organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /**
   * Whether the person holds a grant for the school that has not expired or been revoked. Only people with a
   * trust-wide role can be granted access ({@link #grantable}), so nobody else costs a statement; the answer is kept
   * for the rest of the request (the header search and the page both ask).
   */
  public boolean active(SendaUser user, long schoolId, LocalDate on) {
    Long staffId = user.staffId();
    if (staffId == null || user.trustRoles().isEmpty() || !user.trustSchoolIds().contains(schoolId)) {
      return false;
    }
    return RequestMemo.get("access-grant." + staffId + "." + schoolId + "." + on,
        () -> active(staffId, schoolId, on));
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

  /** The school's grants, current first; names come from the organisation module (two statements in all). */
  public List<Grant> ofSchool(long schoolId) {
    record Row(long id, long staffId, long grantedBy, String reason, LocalDate grantedOn, LocalDate expiresOn,
        @Nullable LocalDate revokedOn) {}
    List<Row> rows = jdbc.sql("""
            select id, staff_id, granted_by, reason, granted_on, expires_on, revoked_on from pupil_access_grant
            where school_id = ? order by revoked_on desc nulls first, expires_on desc, id desc""")
        .param(schoolId)
        .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("staff_id"), rs.getLong("granted_by"),
            rs.getString("reason"), rs.getObject("granted_on", LocalDate.class),
            rs.getObject("expires_on", LocalDate.class), rs.getObject("revoked_on", LocalDate.class)))
        .list();
    Set<Long> people = new HashSet<>();
    rows.forEach(r -> {
      people.add(r.staffId());
      people.add(r.grantedBy());
    });
    Map<Long, StaffSummary> staff = organisation.staffByIds(people);
    return rows.stream()
        .map(r -> new Grant(r.id(), r.staffId(), name(staff, r.staffId()),
            staff.containsKey(r.staffId()) ? staff.get(r.staffId()).email() : "", r.reason(),
            name(staff, r.grantedBy()), r.grantedOn(), r.expiresOn(), r.revokedOn()))
        .toList();
  }

  private static String name(Map<Long, StaffSummary> staff, long id) {
    return staff.containsKey(id) ? staff.get(id).name() : "Staff " + id;
  }

  /** Staff of the school's trust whose trust-wide role sees aggregates only: who may be granted pupil access. */
  public List<Option> grantable(long schoolId) {
    return organisation.trustStaffWithRole(schoolId, Role.TRUST_SEND_LEAD).stream()
        .map(s -> new Option(String.valueOf(s.id()), s.name() + " (" + s.email() + ")"))
        .toList();
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
