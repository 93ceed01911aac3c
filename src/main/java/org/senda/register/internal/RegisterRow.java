package org.senda.register.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilFlag;
import org.senda.register.BroadArea;
import org.senda.register.SendStatus;

/**
 * One pupil on the register list.
 *
 * @param hosted the pupil is on another school's roll and attends provision this school hosts (dual registration):
 *     this school sees the register entry only, not the main school's class, flags or other records
 * @param dualRegistration the name of the provision the pupil is dual registered with, if any
 */
record RegisterRow(
    long id,
    long schoolId,
    String upn,
    String name,
    String yearCode,
    String yearName,
    @Nullable String className,
    SendStatus status,
    @Nullable String primaryNeed,
    @Nullable String secondaryNeed,
    @Nullable BroadArea broadArea,
    @Nullable LocalDate statusSince,
    boolean monitoring,
    @Nullable LocalDate monitorUntil,
    Set<PupilFlag> flags,
    @Nullable String dualRegistration,
    boolean hosted) {

  public List<String> needs() {
    if (primaryNeed == null) {
      return List.of();
    }
    return secondaryNeed == null ? List.of(primaryNeed) : List.of(primaryNeed, secondaryNeed);
  }
}
