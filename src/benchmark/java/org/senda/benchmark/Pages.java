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
  /** The pupil of the first school who has been in the most provision groups. */
  private static final String MOST_PROVISION = """
      select pupil_id from provision_group_pupil where school_id = ?
      group by pupil_id order by count(*) desc, pupil_id""";

  /** Stands for the first demo school where a page needs a school's account before the data exists. */
  static final long FIRST_SCHOOL = -1;

  /** The layout's school switcher for someone who works in one school. */
  private static final String SCHOOL_OF_LAYOUT = "select * from school where id in (?) order by name";

  private static final String YEAR_GROUPS_AND_CLASSES = """
      select y.id, y.school_id, y.code, y.name, y.ordinal, c.id as class_id, c.name as class_name
      from year_group y left join school_class c on c.year_group_id = y.id
      where y.school_id = ? order by y.ordinal, c.name""";

  /** RegisterQueries.page for a SENCO (every pupil of the school, and pupils hosted for other schools). */
  private static final String REGISTER_LIST = "select r.*, count(*) over () as c_total"
      + ", sum(case when r.status = 'K' then 1 else 0 end) over () as c_k"
      + ", sum(case when r.status = 'E' then 1 else 0 end) over () as c_e"
      + ", sum(case when r.status = 'N' and r.monitor_until >= ? then 1 else 0 end) over () as c_m"
      + areaCounts()
      + " from (select p.id, p.school_id, p.upn, p.legal_forename, p.legal_surname, p.preferred_forename,"
      + " p.preferred_surname, yg.code as year_code, yg.name as year_name, yg.ordinal as year_ordinal,"
      + " c.name as class_name, p.class_id, coalesce(re.status, 'N') as status, re.primary_need, re.secondary_need,"
      + " nt.broad_area, re.status_since, re.monitor_until, p.eal, p.pupil_premium, p.free_school_meals,"
      + " p.looked_after, p.medical_condition, p.young_carer, p.service_child,"
      + " (select min(dr.provision_name) from dual_registration dr where dr.pupil_id = p.id and dr.starts_on <= ?"
      + " and (dr.ends_on is null or dr.ends_on >= ?)) as dual_name, 0 as hosted"
      + " from pupil p join year_group yg on yg.id = p.year_group_id left join school_class c on c.id = p.class_id"
      + " left join register_entry re on re.pupil_id = p.id left join need_type nt on nt.code = re.primary_need"
      + " where (p.school_id = ?) and (p.admission_date is null or p.admission_date <= ?)"
      + " and (p.leaving_date is null or p.leaving_date > ?)"
      + " union all select p.id, p.school_id, p.upn, p.legal_forename, p.legal_surname, p.preferred_forename,"
      + " p.preferred_surname, yg.code, yg.name, yg.ordinal, null, null, coalesce(re.status, 'N'), re.primary_need,"
      + " re.secondary_need, nt.broad_area, re.status_since, re.monitor_until, false as eal, false as pupil_premium,"
      + " false as free_school_meals, false as looked_after, false as medical_condition, false as young_carer,"
      + " false as service_child, dr.provision_name, 1 from dual_registration dr join pupil p on p.id = dr.pupil_id"
      + " join year_group yg on yg.id = p.year_group_id left join register_entry re on re.pupil_id = p.id"
      + " left join need_type nt on nt.code = re.primary_need where dr.host_school_id = ? and p.school_id <> ?"
      + " and dr.starts_on <= ? and (dr.ends_on is null or dr.ends_on >= ?)"
      + " and (p.admission_date is null or p.admission_date <= ?) and (p.leaving_date is null or p.leaving_date > ?)"
      + ") r where 1 = 1 order by r.legal_surname asc, r.legal_forename asc, r.legal_surname, r.legal_forename, r.id"
      + " limit ? offset ?";

  /** What the pupil page reads about the pupil (each with the pupil's id), besides who is asking and the audit. */
  private static final List<String> PUPIL_PAGE = List.of(
      """
      select p.id, p.school_id, p.upn, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname,
      p.date_of_birth, p.sex, p.year_group_id, y.code as year_code, y.name as year_name, y.ordinal as year_ordinal,
      p.class_id, c.name as class_name, p.admission_date, p.leaving_date, p.eal, p.pupil_premium,
      p.free_school_meals, p.looked_after, p.medical_condition, p.young_carer, p.service_child
      from pupil p join year_group y on y.id = p.year_group_id left join school_class c on c.id = p.class_id
      where p.id = ?""",
      """
      select re.*, (select max(rc.effective_date) from register_change rc where rc.pupil_id = re.pupil_id)
        as last_change from register_entry re where re.pupil_id = ?""",
      "select * from register_change where pupil_id = ? order by effective_date desc, id desc",
      "select * from concern where pupil_id = ? order by raised_on desc, id desc",
      """
      select distinct sub.code, sub.position from assessment_subject sub
      join assessment_score s on s.subject_id = sub.id where s.pupil_id = ? order by sub.position""",
      "select occurred_on, summary, actor from pupil_record_event where pupil_id = ? order by occurred_at desc, id desc",
      """
      select p.looked_after, p.virtual_school_contact, c.id, c.pupil_id, c.name, c.relationship,
             c.parental_responsibility, c.phone, c.email, c.preferred_language, c.contact_order
      from pupil p left join pupil_contact c on c.pupil_id = p.id
      where p.id = ? order by c.contact_order, c.id""");

  private static final String IDENTIFICATION_DISMISSALS = """
      select d.pupil_id, sub.code, ap.label from progress_flag_dismissal d
      join assessment_subject sub on sub.id = d.subject_id join assessment_point ap on ap.id = d.point_id
      where d.school_id = ?""";

  static final List<Page> ALL = List.of(
      // Reads nothing: its CSRF token starts a session, which is saved (two inserts, not part of a floor).
      Page.get("GET /sign-in", "/sign-in").asNewVisitor().targets(10, 20),
      Page.get("GET /api/v1/schools", "/api/v1/schools").withToken(TRUST_LEAD, null).targets(10, 20)
          .floor(Floors.apiToken(TRUST_LEAD, null))
          .floor(SCHOOLS_OF_TRUST, f -> Floors.trustOf(f, TRUST_LEAD, null))
          .floor(f -> "select * from school where id in (" + Floors.placeholders(f.schoolIds().size())
              + ") order by name", f -> List.copyOf(f.schoolIds())),
      // The SENCO's identification page for the largest school: the flags computed at the first view are kept
      // until an input changes, so a view reads the input counters of the trust's schools (decision 0007), the
      // dismissals and the open concerns.
      Page.get("GET /schools/{largest}/identification", f -> "/schools/" + f.largestSchoolId() + "/identification")
          .signedInAs("SENCO", Fixture::largestSchoolId).targets(50, 100)
          .floor(f -> "select school_id, version from progress_inputs where school_id in ("
              + Floors.placeholders(f.schoolIds().size()) + ")", f -> List.copyOf(f.schoolIds()))
          .floor(IDENTIFICATION_DISMISSALS, f -> List.of(f.largestSchoolId()))
          .floor("select pupil_id, id from concern where school_id = ? and status <> 'DECIDED' order by raised_on, id",
              f -> List.of(f.largestSchoolId())),
      // Provision (issue 7): the school's map for the current term, a pupil's whole history, the trust comparison.
      Page.get("GET school provision map", f -> "/schools/" + f.schoolIds().getFirst() + "/provision/map")
          .signedInAs("SENCO", FIRST_SCHOOL).targets(50, 100),
      Page.get("GET pupil provision history", f -> "/schools/" + f.schoolIds().getFirst() + "/pupils/"
              + f.queryLong(MOST_PROVISION, f.schoolIds().getFirst()) + "/provision")
          .signedInAs("SENCO", FIRST_SCHOOL).targets(25, 50),
      Page.get("GET trust intervention effectiveness", "/trust/provision/effectiveness")
          .signedInAs(TRUST_LEAD, (Long) null).targets(1000, 2000),
      // A plan with its whole history, read by the school's SENCO (need to know, audited).
      Page.get("GET support plan page",
              f -> "/schools/" + f.schoolIds().getFirst() + "/support-plans/" + plan(f))
          .signedInAs("SENCO", FIRST_SCHOOL).targets(25, 50),
      // The pupil's current passport, read by the SENCO (need to know, audited).
      Page.get("GET pupil passport page",
              f -> "/schools/" + f.schoolIds().getFirst() + "/pupils/" + pupilOfPlan(f) + "/passport")
          .signedInAs("SENCO", FIRST_SCHOOL).targets(25, 50),
      // The register every SENCO lives in, for the school with the most pupils, all statuses (so every pupil is
      // counted): the list and its counts are one statement, the filters' year groups and classes another.
      Page.get("GET /schools/{largest}/register", f -> "/schools/" + largestSchool(f) + "/register?status=all")
          .signedInAs("SENCO", Pages::largestSchool).targets(25, 50)
          .floor(SCHOOL_OF_LAYOUT, f -> List.of(largestSchool(f)))
          .floor(REGISTER_LIST, f -> {
            Object today = java.sql.Date.valueOf(java.time.LocalDate.now());
            long school = largestSchool(f);
            return List.of(today, today, today, school, today, today, school, school, today, today, today, today,
                50, 0);
          })
          .floor(YEAR_GROUPS_AND_CLASSES, f -> List.of(largestSchool(f))),
      // The pupil page of the pupil with the most history in the largest school, as its SENCO sees it.
      Page.get("GET /schools/{largest}/pupils/{id}",
              f -> "/schools/" + largestSchool(f) + "/pupils/" + pupilWithMostHistory(f))
          .signedInAs("SENCO", Pages::largestSchool).targets(25, 50)
          .floor(SCHOOL_OF_LAYOUT, f -> List.of(largestSchool(f)))
          .floor(PUPIL_PAGE.stream().map(sql -> Page.Floor.of(sql, f -> List.<Object>of(pupilWithMostHistory(f))))
              .toList()));

  /** The first demo school's active support plan with the longest history (the demo gives every plan 2-3 cycles). */
  private static long plan(Fixture f) {
    return f.queryLong("select id from support_plan where school_id = ? and status = 'ACTIVE' "
        + "order by current_cycle desc, id", f.schoolIds().getFirst());
  }

  /** The pupil of that plan, for their passport. */
  private static long pupilOfPlan(Fixture f) {
    return f.queryLong("select pupil_id from support_plan where id = ?", plan(f));
  }


  private static String areaCounts() {
    StringBuilder sql = new StringBuilder();
    List<String> areas = List.of("COMMUNICATION_AND_INTERACTION", "COGNITION_AND_LEARNING",
        "SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH", "SENSORY_AND_PHYSICAL", "OTHER", "NOT_ASSESSED");
    for (int i = 0; i < areas.size(); i++) {
      sql.append(", sum(case when r.status <> 'N' and r.broad_area = '").append(areas.get(i))
          .append("' then 1 else 0 end) over () as c_a").append(i);
    }
    return sql.toString();
  }

  /** The school with the most pupils on roll among the demo schools (every school has a demo SENCO). */
  static long largestSchool(Fixture f) {
    return f.queryLong("select school_id from pupil where school_id in (" + Floors.placeholders(f.schoolIds().size())
        + ") and leaving_date is null group by school_id order by count(*) desc, school_id limit 1",
        f.schoolIds().toArray());
  }

  /** The pupil on roll in the largest school with the most status changes, concerns and record changes. */
  static long pupilWithMostHistory(Fixture f) {
    return f.queryLong("""
        select p.id from pupil p where p.school_id = ? and p.leaving_date is null
        order by (select count(*) from register_change rc where rc.pupil_id = p.id)
          + (select count(*) from concern c where c.pupil_id = p.id)
          + (select count(*) from pupil_record_event e where e.pupil_id = p.id) desc, p.id
        limit 1""", largestSchool(f));
  }

  private Pages() {}
}
