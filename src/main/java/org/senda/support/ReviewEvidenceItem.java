package org.senda.support;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One piece of evidence for a review, e.g. "Speech and language therapy report, from Ms Patel (SALT), received
 * 3 March 2027" with a short summary of the advice, or "Toe by Toe: reading age 7y2m to 7y9m".
 *
 * @param title what it is
 * @param from who it came from (a professional and service, or the intervention group)
 * @param receivedOn when it was received or measured
 * @param summary the advice or the result in a sentence or two, if known
 * @param href a page where staff with the right to see it can read the whole, if there is one
 */
public record ReviewEvidenceItem(String title, String from, LocalDate receivedOn, @Nullable String summary,
    @Nullable String href) {}
