package org.senda.audit.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.PermissionMatrix;
import org.senda.access.SendaUser;
import org.senda.web.Navigation;
import org.senda.web.NavigationItem;
import org.springframework.stereotype.Component;

/** "Audit log" in the navigation for people who may search it: the trust's log, or the school's in view. */
@Component
class AuditNavigation implements Navigation {

  @Override
  public int order() {
    return 900;
  }

  @Override
  public List<NavigationItem> items(SendaUser user, @Nullable Long schoolId, String requestPath) {
    String href;
    if (PermissionMatrix.grants(user.trustRoles(), Permission.VIEW_AUDIT)) {
      href = "/audit";
    } else if (schoolId != null && PermissionMatrix.grants(user.rolesIn(schoolId), Permission.VIEW_AUDIT)) {
      href = "/schools/" + schoolId + "/audit";
    } else {
      return List.of();
    }
    return List.of(new NavigationItem(href, "Audit log", Navigation.current(requestPath, href)));
  }
}
