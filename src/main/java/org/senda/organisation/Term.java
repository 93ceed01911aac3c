package org.senda.organisation;

import java.time.LocalDate;

/** A term of a school's academic year, e.g. "Autumn term" of "2026/27". */
public record Term(long id, long schoolId, String academicYear, String name, LocalDate startsOn, LocalDate endsOn) {}
