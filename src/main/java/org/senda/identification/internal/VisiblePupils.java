package org.senda.identification.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongPredicate;
import org.senda.access.ActionForbidden;
import org.senda.access.Permissions;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilScope;
import org.senda.pupils.PupilSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Need to know for lists computed in memory: the pupils of a school the signed-in person may see, as a predicate
 * over pupil ids (one query for a teacher's classes, none for the SENCO and headteacher).
 */
@Component
class VisiblePupils {

  private final Permissions permissions;
  private final PupilAccess access;
  private final JdbcClient jdbc;

  VisiblePupils(Permissions permissions, PupilAccess access, JdbcClient jdbc) {
    this.permissions = permissions;
    this.access = access;
    this.jdbc = jdbc;
  }

  /** Refuses with 404 outside the person's schools and 403 when their role sees no pupils by name. */
  LongPredicate in(long schoolId) {
    permissions.requireSchool(schoolId);
    PupilScope scope = access.scope(schoolId);
    if (!scope.seesPupils()) {
      throw new ActionForbidden("pupils of school " + schoolId);
    }
    if (scope.kind() == PupilScope.Kind.ALL) {
      return id -> true;
    }
    PupilScope.Sql sql = scope.sql("p");
    Set<Long> ids = new HashSet<>(
        jdbc.sql("select p.id from pupil p where " + sql.where()).params(sql.params()).query(Long.class).list());
    return ids::contains;
  }

  /** The pupil, when they belong to the school and the signed-in person may see them; 404 otherwise. */
  PupilSummary pupilIn(long schoolId, long pupilId) {
    permissions.requireSchool(schoolId);
    PupilSummary pupil = access.requireView(pupilId);
    return pupil.requireSchool(schoolId);
  }
}
