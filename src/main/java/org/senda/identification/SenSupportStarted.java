package org.senda.identification;

import java.time.LocalDate;

/**
 * The SENCO decided, after a cause for concern and a discussion with the parents, that a pupil receives SEN support
 * from {@code startsOn}; parents are formally told (Children and Families Act 2014 s.68; Code of Practice 6.43).
 */
public record SenSupportStarted(long concernId, long pupilId, long schoolId, LocalDate startsOn, String reason) {}
