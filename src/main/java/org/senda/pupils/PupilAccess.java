package org.senda.pupils;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.senda.organisation.Organisation;
import org.senda.pupils.internal.AccessGrants;
import org.senda.pupils.internal.PupilQueries;
import org.springframework.stereotype.Component;

/**
 * Need to know: the one check for pupil-level access, built on {@link Permissions}. Teachers see the pupils in the
 * classes they teach; teaching assistants the pupils assigned to them and those in the classes they support; the
 * SENCO, headteacher and DSL see their school; governors see aggregates only; the trust SEND lead sees pupils of
 * a school only while its headteacher has granted it. A pupil the person may not see is refused as "not found"
 * (404), so the refusal does not reveal that the pupil exists.
 */
@Component
public class PupilAccess {

  private final Permissions permissions;
  private final Organisation organisation;
  private final PupilQueries pupils;
  private final AccessGrants grants;
  private final Clock clock;

  PupilAccess(Permissions permissions, Organisation organisation, PupilQueries pupils, AccessGrants grants,
      Clock clock) {
    this.permissions = permissions;
    this.organisation = organisation;
    this.pupils = pupils;
    this.grants = grants;
    this.clock = clock;
  }

  /** The pupils of the school the signed-in person may see; {@link PupilScope.Kind#NONE} outside their schools. */
  public PupilScope scope(long schoolId) {
    SendaUser user = permissions.current();
    Set<org.senda.access.Role> roles = user.rolesIn(schoolId);
    if (roles.isEmpty()) {
      return PupilScope.none(schoolId);
    }
    if (permissions.can(schoolId, Permission.VIEW_ALL_PUPILS)) {
      return PupilScope.all(schoolId);
    }
    if (grants.active(user, schoolId, LocalDate.now(clock))) {
      return PupilScope.all(schoolId);
    }
    Long staffId = user.staffId();
    if (staffId != null && permissions.can(schoolId, Permission.VIEW_OWN_PUPILS)) {
      return PupilScope.own(schoolId, staffId, organisation.classesOfSql("scopeStaffId"));
    }
    return PupilScope.none(schoolId);
  }

  /** The pupil, when the signed-in person may see them; otherwise refuses with 404 ({@link AccessRefused}). */
  public PupilSummary requireView(long pupilId) {
    PupilSummary pupil = pupils.find(pupilId).orElseThrow(() -> new AccessRefused("pupil " + pupilId));
    if (!allows(scope(pupil.schoolId()), pupil)) {
      throw new AccessRefused("pupil " + pupilId);
    }
    return pupil;
  }

  /** Whether the signed-in person may see the pupil. */
  public boolean canView(long pupilId) {
    return pupils.find(pupilId).map(p -> allows(scope(p.schoolId()), p)).orElse(false);
  }

  private boolean allows(PupilScope scope, PupilSummary pupil) {
    return switch (scope.kind()) {
      case ALL -> scope.schoolId() == pupil.schoolId();
      case NONE -> false;
      case OWN -> scope.schoolId() == pupil.schoolId() && pupils.inScope(pupil.id(), scope);
    };
  }
}
