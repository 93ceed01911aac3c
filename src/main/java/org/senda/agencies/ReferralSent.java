package org.senda.agencies;

import java.time.LocalDate;

/**
 * A referral to an external agency was sent, with the parents' consent recorded. Once the change has committed, the
 * parents with parental responsibility are sent a copy of the referral with the date it was sent.
 */
public record ReferralSent(long referralId, long pupilId, long schoolId, LocalDate sentOn) {}
