package org.senda.organisation;

/** A school as other modules and the header see it. */
public record SchoolSummary(long id, long trustId, String name, String urn, String dfeNumber, Phase phase,
    String localAuthority) {}
