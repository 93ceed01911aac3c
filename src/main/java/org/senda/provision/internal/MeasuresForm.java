package org.senda.provision.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A pupil's entry and exit measures and exit target in a group, as typed. */
record MeasuresForm(@Nullable String entry, @Nullable String exit, @Nullable String exitTarget) {

  static MeasuresForm of(ProvisionReports.GroupPupil p) {
    return new MeasuresForm(text(p.entryMeasure()), text(p.exitMeasure()), text(p.exitTarget()));
  }

  private static String text(@Nullable BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  List<ProvisionInvalid.FieldError> problems() {
    List<ProvisionInvalid.FieldError> problems = new ArrayList<>();
    check(problems, "entry", "Entry measure", entry);
    check(problems, "exit", "Exit measure", exit);
    check(problems, "exitTarget", "Exit target", exitTarget);
    return problems;
  }

  private static void check(List<ProvisionInvalid.FieldError> problems, String field, String label,
      @Nullable String text) {
    if (text != null && !text.isBlank() && number(text) == null) {
      problems.add(new ProvisionInvalid.FieldError(field, label + " must be a number, like 84 or 12.5"));
    }
  }

  static @Nullable BigDecimal number(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  ProvisionService.MeasuresDraft draft() {
    return new ProvisionService.MeasuresDraft(number(entry), number(exit), number(exitTarget));
  }
}
