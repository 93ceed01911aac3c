package org.senda.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where access learns who holds which role. The organisation module owns staff and their roles and provides
 * this; access depends only on this interface, so the two modules do not depend on each other in a cycle.
 */
public interface RoleDirectory {

  /** The roles of a staff member, in each school and trust-wide. */
  List<RoleAssignment> rolesOf(long staffId);

  /** The ids of the schools in a trust. */
  Set<Long> schoolsOfTrust(long trustId);

  /** The names of these schools, by id (for the caller's own roles in {@code GET /api/v1/me}). */
  Map<Long, String> schoolNames(Collection<Long> schoolIds);

  /** The trust a school belongs to, or -1 when the school does not exist. */
  long trustOfSchool(long schoolId);
}
