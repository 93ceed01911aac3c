package org.senda.organisation;

/** A year group in a school, e.g. code "Y3", name "Year 3"; ordinal orders them (Nursery and Reception first). */
public record YearGroup(long id, long schoolId, String code, String name, int ordinal) {}
