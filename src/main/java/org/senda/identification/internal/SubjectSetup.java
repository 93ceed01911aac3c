package org.senda.identification.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The SENCO's changes to the school's subjects and their scales. */
@Service
class SubjectSetup {

  /** A subject as its settings page lists it, active or not. */
  record SubjectRow(long id, String code, String name, Scale scale, double min, double max,
      Map<String, Double> steps, boolean active, int version) {

    public String scaleTitle() {
      return switch (scale) {
        case STANDARDISED -> "Standardised scores";
        case SCALED -> "Scaled scores";
        case STEPS -> "The school's own steps";
      };
    }

    public String range() {
      if (scale == Scale.STEPS) {
        List<String> parts = new ArrayList<>();
        steps.forEach((label, value) -> parts.add(label + " (" + AssessmentSetup.plain(value) + ")"));
        return String.join(", ", parts);
      }
      return AssessmentSetup.plain(min) + " to " + AssessmentSetup.plain(max);
    }

    SubjectForm form() {
      StringBuilder text = new StringBuilder();
      steps.forEach((label, value) -> text.append(label).append(" = ").append(AssessmentSetup.plain(value)).append('\n'));
      return new SubjectForm(code, name, scale.name(), AssessmentSetup.plain(min), AssessmentSetup.plain(max),
          text.toString(), String.valueOf(active), version);
    }
  }

  private final JdbcClient jdbc;
  private final Audit audit;

  private final ProgressInputs inputs;

  SubjectSetup(JdbcClient jdbc, Audit audit, ProgressInputs inputs) {
    this.jdbc = jdbc;
    this.inputs = inputs;
    this.audit = audit;
  }

  /** Every subject of the school, in order, with its steps: two queries. */
  List<SubjectRow> all(long schoolId) {
    Map<Long, Map<String, Double>> steps = new LinkedHashMap<>();
    jdbc.sql("select subject_id, label, step_value from assessment_step where school_id = ? order by step_value")
        .param(schoolId)
        .query(rs -> {
          steps.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
        });
    return jdbc.sql("""
            select id, code, name, scale, scale_min, scale_max, active, version from assessment_subject
            where school_id = ? order by active desc, position, name""")
        .param(schoolId)
        .query((rs, n) -> new SubjectRow(rs.getLong(1), rs.getString(2), rs.getString(3),
            Scale.valueOf(rs.getString(4)), rs.getDouble(5), rs.getDouble(6),
            steps.getOrDefault(rs.getLong(1), Map.of()), rs.getBoolean(7), rs.getInt(8)))
        .list();
  }

  Optional<SubjectRow> find(long schoolId, long subjectId) {
    return all(schoolId).stream().filter(s -> s.id() == subjectId).findFirst();
  }

  /** Adds the subject; callers have checked the form. */
  @Transactional
  long create(long schoolId, SubjectForm form) {
    Integer position = jdbc.sql("select coalesce(max(position), -1) + 1 from assessment_subject where school_id = ?")
        .param(schoolId).query(Integer.class).single();
    Range range = range(form);
    jdbc.sql("""
            insert into assessment_subject (school_id, code, name, scale, scale_min, scale_max, position, active)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(schoolId, Objects.requireNonNull(form.code()).trim().toLowerCase(Locale.ROOT),
            Objects.requireNonNull(form.name()).trim(), Objects.requireNonNull(form.scale()), range.min(),
            range.max(), position, form.isActive())
        .update();
    long id = jdbc.sql("select id from assessment_subject where school_id = ? and code = ?")
        .params(schoolId, form.code().trim().toLowerCase(Locale.ROOT)).query(Long.class).single();
    writeSteps(schoolId, id, form);
    inputs.changed(schoolId);
    audit.record(AuditAction.CREATE, "assessment-subject", id, schoolId, form.code());
    return id;
  }

  /**
   * Changes the subject read at {@code version}; callers have checked the form.
   *
   * @throws OptimisticLockingFailureException when someone changed the subject since it was read
   */
  @Transactional
  void update(long schoolId, long subjectId, SubjectForm form, int version) {
    Range range = range(form);
    int updated = jdbc.sql("""
            update assessment_subject set name = ?, scale = ?, scale_min = ?, scale_max = ?, active = ?,
              version = version + 1
            where id = ? and school_id = ? and version = ?""")
        .params(Objects.requireNonNull(form.name()).trim(), Objects.requireNonNull(form.scale()), range.min(),
            range.max(), form.isActive(), subjectId, schoolId, version)
        .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException("subject " + subjectId);
    }
    jdbc.sql("delete from assessment_step where subject_id = ?").param(subjectId).update();
    writeSteps(schoolId, subjectId, form);
    inputs.changed(schoolId);
    audit.record(AuditAction.UPDATE, "assessment-subject", subjectId, schoolId, form.isActive() ? null : "inactive");
  }

  private record Range(BigDecimal min, BigDecimal max) {}

  private static Range range(SubjectForm form) {
    if (form.chosenScale() == Scale.STEPS) {
      List<Double> values = new ArrayList<>(form.parsedSteps().values());
      return new Range(BigDecimal.valueOf(values.getFirst()), BigDecimal.valueOf(values.getLast()));
    }
    return new Range(BigDecimal.valueOf(Objects.requireNonNull(SubjectForm.number(form.scaleMin()))),
        BigDecimal.valueOf(Objects.requireNonNull(SubjectForm.number(form.scaleMax()))));
  }

  private void writeSteps(long schoolId, long subjectId, SubjectForm form) {
    if (form.chosenScale() != Scale.STEPS) {
      return;
    }
    form.parsedSteps().forEach((label, value) -> jdbc.sql(
            "insert into assessment_step (subject_id, school_id, label, step_value) values (?, ?, ?, ?)")
        .params(subjectId, schoolId, label, BigDecimal.valueOf(value))
        .update());
  }
}
