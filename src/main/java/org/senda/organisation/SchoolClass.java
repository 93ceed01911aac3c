package org.senda.organisation;

/** A class (form, tutor group or teaching group) in a year group. */
public record SchoolClass(long id, long schoolId, long yearGroupId, String name) {}
