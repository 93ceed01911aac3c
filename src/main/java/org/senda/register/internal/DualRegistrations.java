package org.senda.register.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilSummary;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Dual registrations: pupils of one school of the trust attending provision another school hosts (e.g. a unit). A
 * school sees the registrations it hosts and those of its own pupils hosted elsewhere ("away").
 */
@Component
class DualRegistrations {

  /** One registration, as the hosting school's page and the API list it. */
  record Entry(long id, long pupilId, String pupilName, String upn, long mainSchoolId, long hostSchoolId,
      String provisionName, String hostEnrolment, LocalDate panelDate, LocalDate startsOn, @Nullable LocalDate endsOn,
      int version) {

    public boolean activeOn(LocalDate date) {
      return !startsOn.isAfter(date) && (endsOn == null || !endsOn.isBefore(date));
    }

    public String enrolmentTitle() {
      return "M".equals(hostEnrolment) ? "Main" : "Subsidiary";
    }
  }

  private static final String SELECT = """
      select dr.id, dr.pupil_id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname,
             p.upn, dr.school_id, dr.host_school_id, dr.provision_name, dr.host_enrolment, dr.panel_date,
             dr.starts_on, dr.ends_on, dr.version
      from dual_registration dr join pupil p on p.id = dr.pupil_id
      """;

  /** Current and future registrations first, then ended ones. */
  private static final String ORDER = """
      order by case when dr.ends_on is null then 0 else 1 end, dr.ends_on desc, p.legal_surname, p.legal_forename,
               dr.id""";

  private static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(rs.getLong("id"), rs.getLong("pupil_id"),
      PupilSummary.displayName(rs.getString("legal_forename"), rs.getString("legal_surname"),
          rs.getString("preferred_forename"), rs.getString("preferred_surname")),
      rs.getString("upn"), rs.getLong("school_id"), rs.getLong("host_school_id"), rs.getString("provision_name"),
      rs.getString("host_enrolment"), rs.getObject("panel_date", LocalDate.class),
      rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getInt("version"));

  private final JdbcClient jdbc;

  DualRegistrations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every registration the school hosts; one statement. */
  List<Entry> hostedBy(long hostSchoolId) {
    return jdbc.sql(SELECT + "where dr.host_school_id = ?\n" + ORDER).param(hostSchoolId).query(ENTRY).list();
  }

  /** Every registration of the school's own pupils with provision another school hosts; one statement. */
  List<Entry> awayFrom(long mainSchoolId) {
    return jdbc.sql(SELECT + "where dr.school_id = ?\n" + ORDER).param(mainSchoolId).query(ENTRY).list();
  }

  /** One registration the school hosts; empty when there is none with this id at this host. */
  Optional<Entry> hosted(long hostSchoolId, long id) {
    return jdbc.sql(SELECT + "where dr.id = ? and dr.host_school_id = ?")
        .params(id, hostSchoolId)
        .query(ENTRY)
        .optional();
  }

  /** Whether the pupil already has a registration with this host that has not ended before {@code on}. */
  boolean openWith(long pupilId, long hostSchoolId, LocalDate on) {
    return jdbc.sql("""
            select count(*) from dual_registration
            where pupil_id = ? and host_school_id = ? and (ends_on is null or ends_on >= ?)""")
        .params(pupilId, hostSchoolId, on)
        .query(Integer.class)
        .single() > 0;
  }

  long register(PupilSummary pupil, long hostSchoolId, String provisionName, String hostEnrolment,
      LocalDate panelDate, LocalDate startsOn) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into dual_registration (pupil_id, school_id, host_school_id, kind, provision_name, host_enrolment,
              starts_on, panel_date)
            values (?, ?, ?, 'HOSTED_PROVISION', ?, ?, ?, ?)""")
        .params(pupil.id(), pupil.schoolId(), hostSchoolId, provisionName, hostEnrolment, startsOn, panelDate)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
  }

  /**
   * Ends a registration the school hosts with {@code lastDay} as the pupil's last day there, if it is still at
   * {@code version} and has no end date yet; false otherwise (someone else changed it meanwhile).
   */
  boolean end(long id, long hostSchoolId, LocalDate lastDay, int version) {
    return jdbc.sql("""
            update dual_registration set ends_on = ?, version = version + 1
            where id = ? and host_school_id = ? and version = ? and ends_on is null""")
        .params(lastDay, id, hostSchoolId, version)
        .update() == 1;
  }
}
