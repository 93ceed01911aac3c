package org.senda.register.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/**
 * Ending a dual registration, as typed: the pupil's last day at the provision and the version of the registration
 * the SENCO saw (so that an end recorded by someone else meanwhile is not overwritten).
 */
record EndDualRegistrationForm(@Nullable DateParts lastDay, @Nullable Integer version) {}
