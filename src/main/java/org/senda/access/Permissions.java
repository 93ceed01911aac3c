package org.senda.access;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place where Senda decides who may see and do what. Pages and the API call the same methods, so a
 * rule is enforced the same way everywhere.
 *
 * <p>A school the person has no role in is refused as "not found" (404), so its existence is not revealed; an
 * action their role does not allow in a school they can see is refused as forbidden (403).
 */
@Component
public class Permissions {

  /** The signed-in person; refuses when nobody is signed in. */
  public SendaUser current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || !(authentication.getPrincipal() instanceof SendaUser user)) {
      throw new AccessRefused("nobody is signed in");
    }
    return user;
  }

  /** Whether the signed-in person can see the school at all. */
  public boolean canSee(long schoolId) {
    return !current().rolesIn(schoolId).isEmpty();
  }

  /** Whether the signed-in person may do something in a school. */
  public boolean can(long schoolId, Permission permission) {
    return PermissionMatrix.grants(current().rolesIn(schoolId), permission);
  }

  /** Refuses (404) unless the signed-in person can see the school. */
  public SendaUser requireSchool(long schoolId) {
    SendaUser user = current();
    if (user.rolesIn(schoolId).isEmpty()) {
      throw new AccessRefused("school " + schoolId);
    }
    return user;
  }

  /** Refuses with 404 when the school is not visible and 403 when the role does not allow the action. */
  public SendaUser require(long schoolId, Permission permission) {
    SendaUser user = requireSchool(schoolId);
    if (!PermissionMatrix.grants(user.rolesIn(schoolId), permission)) {
      throw new ActionForbidden(permission + " in school " + schoolId);
    }
    return user;
  }

  /** Whether the person may do something anywhere in their trust (e.g. trust-wide reports). */
  public boolean canAcrossTrust(Permission permission) {
    return PermissionMatrix.grants(current().trustRoles(), permission);
  }

  /** Refuses (403) unless a trust-wide role grants the permission. */
  public SendaUser requireAcrossTrust(Permission permission) {
    SendaUser user = current();
    if (!PermissionMatrix.grants(user.trustRoles(), permission)) {
      throw new ActionForbidden(permission + " across the trust");
    }
    return user;
  }
}
