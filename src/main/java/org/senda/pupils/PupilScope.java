package org.senda.pupils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which pupils of one school a person may see, as a condition other modules put into their own SQL so that a list
 * stays one query: {@code "... where " + scope.sql("p").where()} with {@code scope.sql("p").params()} bound as
 * named parameters, where {@code p} is the alias of the {@code pupil} table.
 *
 * <ul>
 *   <li>{@link Kind#ALL}: every pupil of the school (SENCO, headteacher, DSL, or a granted trust lead);
 *   <li>{@link Kind#OWN}: the pupils in the classes the person teaches or supports ({@code classIds}) and the
 *       pupils assigned to them by name ({@code staffId}, teaching assistants);
 *   <li>{@link Kind#NONE}: no pupil (governors and the trust SEND lead see aggregates only).
 * </ul>
 */
public record PupilScope(Kind kind, long schoolId, Set<Long> classIds, @Nullable Long staffId) {

  public enum Kind {
    ALL,
    OWN,
    NONE
  }

  /** A condition over the pupil table alias, with its named parameters (all prefixed {@code scope}). */
  public record Sql(String where, Map<String, Object> params) {}

  public PupilScope {
    classIds = Set.copyOf(classIds);
  }

  public static PupilScope all(long schoolId) {
    return new PupilScope(Kind.ALL, schoolId, Set.of(), null);
  }

  public static PupilScope own(long schoolId, Set<Long> classIds, @Nullable Long staffId) {
    return new PupilScope(Kind.OWN, schoolId, classIds, staffId);
  }

  public static PupilScope none(long schoolId) {
    return new PupilScope(Kind.NONE, schoolId, Set.of(), null);
  }

  /** Whether the person may see any pupil of the school by name (the header search, pupil lists). */
  public boolean seesPupils() {
    return kind == Kind.ALL || (kind == Kind.OWN && (!classIds.isEmpty() || staffId != null));
  }

  /** The condition for the pupil table aliased {@code alias}; always restricted to the school. */
  public Sql sql(String alias) {
    if (!alias.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Not a table alias: " + alias);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("scopeSchoolId", schoolId);
    String school = alias + ".school_id = :scopeSchoolId";
    return switch (kind) {
      case ALL -> new Sql(school, params);
      case NONE -> new Sql("1 = 0", Map.of());
      case OWN -> {
        StringBuilder own = new StringBuilder();
        if (!classIds.isEmpty()) {
          own.append(alias).append(".class_id in (:scopeClassIds)");
          params.put("scopeClassIds", classIds);
        }
        if (staffId != null) {
          if (!own.isEmpty()) {
            own.append(" or ");
          }
          own.append("exists (select 1 from pupil_support_staff scope_pss where scope_pss.pupil_id = ")
              .append(alias)
              .append(".id and scope_pss.staff_id = :scopeStaffId)");
          params.put("scopeStaffId", staffId);
        }
        yield own.isEmpty() ? new Sql("1 = 0", Map.of()) : new Sql(school + " and (" + own + ")", params);
      }
    };
  }
}
