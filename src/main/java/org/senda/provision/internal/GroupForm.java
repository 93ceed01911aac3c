package org.senda.provision.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** The provision group page as typed. Staff and pupils are ticked; the rest is text. */
record GroupForm(@Nullable String interventionId, @Nullable List<String> staffIds, @Nullable List<String> pupilIds,
    @Nullable String sessionsPerWeek, @Nullable String minutesPerSession, @Nullable DateParts startDate,
    @Nullable DateParts endDate, @Nullable String dayOfWeek, @Nullable String startTime, @Nullable String room,
    @Nullable String reviewAfterWeeks, @Nullable Integer version) {

  static GroupForm empty() {
    return new GroupForm("", List.of(), List.of(), "", "", DateParts.of(null), DateParts.of(null), "", "", "", "6", 0);
  }

  static GroupForm of(ProvisionReports.GroupDetail g, List<ProvisionReports.StaffRow> staff,
      List<ProvisionReports.GroupPupil> pupils) {
    return new GroupForm(String.valueOf(g.interventionId()),
        staff.stream().map(s -> String.valueOf(s.staffId())).toList(),
        pupils.stream().map(p -> String.valueOf(p.pupilId())).toList(), String.valueOf(g.sessionsPerWeek()),
        String.valueOf(g.minutesPerSession()), DateParts.of(g.startDate()), DateParts.of(g.endDate()),
        g.dayOfWeek() == null ? "" : g.dayOfWeek(), g.startTime() == null ? "" : g.startTime(), g.room(),
        g.reviewAfterWeeks() == null ? "" : String.valueOf(g.reviewAfterWeeks()), g.version());
  }

  List<String> staff() {
    return staffIds == null ? List.of() : staffIds;
  }

  List<String> pupils() {
    return pupilIds == null ? List.of() : pupilIds;
  }

  List<ProvisionInvalid.FieldError> problems() {
    List<ProvisionInvalid.FieldError> problems = new ArrayList<>();
    Whole.check(problems, "sessionsPerWeek", "Sessions per week", sessionsPerWeek);
    Whole.check(problems, "minutesPerSession", "Minutes per session", minutesPerSession);
    Whole.check(problems, "reviewAfterWeeks", "Review after", reviewAfterWeeks);
    date(problems, "startDate", startDate, "the start date");
    date(problems, "endDate", endDate, "the end date");
    return problems;
  }

  private static void date(List<ProvisionInvalid.FieldError> problems, String field, @Nullable DateParts date,
      String what) {
    DateParts d = date == null ? DateParts.of(null) : date;
    d.problem(what).ifPresent(m -> problems.add(new ProvisionInvalid.FieldError(field, m)));
  }

  ProvisionService.GroupDraft draft() {
    Long intervention = null;
    try {
      intervention = interventionId == null || interventionId.isBlank() ? null : Long.valueOf(interventionId);
    } catch (NumberFormatException e) {
      intervention = null;
    }
    return new ProvisionService.GroupDraft(intervention,
        staff().stream().map(s -> new ProvisionService.StaffDraft(ids(s), null)).toList(),
        pupils().stream().map(GroupForm::ids).toList(), Whole.parse(sessionsPerWeek), Whole.parse(minutesPerSession),
        startDate == null ? null : startDate.toDate().orElse(null),
        endDate == null ? null : endDate.toDate().orElse(null), room, dayOfWeek, startTime,
        Whole.parse(reviewAfterWeeks));
  }

  private static @Nullable Long ids(String text) {
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
