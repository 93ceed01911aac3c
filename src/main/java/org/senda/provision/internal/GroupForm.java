package org.senda.provision.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/**
 * The provision group page as typed. Staff and pupils are ticked; the weekly times are rows of day, start time and
 * minutes, of which the blank ones are left out (the page offers a few more rows than the group has, so it works
 * without JavaScript); the rest is text. All rows may be left blank: in-class support, one-to-one support arranged
 * day by day and a group whose timetable is not fixed yet have no fixed weekly time, as the API allows.
 */
record GroupForm(@Nullable String interventionId, @Nullable List<String> staffIds, @Nullable List<String> pupilIds,
    @Nullable String sessionsPerWeek, @Nullable String minutesPerSession, @Nullable DateParts startDate,
    @Nullable DateParts endDate, @Nullable List<SlotRow> slots, @Nullable String room,
    @Nullable String reviewAfterWeeks, @Nullable Integer version, @Nullable String kind, @Nullable String lessons) {

  /** Shows a few blank rows beyond those typed, and a blank row for any the browser left out. */
  GroupForm {
    slots = rows(slots == null ? List.of() : slots.stream().map(r -> r == null ? new SlotRow("", "", "") : r)
        .toList());
  }

  /** A weekly time as typed. */
  record SlotRow(@Nullable String dayOfWeek, @Nullable String startTime, @Nullable String minutes) {

    boolean blank() {
      return isBlank(dayOfWeek) && isBlank(startTime) && isBlank(minutes);
    }

    private static boolean isBlank(@Nullable String s) {
      return s == null || s.isBlank();
    }
  }

  /** Rows offered for weekly times: at least one school week of daily times, and one spare beyond those given. */
  static final int ROWS = 5;

  static GroupForm empty() {
    return new GroupForm("", List.of(), List.of(), "", "", DateParts.of(null), DateParts.of(null), rows(List.of()),
        "", "6", 0, DeliveryKind.GROUP.name(), "");
  }

  static GroupForm of(ProvisionReports.GroupDetail g, List<ProvisionReports.StaffRow> staff,
      List<ProvisionReports.GroupPupil> pupils) {
    return new GroupForm(String.valueOf(g.interventionId()),
        staff.stream().map(s -> String.valueOf(s.staffId())).toList(),
        pupils.stream().map(p -> String.valueOf(p.pupilId())).toList(), String.valueOf(g.sessionsPerWeek()),
        String.valueOf(g.minutesPerSession()), DateParts.of(g.startDate()), DateParts.of(g.endDate()),
        g.slots().stream().map(t -> new SlotRow(t.dayOfWeek(), t.startTime(), String.valueOf(t.minutes())))
            .toList(), g.room(), g.reviewAfterWeeks() == null ? "" : String.valueOf(g.reviewAfterWeeks()),
        g.version(), g.kind().name(), g.lessons());
  }

  /** The rows given, then blank rows up to {@link #ROWS} (or one spare when more are filled in). */
  private static List<SlotRow> rows(List<SlotRow> given) {
    List<SlotRow> rows = new ArrayList<>(given);
    int filled = (int) given.stream().filter(r -> !r.blank()).count();
    while (rows.size() < Math.max(ROWS, filled + 1)) {
      rows.add(new SlotRow("", "", ""));
    }
    return rows;
  }

  List<SlotRow> slotRows() {
    return slots == null ? List.of() : slots;
  }

  /** Indexes of the rows that are not blank: what the service calls weekly time 0, 1, ... */
  private List<Integer> filledRows() {
    List<Integer> filled = new ArrayList<>();
    List<SlotRow> rows = slotRows();
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).blank()) {
        filled.add(i);
      }
    }
    return filled;
  }

  /** The service's problems with the weekly times, put on the rows of the page they came from. */
  List<ProvisionInvalid.FieldError> onPage(List<ProvisionInvalid.FieldError> problems) {
    List<Integer> filled = filledRows();
    return problems.stream().map(e -> {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("slots\\[(\\d+)](.*)").matcher(e.field());
      if (m.matches() && Integer.parseInt(m.group(1)) < filled.size()) {
        return new ProvisionInvalid.FieldError("slots[" + filled.get(Integer.parseInt(m.group(1))) + "]"
            + m.group(2), e.message());
      }
      return e;
    }).toList();
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
    List<SlotRow> rows = slotRows();
    for (int i = 0; i < rows.size(); i++) {
      Whole.check(problems, "slots[" + i + "].minutes", "Minutes of weekly time " + (i + 1), rows.get(i).minutes());
    }
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
        endDate == null ? null : endDate.toDate().orElse(null), room, null, null, Whole.parse(reviewAfterWeeks),
        filledRows().stream().map(i -> slotRows().get(i))
            .map(r -> new ProvisionService.SlotDraft(r.dayOfWeek(), r.startTime(), Whole.parse(r.minutes())))
            .toList(), kind == null || kind.isBlank() ? null : kind,
        DeliveryKind.IN_CLASS.name().equals(kind) ? lessons : null);
  }

  private static @Nullable Long ids(String text) {
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
