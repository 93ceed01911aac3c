package org.senda.register.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.PermissionMatrix;
import org.senda.access.SendaUser;
import org.senda.web.Navigation;
import org.senda.web.NavigationItem;
import org.springframework.stereotype.Component;

/** "Register" for the school in view, and "Trust register" for people who see counts in more than one school. */
@Component
class RegisterNavigation implements Navigation {

  @Override
  public int order() {
    return 200;
  }

  @Override
  public List<NavigationItem> items(SendaUser user, @Nullable Long schoolId, String requestPath) {
    List<NavigationItem> items = new ArrayList<>();
    if (schoolId != null) {
      var roles = user.rolesIn(schoolId);
      if (PermissionMatrix.grants(roles, Permission.VIEW_ALL_PUPILS)
          || PermissionMatrix.grants(roles, Permission.VIEW_OWN_PUPILS)
          || PermissionMatrix.grants(roles, Permission.VIEW_AGGREGATES)) {
        String href = "/schools/" + schoolId + "/register";
        items.add(new NavigationItem(href, "Register", Navigation.current(requestPath, href)));
      }
    }
    long schoolsWithCounts = user.visibleSchoolIds().stream()
        .filter(id -> PermissionMatrix.grants(user.rolesIn(id), Permission.VIEW_AGGREGATES))
        .count();
    if (schoolsWithCounts > 1 || !user.trustRoles().isEmpty()) {
      items.add(new NavigationItem("/trust/register", "Trust register",
          Navigation.current(requestPath, "/trust/register")));
    }
    return items;
  }
}
