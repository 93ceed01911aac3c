package org.senda.organisation.internal;

import java.util.Set;
import org.senda.access.ActionForbidden;
import org.senda.access.Permission;
import org.senda.access.PermissionMatrix;
import org.senda.access.Permissions;
import org.senda.access.Role;
import org.senda.access.SendaUser;
import org.springframework.stereotype.Component;

/**
 * Who may administer a school: those whose role there grants {@link Permission#ADMINISTER_SCHOOL} (headteacher,
 * school administrator) and those who administer the trust, who set up a new school before it has any staff.
 */
@Component
class SchoolAdministration {

  private final Permissions permissions;

  SchoolAdministration(Permissions permissions) {
    this.permissions = permissions;
  }

  static boolean allowed(Set<Role> roles) {
    return PermissionMatrix.grants(roles, Permission.ADMINISTER_SCHOOL)
        || PermissionMatrix.grants(roles, Permission.ADMINISTER_TRUST);
  }

  /** Refuses with 404 when the school is not visible and 403 when the person may not administer it. */
  SendaUser require(long schoolId) {
    SendaUser user = permissions.requireSchool(schoolId);
    if (!allowed(user.rolesIn(schoolId))) {
      throw new ActionForbidden("administer school " + schoolId);
    }
    return user;
  }

  boolean can(long schoolId) {
    return permissions.canSee(schoolId) && allowed(permissions.current().rolesIn(schoolId));
  }
}
