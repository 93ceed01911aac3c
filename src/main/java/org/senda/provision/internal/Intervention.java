package org.senda.provision.internal;

import org.jspecify.annotations.Nullable;

/** An entry of the catalogue; {@code schoolId} is null when it is shared across the trust. */
record Intervention(long id, long trustId, @Nullable Long schoolId, String name, String areaOfNeed,
    @Nullable String description, @Nullable String evidenceLink, int defaultGroupSize, int sessionsPerWeek,
    int minutesPerSession, int lengthWeeks, long resourcesCostPence, @Nullable String entryExitMeasure,
    String deliveredByRole, int version) {

  public String areaTitle() {
    return ProvisionMapController.area(areaOfNeed);
  }

  public boolean sharedAcrossTrust() {
    return schoolId == null;
  }
}
