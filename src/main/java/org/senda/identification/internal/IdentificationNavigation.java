package org.senda.identification.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.PermissionMatrix;
import org.senda.access.SendaUser;
import org.senda.web.Navigation;
import org.senda.web.NavigationItem;
import org.springframework.stereotype.Component;

/**
 * The identification page, for those who see pupils by name; for those who only import data about pupils (the
 * school admin), the score and attendance imports, which the others reach from the identification page.
 */
@Component
class IdentificationNavigation implements Navigation {

  @Override
  public int order() {
    return 400;
  }

  @Override
  public List<NavigationItem> items(SendaUser user, @Nullable Long schoolId, String requestPath) {
    if (schoolId == null) {
      return List.of();
    }
    var roles = user.rolesIn(schoolId);
    if (!PermissionMatrix.grants(roles, Permission.VIEW_ALL_PUPILS)
        && !PermissionMatrix.grants(roles, Permission.VIEW_OWN_PUPILS)) {
      if (!PermissionMatrix.grants(roles, Permission.IMPORT_PUPILS)) {
        return List.of();
      }
      String scores = "/schools/" + schoolId + "/identification/assessment-imports";
      String attendance = "/schools/" + schoolId + "/identification/attendance-imports";
      return List.of(new NavigationItem(scores, "Import scores", Navigation.current(requestPath, scores)),
          new NavigationItem(attendance, "Import attendance", Navigation.current(requestPath, attendance)));
    }
    String href = "/schools/" + schoolId + "/identification";
    return List.of(new NavigationItem(href, "Identification", Navigation.current(requestPath, href)));
  }
}
