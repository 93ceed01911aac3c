package org.senda.pupils;

/**
 * Pupil records of a school were added or changed (details, year group, admission or leaving date, context flags),
 * by hand or by an import. Published inside the transaction of the change, so that a module keeping something
 * worked out from pupil records can mark it out of date in the same transaction.
 */
public record PupilRecordsChanged(long schoolId) {}
