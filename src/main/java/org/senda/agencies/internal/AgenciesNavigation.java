package org.senda.agencies.internal;

import java.util.ArrayList;
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

/** The directory of agencies, for staff who work with pupils; the school's referrals, for those who see every pupil. */
@Component
class AgenciesNavigation implements Navigation {

  @Override
  public int order() {
    return 700;
  }

  @Override
  public List<NavigationItem> items(SendaUser user, @Nullable Long schoolId, String requestPath) {
    if (schoolId == null) {
      return List.of();
    }
    Set<Role> roles = user.rolesIn(schoolId);
    List<NavigationItem> items = new ArrayList<>();
    if (PermissionMatrix.grants(roles, Permission.VIEW_ALL_PUPILS)
        || PermissionMatrix.grants(roles, Permission.VIEW_OWN_PUPILS)
        || PermissionMatrix.grants(roles, Permission.MANAGE_SEND)
        || PermissionMatrix.grants(roles, Permission.ADMINISTER_SCHOOL)) {
      String href = "/schools/" + schoolId + "/agencies";
      items.add(new NavigationItem(href, "Agencies", Navigation.current(requestPath, href)));
    }
    if (PermissionMatrix.grants(roles, Permission.VIEW_ALL_PUPILS)
        || PermissionMatrix.grants(roles, Permission.MANAGE_SEND)) {
      String href = "/schools/" + schoolId + "/referrals";
      items.add(new NavigationItem(href, "Referrals", Navigation.current(requestPath, href)));
    }
    return items;
  }
}
