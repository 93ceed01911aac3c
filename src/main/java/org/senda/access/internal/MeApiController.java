package org.senda.access.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.senda.access.Permissions;
import org.senda.access.Role;
import org.senda.access.RoleDirectory;
import org.senda.access.SendaUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who the token belongs to and their roles in each school. School names come through
 * {@link RoleDirectory} (which the organisation module provides), so access does not depend on organisation.
 * It tells callers only about their own account, so it writes no audit entry.
 */
@RestController
class MeApiController {

  record SchoolRoles(long schoolId, String school, List<Role> roles) {}

  record Me(String email, String name, long trustId, List<SchoolRoles> roles, Set<Role> trustRoles) {}

  private final Permissions permissions;
  private final RoleDirectory directory;

  MeApiController(Permissions permissions, RoleDirectory directory) {
    this.permissions = permissions;
    this.directory = directory;
  }

  @GetMapping("/api/v1/me")
  Me me() {
    SendaUser user = permissions.current();
    Map<Long, String> names = directory.schoolNames(user.schoolRoles().keySet());
    List<SchoolRoles> roles = names.entrySet().stream()
        .map(school -> new SchoolRoles(school.getKey(), school.getValue(),
            user.schoolRoles().get(school.getKey()).stream().sorted().toList()))
        .toList();
    return new Me(user.email(), user.displayName(), user.trustId(), roles, new TreeSet<>(user.trustRoles()));
  }
}
