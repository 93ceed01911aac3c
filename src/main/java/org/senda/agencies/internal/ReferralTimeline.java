package org.senda.agencies.internal;

import java.time.LocalDate;
import java.util.List;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.PupilTimeline;
import org.senda.pupils.PupilTimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each change of a referral's status on the pupil's timeline ("Referral to CAMHS sent"), in one query. */
@Component
class ReferralTimeline implements PupilTimeline {

  private final JdbcClient jdbc;
  private final AgencyAccess access;

  ReferralTimeline(JdbcClient jdbc, AgencyAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  @Override
  public List<PupilTimelineEntry> entries(PupilSummary pupil) {
    // Class teachers see that a referral was made and where it stands, but only those who see every pupil open it.
    boolean links = access.canReadReferrals(pupil.schoolId());
    return jdbc.sql("""
            select h.status, h.changed_on, h.note, a.service_name, r.id, r.school_id
            from referral_status_change h join referral r on r.id = h.referral_id join agency a on a.id = r.agency_id
            where r.pupil_id = ? order by h.changed_on desc, h.id desc""")
        .param(pupil.id())
        .query((rs, n) -> new PupilTimelineEntry(rs.getObject("changed_on", LocalDate.class),
            "Referral to " + rs.getString("service_name") + ": "
                + ReferralStatus.valueOf(rs.getString("status")).title().toLowerCase(java.util.Locale.ROOT),
            rs.getString("note"),
            links ? "/schools/" + rs.getLong("school_id") + "/referrals/" + rs.getLong("id") : null))
        .list();
  }
}
