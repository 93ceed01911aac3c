package org.senda.support.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.PermissionMatrix;
import org.senda.access.SendaUser;
import org.senda.web.Navigation;
import org.senda.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The SENCO's list of overdue reviews and meetings (and from there the support settings). */
@Component
class SupportNavigation implements Navigation {

  @Override
  public int order() {
    return 500;
  }

  @Override
  public List<NavigationItem> items(SendaUser user, @Nullable Long schoolId, String requestPath) {
    if (schoolId == null) {
      return List.of();
    }
    var roles = user.rolesIn(schoolId);
    if (!PermissionMatrix.grants(roles, Permission.MANAGE_SEND)
        || !PermissionMatrix.grants(roles, Permission.VIEW_ALL_PUPILS)) {
      return List.of();
    }
    String href = "/schools/" + schoolId + "/support";
    return List.of(new NavigationItem(href + "/overdue", "SEN support", Navigation.current(requestPath, href)));
  }
}
