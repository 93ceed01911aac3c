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

  /** Stands for the first demo school where a page needs a school's account before the data exists. */
  static final long FIRST_SCHOOL = -1;

  static final List<Page> ALL = List.of(
      // Reads nothing: its CSRF token starts a session, which is saved (two inserts, not part of a floor).
      Page.get("GET /sign-in", "/sign-in").asNewVisitor().targets(10, 20),
      Page.get("GET /api/v1/schools", "/api/v1/schools").withToken(TRUST_LEAD, null).targets(10, 20)
          .floor(Floors.apiToken(TRUST_LEAD, null))
          .floor(SCHOOLS_OF_TRUST, f -> Floors.trustOf(f, TRUST_LEAD, null))
          .floor(f -> "select * from school where id in (" + Floors.placeholders(f.schoolIds().size())
              + ") order by name", f -> List.copyOf(f.schoolIds())),
      // A plan with its whole history, read by the school's SENCO (need to know, audited).
      Page.get("GET support plan page",
              f -> "/schools/" + f.schoolIds().getFirst() + "/support-plans/" + plan(f))
          .signedInAs("SENCO", FIRST_SCHOOL).targets(25, 50),
      // The pupil's current passport, read by the SENCO (need to know, audited).
      Page.get("GET pupil passport page",
              f -> "/schools/" + f.schoolIds().getFirst() + "/pupils/" + pupilOfPlan(f) + "/passport")
          .signedInAs("SENCO", FIRST_SCHOOL).targets(25, 50));

  /** The first demo school's active support plan with the longest history (the demo gives every plan 2-3 cycles). */
  private static long plan(Fixture f) {
    return f.queryLong("select id from support_plan where school_id = ? and status = 'ACTIVE' "
        + "order by current_cycle desc, id", f.schoolIds().getFirst());
  }

  /** The pupil of that plan, for their passport. */
  private static long pupilOfPlan(Fixture f) {
    return f.queryLong("select pupil_id from support_plan where id = ?", plan(f));
  }

  private Pages() {}
}
