package org.senda.register;

/** A need of a pupil: rank 1 is the primary need, rank 2 the secondary need ("SENtypeRank"). */
public record RankedNeed(String code, int rank) {}
