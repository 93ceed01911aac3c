package org.senda.benchmark;

import java.util.List;

/**
 * The pages and API calls the benchmark drives, one entry each: name, path, who asks, latency targets (ms: single
 * user p95, standard load p95) and the SQL behind the answer (its floor). A page whose demo account or data does
 * not exist yet is reported as skipped, with the reason. Later features add their pages here.
 */
final class Pages {

  private static final String TRUST_LEAD = "TRUST_SEND_LEAD";
  private static final String SCHOOLS_OF_TRUST = "select id from school where trust_id = ?";

  private static final String IDENTIFICATION_SETTINGS = """
      select window_points, band_width, significance_mads, minimum_difference, minimum_cohort, gap_points,
             widening_points, rate_tolerance_points, recent_arrival_months, attendance_threshold
      from identification_settings where school_id = ?""";

  private static final String IDENTIFICATION_SCORES = """
      select sub.code as subject, s.pupil_id, s.school_id, y.code as year_group, ap.academic_year, ap.ordinal,
             ap.label, s.score
      from assessment_score s
      join assessment_subject sub on sub.id = s.subject_id
      join assessment_point ap on ap.id = s.point_id
      join pupil p on p.id = s.pupil_id
      join year_group y on y.id = p.year_group_id
      where s.school_id in (?) and sub.active and ap.assessed_on <= ?
        and (p.leaving_date is null or p.leaving_date > ?) order by sub.code, s.pupil_id""";

  static final List<Page> ALL = List.of(
      // Reads nothing: its CSRF token starts a session, which is saved (two inserts, not part of a floor).
      Page.get("GET /sign-in", "/sign-in").asNewVisitor().targets(10, 20),
      Page.get("GET /api/v1/schools", "/api/v1/schools").withToken(TRUST_LEAD, null).targets(10, 20)
          .floor(Floors.apiToken(TRUST_LEAD, null))
          .floor(SCHOOLS_OF_TRUST, f -> Floors.trustOf(f, TRUST_LEAD, null))
          .floor(f -> "select * from school where id in (" + Floors.placeholders(f.schoolIds().size())
              + ") order by name", f -> List.copyOf(f.schoolIds())),
      // The SENCO's identification page for the largest school: every pupil's scores read in one ordered scan
      // (the school's alone when no year group is too small to compare within it), the four tests in memory.
      Page.get("GET /schools/{largest}/identification", f -> "/schools/" + f.largestSchoolId() + "/identification")
          .signedInAs("SENCO", Fixture::largestSchoolId).targets(50, 100)
          .floor(IDENTIFICATION_SETTINGS, f -> List.of(f.largestSchoolId()))
          .floor(IDENTIFICATION_SCORES, f -> List.of(f.largestSchoolId(), java.sql.Date.valueOf(
              java.time.LocalDate.now()), java.sql.Date.valueOf(java.time.LocalDate.now())))
          .floor("select pupil_id, id from concern where school_id = ? and status <> 'DECIDED' order by raised_on, id",
              f -> List.of(f.largestSchoolId())));

  private Pages() {}
}
