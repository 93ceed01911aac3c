package org.senda.access;

import org.jspecify.annotations.Nullable;

/** One role held by a person: in a school, or trust-wide when {@code schoolId} is null. */
public record RoleAssignment(long trustId, @Nullable Long schoolId, Role role) {}
