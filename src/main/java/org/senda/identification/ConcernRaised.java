package org.senda.identification;

import java.time.LocalDate;
import java.util.Set;

/** A teacher raised a cause for concern about a pupil; the SENCO triages it. */
public record ConcernRaised(long concernId, long pupilId, long schoolId, LocalDate raisedOn, Set<String> areas) {}
