/**
 * Trusts and their schools, each school's academic years with terms and holidays (deadlines and review cycles
 * depend on them), year groups, classes, and staff with their roles.
 */
@ApplicationModule(displayName = "Trusts and schools")
@NullMarked
package org.senda.organisation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
