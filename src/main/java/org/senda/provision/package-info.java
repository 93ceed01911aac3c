/**
 * Provision mapping: the intervention catalogue (per school, with entries shared across the trust), provision
 * groups delivered by named staff to named pupils, their sessions and attendance, what they cost (planned from the
 * schedule and the school calendar, actual from the sessions delivered) and each pupil's provision history.
 */
@ApplicationModule(displayName = "Provision")
@NullMarked
package org.senda.provision;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
