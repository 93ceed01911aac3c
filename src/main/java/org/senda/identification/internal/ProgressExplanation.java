package org.senda.identification.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The numbers behind a pupil's result, so that a SENCO, a teacher and a parent can see why a flag was raised and
 * check it: nothing about a flag is hidden in the rule.
 *
 * @param points the assessment points shown, oldest first
 * @param pupilScores the pupil's score at each point (null where none was recorded)
 * @param peerMedianScores the year group's median score at each point, the line the gap is measured from
 * @param peerGroup which pupils the comparison uses, in words, e.g. "Year 4 in this school"
 * @param cohortSize how many pupils in that year group have scores at the start and end of the window
 * @param bandFrom lowest starting score of the peers from a similar baseline
 * @param bandTo highest starting score of the peers from a similar baseline
 * @param bandSize how many peers started within the band (including the pupil)
 * @param pupilProgress the pupil's change in score over the window
 * @param peerMedianProgress the median change of the peers from a similar baseline
 * @param slowerThreshold progress below this counts as significantly slower than peers
 * @param previousRelativeProgress the pupil's progress over the previous window less the year group's
 * @param currentRelativeProgress the pupil's progress over this window less the year group's
 * @param gapAtStart the year group's median score less the pupil's, at the start of the window
 * @param gapAtEnd the same at the end of the window
 * @param notes plain-English notes, e.g. why a test could not be applied
 */
public record ProgressExplanation(
    List<String> points,
    List<@Nullable Double> pupilScores,
    List<@Nullable Double> peerMedianScores,
    String peerGroup,
    int cohortSize,
    @Nullable Double bandFrom,
    @Nullable Double bandTo,
    int bandSize,
    double pupilProgress,
    @Nullable Double peerMedianProgress,
    @Nullable Double slowerThreshold,
    @Nullable Double previousRelativeProgress,
    @Nullable Double currentRelativeProgress,
    @Nullable Double gapAtStart,
    @Nullable Double gapAtEnd,
    List<String> notes) {}
