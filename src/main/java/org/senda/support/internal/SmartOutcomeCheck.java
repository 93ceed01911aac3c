package org.senda.support.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whether a plan's outcomes are SMART: specific, measurable, achievable, relevant and time-bound (the Code of
 * Practice 6.48 asks for "clear outcomes" reviewed against the expected impact). An outcome without a measure of
 * success, a baseline, a target or a target date cannot be reviewed, so those gaps block a plan from being made
 * active; a draft may be saved with them. Vague wording and measures without anything to count are advisory.
 */
final class SmartOutcomeCheck {

  /** Words that describe a hope rather than something an adult can see or count. */
  private static final List<String> VAGUE = List.of(
      "improve", "improves", "improved", "better", "more confident", "develop", "develops", "understand",
      "understands", "be aware", "try to", "work on", "get better");

  private static final Pattern COUNTABLE = Pattern.compile(
      "\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|all|every|each|half|most|per|times?|out of|minutes?"
          + "|words?|independently|without (help|prompt(s|ing)?|support))\\b");

  private SmartOutcomeCheck() {}

  /** Everything the check notices in a plan: blocking gaps and advisory suggestions. */
  static List<Finding> check(PlanDraft plan, LocalDate today) {
    List<Finding> findings = new ArrayList<>();
    if (plan.wave() == null || plan.wave() < 1 || plan.wave() > 3) {
      findings.add(new Finding("wave", "Select the wave of support: 1, 2 or 3", true));
    }
    if (plan.reviewDate() == null) {
      findings.add(new Finding("reviewDate", "Enter a review date", true));
    } else if (plan.reviewDate().isBefore(today)) {
      findings.add(new Finding("reviewDate", "The review date is in the past: check it is right", false));
    }
    List<OutcomeDraft> outcomes = plan.outcomes();
    if (outcomes.stream().allMatch(OutcomeDraft::isEmpty)) {
      findings.add(new Finding("outcomes", "Add at least one outcome", true));
    }
    for (int i = 0; i < outcomes.size(); i++) {
      if (!outcomes.get(i).isEmpty()) {
        findings.addAll(outcome(i, outcomes.get(i), today));
      }
    }
    return findings;
  }

  /** The findings for one outcome, its fields named {@code outcomes[i].field}. */
  static List<Finding> outcome(int index, OutcomeDraft o, LocalDate today) {
    String p = "outcomes[" + index + "].";
    List<Finding> findings = new ArrayList<>();
    if (OutcomeDraft.blank(o.description())) {
      findings.add(new Finding(p + "description", "Describe what the pupil will be able to do", true));
    } else if (vague(o.description()) != null) {
      findings.add(new Finding(p + "description", "\u2018" + vague(o.description())
          + "\u2019 is hard to measure: say what the pupil will do that an adult can see or count", false));
    }
    if (OutcomeDraft.blank(o.measure())) {
      findings.add(new Finding(p + "measure",
          "Enter how you will measure success, for example \u2018reads 30 of the first 100 words\u2019", true));
    } else if (!COUNTABLE.matcher(o.measure().toLowerCase(Locale.ROOT)).find()) {
      findings.add(new Finding(p + "measure",
          "Make the measure countable: say how many, how often or with how much help", false));
    }
    if (OutcomeDraft.blank(o.baseline())) {
      findings.add(new Finding(p + "baseline",
          "Enter the baseline: what the pupil can do now, measured the same way", true));
    }
    if (OutcomeDraft.blank(o.target())) {
      findings.add(new Finding(p + "target", "Enter the target the pupil should reach by the target date", true));
    } else if (!OutcomeDraft.blank(o.baseline()) && o.target().strip().equalsIgnoreCase(o.baseline().strip())) {
      findings.add(new Finding(p + "target", "The target is the same as the baseline: enter the progress you expect",
          true));
    }
    if (o.targetDate() == null) {
      findings.add(new Finding(p + "targetDate", "Enter a target date", true));
    } else if (o.targetDate().isBefore(today)) {
      findings.add(new Finding(p + "targetDate", "The target date is in the past: check it is right", false));
    }
    if (o.strategies().isEmpty()) {
      findings.add(new Finding(p + "strategies",
          "Add at least one strategy, so every adult knows what to do in class", false));
    }
    return findings;
  }

  static boolean blocks(List<Finding> findings) {
    return findings.stream().anyMatch(Finding::blocking);
  }

  private static @Nullable String vague(String text) {
    String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ") + " ";
    for (String word : VAGUE) {
      if (lower.contains(" " + word + " ")) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
      }
    }
    return null;
  }
}
