package org.senda.provision.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The provision settings as typed, in pounds: the notional threshold and the hourly staff costs. */
record ProvisionSettingsForm(@Nullable String notionalThreshold, @Nullable String teachingAssistant,
    @Nullable String teacher, @Nullable String senco, @Nullable String headteacher, @Nullable String dsl,
    @Nullable String schoolAdmin, @Nullable Integer version) {

  static ProvisionSettingsForm of(ProvisionService.Settings settings, List<ProvisionService.Rate> rates) {
    Map<String, String> r = new LinkedHashMap<>();
    rates.forEach(rate -> r.put(rate.role(), Money.pounds(rate.pencePerHour())));
    return new ProvisionSettingsForm(Money.pounds(settings.notionalThresholdPence()), r.get("TEACHING_ASSISTANT"),
        r.get("TEACHER"), r.get("SENCO"), r.get("HEADTEACHER"), r.get("DSL"), r.get("SCHOOL_ADMIN"),
        settings.version());
  }

  /** The hourly rates by role, in pence, keyed by the form field they were typed in. */
  Map<String, String> rateFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("TEACHING_ASSISTANT", "teachingAssistant");
    fields.put("TEACHER", "teacher");
    fields.put("SENCO", "senco");
    fields.put("HEADTEACHER", "headteacher");
    fields.put("DSL", "dsl");
    fields.put("SCHOOL_ADMIN", "schoolAdmin");
    return fields;
  }

  Map<String, Long> rates() {
    Map<String, Long> rates = new LinkedHashMap<>();
    List<String> typed = java.util.Arrays.asList(teachingAssistant, teacher, senco, headteacher, dsl, schoolAdmin);
    int i = 0;
    for (String role : rateFields().keySet()) {
      rates.put(role, Money.pence(typed.get(i++)));
    }
    return rates;
  }

  List<ProvisionInvalid.FieldError> problems() {
    List<ProvisionInvalid.FieldError> problems = new ArrayList<>();
    Long threshold = Money.pence(notionalThreshold);
    if (threshold == null) {
      problems.add(new ProvisionInvalid.FieldError("notionalThreshold",
          "Enter the notional threshold in pounds, like 6000"));
    } else if (threshold > 10_000_000L) {
      problems.add(new ProvisionInvalid.FieldError("notionalThreshold",
          "Notional threshold must be between £0 and £100,000"));
    }
    Map<String, Long> rates = rates();
    rateFields().forEach((role, field) -> {
      Long pence = rates.get(role);
      if (pence == null) {
        problems.add(new ProvisionInvalid.FieldError(field, "Enter the hourly cost in pounds, like 15.50"));
      } else if (pence > 100_000) {
        problems.add(new ProvisionInvalid.FieldError(field, "Hourly cost must be between £0 and £1,000"));
      }
    });
    return problems;
  }
}
