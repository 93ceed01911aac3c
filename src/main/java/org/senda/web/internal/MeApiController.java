package org.senda.web.internal;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permissions;
import org.senda.access.Role;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who the token belongs to and their roles in each school. It lives in web because it
 * joins access (the caller) with organisation (school names), and access must not depend on organisation.
 */
@RestController
class MeApiController {

  record SchoolRoles(long schoolId, String school, List<Role> roles) {}

  record Me(String email, String name, long trustId, List<SchoolRoles> roles, Set<Role> trustRoles) {}

  private final Permissions permissions;
  private final Organisation organisation;
  private final Audit audit;

  MeApiController(Permissions permissions, Organisation organisation, Audit audit) {
    this.permissions = permissions;
    this.organisation = organisation;
    this.audit = audit;
  }

  @GetMapping("/api/v1/me")
  Me me() {
    SendaUser user = permissions.current();
    List<SchoolRoles> roles = organisation.schools(user.schoolRoles().keySet()).stream()
        .map(school -> new SchoolRoles(school.id(), school.name(),
            user.schoolRoles().get(school.id()).stream().sorted().toList()))
        .toList();
    audit.record(AuditAction.VIEW, "account", user.accountId(), null, "own account over the API");
    return new Me(user.email(), user.displayName(), user.trustId(), roles, sorted(user.trustRoles()));
  }

  private static Set<Role> sorted(@Nullable Set<Role> roles) {
    return roles == null ? Set.of() : new java.util.TreeSet<>(roles);
  }
}
