package org.senda.identification.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.ActionForbidden;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolClass;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilScope;
import org.senda.pupils.PupilSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A class's scores in one subject at one assessment point, as a teacher enters them: every typed value is checked
 * against the subject's scale before anything is written, and a score someone else changed since the grid was
 * shown stops the whole save (optimistic locking on each score's version).
 */
@Service
class ScoreGrid {

  /** A pupil's row: the saved score (as typed on the scale: a number or a step) and its version, if any. */
  record Row(long pupilId, String upn, String name, @Nullable String saved, @Nullable Integer version) {

    /** What the form carries to detect a change: the version, or "new" when the pupil had no score. */
    String seen() {
      return version == null ? "new" : String.valueOf(version);
    }
  }

  /** A problem with one pupil's typed score. */
  record Problem(long pupilId, String message) {}

  /** What a save did. */
  record Saved(int created, int updated, int removed) {}

  private final JdbcClient jdbc;
  private final Organisation organisation;
  private final Permissions permissions;
  private final PupilAccess access;
  private final Audit audit;
  private final Clock clock;
  private final ProgressInputs inputs;

  ScoreGrid(JdbcClient jdbc, Organisation organisation, Permissions permissions, PupilAccess access, Audit audit,
      Clock clock, ProgressInputs inputs) {
    this.jdbc = jdbc;
    this.inputs = inputs;
    this.permissions = permissions;
    this.organisation = organisation;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** The classes of the school whose scores the signed-in person may enter: all for the SENCO, their own for a teacher. */
  List<SchoolClass> classes(long schoolId) {
    PupilScope scope = scope(schoolId);
    java.util.Set<Long> own = ownClasses(scope);
    return organisation.classes(schoolId).stream()
        .filter(c -> scope.kind() == PupilScope.Kind.ALL || own.contains(c.id()))
        .toList();
  }

  /** The classes a member of staff teaches or supports (none for a scope without a member of staff). */
  private java.util.Set<Long> ownClasses(PupilScope scope) {
    return scope.kind() == PupilScope.Kind.OWN && scope.staffId() != null
        ? organisation.classesOf(scope.staffId()) : java.util.Set.of();
  }

  /** The class, when the signed-in person teaches it or sees every pupil of the school; 404 otherwise. */
  SchoolClass requireClass(long schoolId, long classId) {
    PupilScope scope = scope(schoolId);
    if (scope.kind() != PupilScope.Kind.ALL && !ownClasses(scope).contains(classId)) {
      throw new AccessRefused("class " + classId);
    }
    return organisation.classes(schoolId).stream()
        .filter(c -> c.id() == classId)
        .findFirst()
        .orElseThrow(() -> new AccessRefused("class " + classId + " in school " + schoolId));
  }

  /** Refuses with 404 outside the person's schools and 403 when their role sees no pupils by name. */
  private PupilScope scope(long schoolId) {
    permissions.requireSchool(schoolId);
    PupilScope scope = access.scope(schoolId);
    if (!scope.seesPupils()) {
      throw new ActionForbidden("scores of school " + schoolId);
    }
    return scope;
  }

  /** The pupils on roll in the class, by surname, with their saved scores: two queries. */
  List<Row> rows(long schoolId, long classId, AssessmentSetup.Subject subject, long pointId) {
    Map<Long, Object[]> scores = new HashMap<>();
    jdbc.sql("""
            select s.pupil_id, s.score, s.version from assessment_score s join pupil p on p.id = s.pupil_id
            where p.class_id = ? and s.school_id = ? and s.subject_id = ? and s.point_id = ?""")
        .params(classId, schoolId, subject.id(), pointId)
        .query(rs -> {
          scores.put(rs.getLong(1), new Object[] {rs.getDouble(2), rs.getInt(3)});
        });
    LocalDate today = LocalDate.now(clock);
    return jdbc.sql("""
            select p.id, p.upn, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname
            from pupil p where p.school_id = ? and p.class_id = ? and (p.leaving_date is null or p.leaving_date > ?)
            order by coalesce(p.preferred_surname, p.legal_surname), coalesce(p.preferred_forename, p.legal_forename),
                     p.id""")
        .params(schoolId, classId, today)
        .query((rs, n) -> {
          long id = rs.getLong(1);
          Object[] score = scores.get(id);
          return new Row(id, rs.getString(2),
              PupilSummary.displayName(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
              score == null ? null : shown(subject, (Double) score[0]),
              score == null ? null : (Integer) score[1]);
        })
        .list();
  }

  /** A saved number as the teacher typed it: the step's label on a scale of steps. */
  static String shown(AssessmentSetup.Subject subject, double value) {
    for (var step : subject.steps().entrySet()) {
      if (step.getValue() == value) {
        return step.getKey();
      }
    }
    return AssessmentSetup.plain(value);
  }

  /** Checks every typed score; empty when all of them are on the subject's scale (a blank means no score). */
  static List<Problem> check(List<Row> rows, AssessmentSetup.Subject subject, Map<Long, String> typed) {
    List<Problem> problems = new ArrayList<>();
    for (Row row : rows) {
      String text = typed.getOrDefault(row.pupilId(), "").trim();
      if (!text.isEmpty() && subject.value(text) == null) {
        problems.add(new Problem(row.pupilId(), "Enter a " + subject.name() + " score for " + row.name() + " as "
            + subject.range()));
      }
    }
    return problems;
  }

  /**
   * Writes the typed scores that differ from the saved ones; callers have checked them with {@link #check}.
   *
   * @param seen each pupil's score version when the grid was shown ("new" for none)
   * @throws OptimisticLockingFailureException when any pupil's score changed since the grid was shown
   */
  @Transactional
  Saved save(
      long schoolId, SchoolClass schoolClass, AssessmentSetup.Subject subject, AssessmentSetup.Point point,
      Map<Long, String> typed, Map<Long, String> seen) {
    List<Row> rows = rows(schoolId, schoolClass.id(), subject, point.id());
    for (Row row : rows) {
      if (!Objects.equals(seen.get(row.pupilId()), row.seen())) {
        throw new OptimisticLockingFailureException("score of pupil " + row.pupilId() + " changed");
      }
    }
    int created = 0;
    int updated = 0;
    int removed = 0;
    for (Row row : rows) {
      String text = typed.getOrDefault(row.pupilId(), "").trim();
      Double value = text.isEmpty() ? null : subject.value(text);
      if (value == null && row.version() == null) {
        continue;
      }
      if (value == null) {
        locked(jdbc.sql("""
                delete from assessment_score
                where pupil_id = ? and subject_id = ? and point_id = ? and version = ?""")
            .params(row.pupilId(), subject.id(), point.id(), row.version())
            .update());
        removed++;
      } else if (row.version() == null) {
        try {
          jdbc.sql("""
                  insert into assessment_score (school_id, pupil_id, subject_id, point_id, score)
                  values (?, ?, ?, ?, ?)""")
              .params(schoolId, row.pupilId(), subject.id(), point.id(), BigDecimal.valueOf(value))
              .update();
        } catch (DuplicateKeyException e) {
          throw new OptimisticLockingFailureException("score of pupil " + row.pupilId() + " added meanwhile", e);
        }
        created++;
      } else if (!shown(subject, value).equals(row.saved())) {
        locked(jdbc.sql("""
                update assessment_score set score = ?, version = version + 1
                where pupil_id = ? and subject_id = ? and point_id = ? and version = ?""")
            .params(BigDecimal.valueOf(value), row.pupilId(), subject.id(), point.id(), row.version())
            .update());
        updated++;
      }
    }
    if (created + updated + removed > 0) {
      inputs.changed(schoolId);
    }
    audit.record(AuditAction.UPDATE, "assessment-score", null, schoolId, "class " + schoolClass.name() + ", "
        + subject.code() + ", " + point.label() + ": created " + created + ", updated " + updated + ", removed "
        + removed);
    return new Saved(created, updated, removed);
  }

  private static void locked(int rows) {
    if (rows != 1) {
      throw new OptimisticLockingFailureException("score changed meanwhile");
    }
  }

  /** Typed values from the request's "score-{pupilId}" (or other prefix) parameters. */
  static Map<Long, String> byPupil(Map<String, String> parameters, String prefix) {
    Map<Long, String> values = new LinkedHashMap<>();
    parameters.forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        try {
          values.put(Long.parseLong(name.substring(prefix.length())), value);
        } catch (NumberFormatException e) {
          // not one of the grid's fields
        }
      }
    });
    return values;
  }
}
