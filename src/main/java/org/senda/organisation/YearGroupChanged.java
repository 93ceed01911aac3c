package org.senda.organisation;

/**
 * A year group's code, name or order changed. Published inside the transaction of the change, so that a module
 * that groups pupils by year group (progress peers across a trust match year groups by code) can mark what it
 * worked out from them as out of date in the same transaction.
 */
public record YearGroupChanged(long schoolId, long yearGroupId) {}
