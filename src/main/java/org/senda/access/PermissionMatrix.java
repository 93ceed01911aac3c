package org.senda.access;

import static org.senda.access.Permission.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which role may do what in a school. Pupil-level rights follow the seeds: the SENCO, headteacher and DSL see
 * the school; a teacher sees the pupils they teach, a TA the pupils they support; governors and the trust SEND
 * lead see aggregates only unless a pupil-level right is granted.
 */
public final class PermissionMatrix {

  private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Role.class);

  static {
    GRANTS.put(Role.TRUST_SEND_LEAD, EnumSet.of(VIEW_SCHOOL, VIEW_STAFF, VIEW_AGGREGATES, VIEW_AUDIT, ADMINISTER_TRUST));
    GRANTS.put(
        Role.HEADTEACHER,
        EnumSet.of(
            VIEW_SCHOOL,
            VIEW_STAFF,
            ADMINISTER_SCHOOL,
            VIEW_AUDIT,
            VIEW_ALL_PUPILS,
            VIEW_AGGREGATES,
            MANAGE_SEND,
            IMPORT_PUPILS));
    GRANTS.put(
        Role.SENCO, EnumSet.of(VIEW_SCHOOL, VIEW_STAFF, VIEW_ALL_PUPILS, VIEW_AGGREGATES, MANAGE_SEND, IMPORT_PUPILS));
    GRANTS.put(Role.TEACHER, EnumSet.of(VIEW_SCHOOL, VIEW_STAFF, VIEW_OWN_PUPILS));
    GRANTS.put(Role.TEACHING_ASSISTANT, EnumSet.of(VIEW_SCHOOL, VIEW_OWN_PUPILS));
    GRANTS.put(Role.DSL, EnumSet.of(VIEW_SCHOOL, VIEW_STAFF, VIEW_ALL_PUPILS, VIEW_AGGREGATES));
    GRANTS.put(Role.SCHOOL_ADMIN, EnumSet.of(VIEW_SCHOOL, VIEW_STAFF, ADMINISTER_SCHOOL, IMPORT_PUPILS));
    GRANTS.put(Role.GOVERNOR, EnumSet.of(VIEW_SCHOOL, VIEW_AGGREGATES));
  }

  private PermissionMatrix() {}

  /** Whether any of the roles grants the permission. */
  public static boolean grants(Set<Role> roles, Permission permission) {
    for (Role role : roles) {
      if (GRANTS.get(role).contains(permission)) {
        return true;
      }
    }
    return false;
  }

  /** Everything a role may do. */
  public static Set<Permission> of(Role role) {
    return EnumSet.copyOf(GRANTS.get(role));
  }
}
