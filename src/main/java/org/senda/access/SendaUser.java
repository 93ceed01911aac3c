package org.senda.access;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in person as every page and API call sees them: who they are and which roles they hold where.
 * Kept in the session (serialisable, so sessions can live in the database and any node can serve them).
 *
 * @param accountId the sign-in account
 * @param staffId the staff record behind the account, when the person is staff
 * @param trustId the trust the person works for
 * @param schoolRoles roles per school id
 * @param trustRoles trust-wide roles
 * @param trustSchoolIds the schools of the trust, for trust-wide roles
 */
public record SendaUser(
    long accountId,
    @Nullable Long staffId,
    String email,
    String displayName,
    long trustId,
    Map<Long, Set<Role>> schoolRoles,
    Set<Role> trustRoles,
    Set<Long> trustSchoolIds)
    implements Principal, Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  public SendaUser {
    Map<Long, Set<Role>> copy = new TreeMap<>();
    schoolRoles.forEach((school, roles) -> copy.put(school, Set.copyOf(roles)));
    schoolRoles = Map.copyOf(copy);
    trustRoles = trustRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(trustRoles));
    trustSchoolIds = Set.copyOf(trustSchoolIds);
  }

  /** Builds a user from role assignments. */
  public static SendaUser of(
      long accountId,
      @Nullable Long staffId,
      String email,
      String displayName,
      long trustId,
      List<RoleAssignment> roles,
      Set<Long> trustSchoolIds) {
    Map<Long, Set<Role>> bySchool = new TreeMap<>();
    Set<Role> trustWide = EnumSet.noneOf(Role.class);
    for (RoleAssignment assignment : roles) {
      if (assignment.schoolId() == null) {
        trustWide.add(assignment.role());
      } else {
        bySchool.computeIfAbsent(assignment.schoolId(), s -> EnumSet.noneOf(Role.class)).add(assignment.role());
      }
    }
    return new SendaUser(accountId, staffId, email, displayName, trustId, bySchool, trustWide, trustSchoolIds);
  }

  @Override
  public String getName() {
    return email;
  }

  /** The roles held in a school, including trust-wide roles when the school is in the person's trust. */
  public Set<Role> rolesIn(long schoolId) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    roles.addAll(schoolRoles.getOrDefault(schoolId, Set.of()));
    if (trustSchoolIds.contains(schoolId)) {
      roles.addAll(trustRoles);
    }
    return roles;
  }

  /** Whether the person holds a role in the school (directly or trust-wide). */
  public boolean hasRoleIn(long schoolId, Role role) {
    return rolesIn(schoolId).contains(role);
  }

  /** The schools in which the person holds any role. */
  public Set<Long> visibleSchoolIds() {
    if (!trustRoles.isEmpty()) {
      return trustSchoolIds;
    }
    return schoolRoles.keySet();
  }
}
