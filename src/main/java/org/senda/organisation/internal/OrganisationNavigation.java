package org.senda.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.PermissionMatrix;
import org.senda.access.SendaUser;
import org.senda.web.Navigation;
import org.senda.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The organisation module's links: the school's overview and the admin pages the person's roles allow. */
@Component
class OrganisationNavigation implements Navigation {

  @Override
  public int order() {
    return 100;
  }

  @Override
  public List<NavigationItem> items(SendaUser user, @Nullable Long schoolId, String requestPath) {
    List<NavigationItem> items = new ArrayList<>();
    if (!user.trustRoles().isEmpty()) {
      items.add(item("/trust", "Trust", requestPath));
    }
    if (schoolId == null) {
      return items;
    }
    var roles = user.rolesIn(schoolId);
    String school = "/schools/" + schoolId;
    items.add(new NavigationItem(school, "School", requestPath.equals(school)));
    if (PermissionMatrix.grants(roles, Permission.VIEW_STAFF)) {
      items.add(item(school + "/staff", "Staff", requestPath));
    }
    items.add(item(school + "/classes", "Classes", requestPath));
    items.add(item(school + "/calendar", "Calendar", requestPath));
    if (SchoolAdministration.allowed(roles)) {
      items.add(item(school + "/year-groups", "Year groups", requestPath));
    }
    return items;
  }

  private static NavigationItem item(String href, String text, String requestPath) {
    return new NavigationItem(href, text, Navigation.current(requestPath, href));
  }
}
