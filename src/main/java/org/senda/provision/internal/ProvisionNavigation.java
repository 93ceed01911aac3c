package org.senda.provision.internal;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.PermissionMatrix;
import org.senda.access.Role;
import org.senda.access.SendaUser;
import org.senda.web.Navigation;
import org.senda.web.NavigationItem;
import org.springframework.stereotype.Component;

/** Provision, for staff who deliver or manage it and those who see its aggregates; the trust lead's comparison. */
@Component
class ProvisionNavigation implements Navigation {

  @Override
  public int order() {
    return 600;
  }

  @Override
  public List<NavigationItem> items(SendaUser user, @Nullable Long schoolId, String requestPath) {
    if (schoolId == null) {
      if (user.trustRoles().contains(Role.TRUST_SEND_LEAD)) {
        String href = "/trust/provision/effectiveness";
        return List.of(new NavigationItem(href, "Provision", Navigation.current(requestPath, href)));
      }
      return List.of();
    }
    Set<Role> roles = user.rolesIn(schoolId);
    if (!PermissionMatrix.grants(roles, Permission.VIEW_ALL_PUPILS)
        && !PermissionMatrix.grants(roles, Permission.VIEW_OWN_PUPILS)
        && !PermissionMatrix.grants(roles, Permission.VIEW_AGGREGATES)) {
      return List.of();
    }
    String href = "/schools/" + schoolId + "/provision";
    return List.of(new NavigationItem(href, "Provision", Navigation.current(requestPath, href)));
  }
}
