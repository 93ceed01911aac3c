package org.senda.pupils.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** The pupil details form, as typed (so that it can be shown back with messages). */
record PupilForm(
    @Nullable String legalForename,
    @Nullable String legalSurname,
    @Nullable String preferredForename,
    @Nullable String preferredSurname,
    @Nullable DateParts dateOfBirth,
    @Nullable String sex,
    @Nullable String yearGroupId,
    @Nullable String classId,
    @Nullable DateParts admissionDate,
    @Nullable DateParts leavingDate,
    @Nullable List<String> flags,
    @Nullable String virtualSchoolContact,
    int version) {

  static PupilForm of(PupilRecords.Details d) {
    List<String> flags = new java.util.ArrayList<>();
    if (d.eal()) flags.add("EAL");
    if (d.pupilPremium()) flags.add("PUPIL_PREMIUM");
    if (d.freeSchoolMeals()) flags.add("FREE_SCHOOL_MEALS");
    if (d.lookedAfter()) flags.add("LOOKED_AFTER");
    if (d.medicalCondition()) flags.add("MEDICAL_CONDITION");
    if (d.youngCarer()) flags.add("YOUNG_CARER");
    if (d.serviceChild()) flags.add("SERVICE_CHILD");
    return new PupilForm(d.legalForename(), d.legalSurname(), d.preferredForename(), d.preferredSurname(),
        DateParts.of(d.dateOfBirth()), d.sex() == null ? "" : d.sex(), String.valueOf(d.yearGroupId()),
        d.classId() == null ? "" : String.valueOf(d.classId()), DateParts.of(d.admissionDate()),
        DateParts.of(d.leavingDate()), flags, d.virtualSchoolContact(), d.version());
  }

  boolean has(String flag) {
    return flags != null && flags.contains(flag);
  }
}
