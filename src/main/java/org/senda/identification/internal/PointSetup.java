package org.senda.identification.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The SENCO's changes to the school's assessment points and how often it assesses. */
@Service
class PointSetup {

  /** A point with the term it belongs to. */
  record PointRow(long id, String label, LocalDate assessedOn, @Nullable String term, @Nullable LocalDate termStarts,
      @Nullable LocalDate termEnds, int version) {}

  private final JdbcClient jdbc;
  private final AssessmentSetup setup;
  private final Audit audit;
  private final ProgressInputs inputs;

  PointSetup(JdbcClient jdbc, AssessmentSetup setup, Audit audit, ProgressInputs inputs) {
    this.jdbc = jdbc;
    this.inputs = inputs;
    this.setup = setup;
    this.audit = audit;
  }

  /** The school's points, newest first, with their terms: one query. */
  List<PointRow> all(long schoolId) {
    return jdbc.sql("""
            select ap.id, ap.label, ap.assessed_on, t.name, ay.label, t.starts_on, t.ends_on, ap.version
            from assessment_point ap left join term t on t.id = ap.term_id
            left join academic_year ay on ay.id = t.academic_year_id
            where ap.school_id = ? order by ap.academic_year desc, ap.ordinal desc""")
        .param(schoolId)
        .query((rs, n) -> new PointRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4) == null ? null : rs.getString(4) + " " + rs.getString(5),
            rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getInt(8)))
        .list();
  }

  Optional<PointRow> find(long schoolId, long pointId) {
    return all(schoolId).stream().filter(p -> p.id() == pointId).findFirst();
  }

  boolean labelTaken(long schoolId, long pointId, String label) {
    return jdbc.sql("select count(*) from assessment_point where school_id = ? and id <> ? and lower(label) = lower(?)")
        .params(schoolId, pointId, label.trim()).query(Integer.class).single() > 0;
  }

  /**
   * Changes the point's label and date, read at {@code version}.
   *
   * @throws OptimisticLockingFailureException when someone changed the point since it was read
   */
  @Transactional
  void update(long schoolId, long pointId, String label, LocalDate assessedOn, int version) {
    int updated;
    try {
      updated = jdbc.sql("""
              update assessment_point set label = ?, assessed_on = ?, version = version + 1
              where id = ? and school_id = ? and version = ?""")
          .params(label.trim(), assessedOn, pointId, schoolId, version)
          .update();
    } catch (DuplicateKeyException e) {
      throw new OptimisticLockingFailureException("label of point " + pointId + " taken meanwhile", e);
    }
    if (updated != 1) {
      throw new OptimisticLockingFailureException("point " + pointId);
    }
    inputs.changed(schoolId);
    audit.record(AuditAction.UPDATE, "assessment-point", pointId, schoolId, null);
  }

  /** Saves how often the school assesses and gives every term without points its points. */
  @Transactional
  int generate(long schoolId, String cadence) {
    int updated = jdbc.sql("update identification_settings set cadence = ?, version = version + 1 where school_id = ?")
        .params(cadence, schoolId).update();
    if (updated == 0) {
      jdbc.sql("insert into identification_settings (school_id, cadence, version) values (?, ?, 1)")
          .params(schoolId, cadence).update();
    }
    int before = setup.points(schoolId).size();
    setup.ensurePoints(schoolId, cadence);
    int added = setup.points(schoolId).size() - before;
    inputs.changed(schoolId);
    audit.record(AuditAction.CREATE, "assessment-point", null, schoolId, cadence + ", added " + added);
    return added;
  }
}
