package org.senda.provision.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The catalogue entry page as typed: text, so that what was typed is shown again beside its message. */
record InterventionForm(@Nullable String name, @Nullable String areaOfNeed, @Nullable String description,
    @Nullable String evidenceLink, @Nullable String defaultGroupSize, @Nullable String sessionsPerWeek,
    @Nullable String minutesPerSession, @Nullable String lengthWeeks, @Nullable String resourcesCost,
    @Nullable String entryExitMeasure, @Nullable String deliveredByRole, @Nullable Integer version) {

  static InterventionForm empty() {
    return new InterventionForm("", "", "", "", "", "", "", "", "0.00", "", "TEACHING_ASSISTANT", 0);
  }

  static InterventionForm of(Intervention i) {
    return new InterventionForm(i.name(), i.areaOfNeed(), i.description(), i.evidenceLink(),
        String.valueOf(i.defaultGroupSize()), String.valueOf(i.sessionsPerWeek()),
        String.valueOf(i.minutesPerSession()), String.valueOf(i.lengthWeeks()), Money.pounds(i.resourcesCostPence()),
        i.entryExitMeasure(), i.deliveredByRole(), i.version());
  }

  /** A school's own entry filled in from one shared across the trust, named so the two are told apart. */
  static InterventionForm copyOf(Intervention shared) {
    InterventionForm copy = of(shared);
    String name = shared.name() + " (our version)";
    return new InterventionForm(name.length() > 200 ? shared.name() : name, copy.areaOfNeed(), copy.description(),
        copy.evidenceLink(), copy.defaultGroupSize(), copy.sessionsPerWeek(), copy.minutesPerSession(),
        copy.lengthWeeks(), copy.resourcesCost(), copy.entryExitMeasure(), copy.deliveredByRole(), 0);
  }

  /** Numbers that are not numbers, named by field; the service checks the rest. */
  List<ProvisionInvalid.FieldError> problems() {
    List<ProvisionInvalid.FieldError> problems = new ArrayList<>();
    Whole.check(problems, "defaultGroupSize", "Default group size", defaultGroupSize);
    Whole.check(problems, "sessionsPerWeek", "Sessions per week", sessionsPerWeek);
    Whole.check(problems, "minutesPerSession", "Minutes per session", minutesPerSession);
    Whole.check(problems, "lengthWeeks", "Length in weeks", lengthWeeks);
    if (Money.pence(resourcesCost) == null) {
      problems.add(new ProvisionInvalid.FieldError("resourcesCost",
          "Enter the resources cost in pounds, like 29.95 (0 if there is none)"));
    }
    return problems;
  }

  ProvisionService.InterventionDraft draft() {
    return new ProvisionService.InterventionDraft(name, areaOfNeed, description, evidenceLink,
        Whole.parse(defaultGroupSize), Whole.parse(sessionsPerWeek), Whole.parse(minutesPerSession),
        Whole.parse(lengthWeeks), Money.pence(resourcesCost), entryExitMeasure, deliveredByRole, false);
  }
}
