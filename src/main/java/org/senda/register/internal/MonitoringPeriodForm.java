package org.senda.register.internal;

import org.jspecify.annotations.Nullable;

/** The school's monitoring period in months, as typed, and the version of the setting the person saw. */
record MonitoringPeriodForm(@Nullable String months, int version) {}
