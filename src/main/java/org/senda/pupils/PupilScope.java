package org.senda.pupils;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which pupils of one school a person may see, as a condition other modules put into their own SQL so that a list
 * stays one query: {@code "... where " + scope.sql("p").where()} with {@code scope.sql("p").params()} bound as
 * named parameters, where {@code p} is the alias of the {@code pupil} table.
 *
 * <ul>
 *   <li>{@link Kind#ALL}: every pupil of the school (SENCO, headteacher, DSL, or a granted trust lead);
 *   <li>{@link Kind#OWN}: the pupils in the classes the member of staff ({@code staffId}) teaches or supports and
 *       the pupils assigned to them by name (teaching assistants). The classes are read inside the same statement
 *       ({@code classesSql}, a subquery of class ids over {@code :scopeStaffId}), not looked up first;
 *   <li>{@link Kind#NONE}: no pupil (governors and the trust SEND lead see aggregates only).
 * </ul>
 */
public record PupilScope(Kind kind, long schoolId, @Nullable Long staffId, @Nullable String classesSql) {

  public enum Kind {
    ALL,
    OWN,
    NONE
  }

  /** A condition over the pupil table alias, with its named parameters (all prefixed {@code scope}). */
  public record Sql(String where, Map<String, Object> params) {}

  public static PupilScope all(long schoolId) {
    return new PupilScope(Kind.ALL, schoolId, null, null);
  }

  /** The pupils of the classes in {@code classesSql} (over {@code :scopeStaffId}) and those assigned to the staff. */
  public static PupilScope own(long schoolId, long staffId, String classesSql) {
    return new PupilScope(Kind.OWN, schoolId, staffId, classesSql);
  }

  public static PupilScope none(long schoolId) {
    return new PupilScope(Kind.NONE, schoolId, null, null);
  }

  /** Whether the person may see any pupil of the school by name (the header search, pupil lists). */
  public boolean seesPupils() {
    return kind == Kind.ALL || (kind == Kind.OWN && staffId != null);
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
        if (staffId == null) {
          yield new Sql("1 = 0", Map.of());
        }
        params.put("scopeStaffId", staffId);
        StringBuilder own = new StringBuilder();
        if (classesSql != null) {
          own.append(alias).append(".class_id in (").append(classesSql).append(") or ");
        }
        own.append("exists (select 1 from pupil_support_staff scope_pss where scope_pss.pupil_id = ")
            .append(alias)
            .append(".id and scope_pss.staff_id = :scopeStaffId)");
        yield new Sql(school + " and (" + own + ")", params);
      }
    };
  }
}
