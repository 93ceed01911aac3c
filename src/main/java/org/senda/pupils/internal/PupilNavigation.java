package org.senda.pupils.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.PermissionMatrix;
import org.senda.access.SendaUser;
import org.senda.web.Navigation;
import org.senda.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The pupils module's links: pupils (for people who see pupils) and the import (for people who may import). */
@Component
class PupilNavigation implements Navigation {

  @Override
  public int order() {
    return 200;
  }

  @Override
  public List<NavigationItem> items(SendaUser user, @Nullable Long schoolId, String requestPath) {
    List<NavigationItem> items = new ArrayList<>();
    if (schoolId == null) {
      return items;
    }
    var roles = user.rolesIn(schoolId);
    String pupils = "/schools/" + schoolId + "/pupils";
    if (PermissionMatrix.grants(roles, Permission.VIEW_ALL_PUPILS)
        || PermissionMatrix.grants(roles, Permission.VIEW_OWN_PUPILS)) {
      items.add(new NavigationItem(pupils, "Pupils", Navigation.current(requestPath, pupils)));
    }
    String imports = "/schools/" + schoolId + "/pupil-imports";
    if (PermissionMatrix.grants(roles, Permission.IMPORT_PUPILS)) {
      items.add(new NavigationItem(imports, "Import pupils", Navigation.current(requestPath, imports)));
    }
    String access = "/schools/" + schoolId + "/pupil-access";
    if (PermissionMatrix.grants(roles, Permission.ADMINISTER_SCHOOL)
        && PermissionMatrix.grants(roles, Permission.VIEW_ALL_PUPILS)) {
      items.add(new NavigationItem(access, "Trust access", Navigation.current(requestPath, access)));
    }
    return items;
  }
}
