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
  /** The demo trust's first school: the demo data creates it before any other, so it has id 1. */
  private static final long FIRST_SCHOOL = 1L;
  /** The pupil of the first school who has been in the most provision groups. */
  private static final String MOST_PROVISION = """
      select pupil_id from provision_group_pupil where school_id = ?
      group by pupil_id order by count(*) desc, pupil_id""";

  static final List<Page> ALL = List.of(
      // Reads nothing: its CSRF token starts a session, which is saved (two inserts, not part of a floor).
      Page.get("GET /sign-in", "/sign-in").asNewVisitor().targets(10, 20),
      Page.get("GET /api/v1/schools", "/api/v1/schools").withToken(TRUST_LEAD, null).targets(10, 20)
          .floor(Floors.apiToken(TRUST_LEAD, null))
          .floor(SCHOOLS_OF_TRUST, f -> Floors.trustOf(f, TRUST_LEAD, null))
          .floor(f -> "select * from school where id in (" + Floors.placeholders(f.schoolIds().size())
              + ") order by name", f -> List.copyOf(f.schoolIds())),
      // Provision (issue 7): the school's map for the current term, a pupil's whole history, the trust comparison.
      Page.get("GET school provision map", "/schools/" + FIRST_SCHOOL + "/provision/map")
          .signedInAs("SENCO", FIRST_SCHOOL).targets(50, 100),
      Page.get("GET pupil provision history", f -> "/schools/" + FIRST_SCHOOL + "/pupils/"
              + f.queryLong(MOST_PROVISION, FIRST_SCHOOL) + "/provision")
          .signedInAs("SENCO", FIRST_SCHOOL).targets(25, 50),
      Page.get("GET trust intervention effectiveness", "/trust/provision/effectiveness")
          .signedInAs(TRUST_LEAD, null).targets(1000, 2000));

  private Pages() {}
}
