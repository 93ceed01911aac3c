package org.senda.identification.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A subject and its scale as typed on the SENCO's page. The school's own steps are typed one a line, lowest first,
 * each optionally with the number it counts as ("Expected = 2"); without numbers the steps count 1, 2, 3...
 *
 * @param active "true" while the school assesses the subject
 */
record SubjectForm(
    @Nullable String code,
    @Nullable String name,
    @Nullable String scale,
    @Nullable String scaleMin,
    @Nullable String scaleMax,
    @Nullable String steps,
    @Nullable String active,
    @Nullable Integer version) {

  record Problem(String field, String message) {}

  static SubjectForm blank() {
    return new SubjectForm("", "", "STANDARDISED", "55", "145", "", "true", 0);
  }

  boolean isActive() {
    return !"false".equals(active);
  }

  /** The steps as typed, lowest first, each with its number; empty when the text has a problem. */
  Map<String, Double> parsedSteps() {
    Map<String, Double> parsed = new LinkedHashMap<>();
    if (steps == null) {
      return parsed;
    }
    int position = 0;
    for (String line : steps.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      position++;
      int equals = line.lastIndexOf('=');
      String label = (equals < 0 ? line : line.substring(0, equals)).trim();
      double value = position;
      if (equals >= 0) {
        try {
          value = Double.parseDouble(line.substring(equals + 1).trim());
        } catch (NumberFormatException e) {
          value = Double.NaN;
        }
      }
      parsed.put(label, value);
    }
    return parsed;
  }

  /** What is wrong with the form; {@code otherCodes} are the codes of the school's other subjects. */
  List<Problem> problems(Set<String> otherCodes, boolean creating) {
    List<Problem> problems = new ArrayList<>();
    String typedCode = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    if (creating) {
      if (typedCode.isEmpty()) {
        problems.add(new Problem("code", "Enter a short code for the subject, like reading"));
      } else if (!typedCode.matches("[a-z][a-z0-9-]{0,29}")) {
        problems.add(new Problem("code",
            "The code must start with a letter and use only letters, numbers and hyphens (30 at most)"));
      } else if (otherCodes.contains(typedCode)) {
        problems.add(new Problem("code", "The school already has a subject with the code " + typedCode));
      }
    }
    if (name == null || name.isBlank()) {
      problems.add(new Problem("name", "Enter the name of the subject"));
    } else if (name.trim().length() > 60) {
      problems.add(new Problem("name", "The name must be 60 characters or fewer"));
    }
    Scale chosen = chosenScale();
    if (chosen == null) {
      problems.add(new Problem("scale", "Select how the subject is scored"));
    } else if (chosen == Scale.STEPS) {
      stepProblems(problems);
    } else {
      Double min = number(scaleMin);
      Double max = number(scaleMax);
      if (min == null) {
        problems.add(new Problem("scaleMin", "Enter the lowest score as a number"));
      }
      if (max == null) {
        problems.add(new Problem("scaleMax", "Enter the highest score as a number"));
      }
      if (min != null && max != null && min >= max) {
        problems.add(new Problem("scaleMax", "The highest score must be more than the lowest score"));
      }
    }
    return problems;
  }

  private void stepProblems(List<Problem> problems) {
    List<String> lines = steps == null ? List.of()
        : steps.lines().filter(l -> !l.isBlank()).toList();
    if (lines.size() < 2) {
      problems.add(new Problem("steps", "Enter at least 2 steps, one a line, lowest first"));
      return;
    }
    Set<String> labels = new HashSet<>();
    Map<String, Double> parsed = parsedSteps();
    double previous = Double.NEGATIVE_INFINITY;
    for (String line : lines) {
      int equals = line.lastIndexOf('=');
      String label = (equals < 0 ? line : line.substring(0, equals)).trim();
      if (label.isEmpty() || label.length() > 40) {
        problems.add(new Problem("steps", "Each step needs a name of 40 characters or fewer"));
        return;
      }
      if (!labels.add(label.toLowerCase(Locale.ROOT))) {
        problems.add(new Problem("steps", "Each step must have a different name: " + label + " is there twice"));
        return;
      }
      if (label.matches("-?\\d+(\\.\\d+)?")) {
        problems.add(new Problem("steps", "A step's name cannot be a number: " + label));
        return;
      }
      Double value = parsed.get(label);
      if (value == null || value.isNaN()) {
        problems.add(new Problem("steps", "The number after = must be a number, like Expected = 2"));
        return;
      }
      if (value <= previous) {
        problems.add(new Problem("steps", "Each step's number must be higher than the step before: " + label));
        return;
      }
      previous = value;
    }
  }

  @Nullable Scale chosenScale() {
    for (Scale s : Scale.values()) {
      if (s.name().equals(scale)) {
        return s;
      }
    }
    return null;
  }

  static @Nullable Double number(@Nullable String text) {
    try {
      double value = Double.parseDouble(text == null ? "" : text.trim());
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
