package org.senda.provision.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** A session as typed: the date, delivered or cancelled (with the reason), minutes and who attended. */
record SessionForm(@Nullable DateParts date, @Nullable String outcome, @Nullable String cancelledReason,
    @Nullable String minutes, @Nullable List<String> attended) {

  static SessionForm of(java.time.LocalDate today, int minutes, List<Long> pupils) {
    return new SessionForm(DateParts.of(today), "delivered", "", String.valueOf(minutes),
        pupils.stream().map(String::valueOf).toList());
  }

  List<String> attendedIds() {
    return attended == null ? List.of() : attended;
  }

  List<ProvisionInvalid.FieldError> problems() {
    List<ProvisionInvalid.FieldError> problems = new ArrayList<>();
    (date == null ? DateParts.of(null) : date).problem("the date of the session")
        .ifPresent(m -> problems.add(new ProvisionInvalid.FieldError("date", m)));
    Whole.check(problems, "minutes", "Minutes", minutes);
    return problems;
  }

  ProvisionService.SessionDraft draft(List<Long> members) {
    Boolean delivered = "delivered".equals(outcome) ? Boolean.TRUE : "cancelled".equals(outcome) ? Boolean.FALSE
        : null;
    List<ProvisionService.AttendanceDraft> attendance = Boolean.TRUE.equals(delivered)
        ? members.stream().map(p -> new ProvisionService.AttendanceDraft(p,
            attendedIds().contains(String.valueOf(p)))).toList()
        : List.of();
    return new ProvisionService.SessionDraft(date == null ? null : date.toDate().orElse(null), delivered,
        Boolean.TRUE.equals(delivered) ? null : cancelledReason, Whole.parse(minutes), attendance);
  }
}
