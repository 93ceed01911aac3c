package org.senda.provision.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

/** A weekly time a provision group meets: a school day, a start time on the 24-hour clock and a length. */
record Slot(String dayOfWeek, String startTime, int minutes) {

  /** Monday first, then by start time. */
  static final Comparator<Slot> IN_THE_WEEK = Comparator.comparing((Slot s) -> DayOfWeek.valueOf(s.dayOfWeek()))
      .thenComparing(Slot::startTime);

  LocalTime start() {
    return LocalTime.parse(startTime);
  }

  LocalTime end() {
    return start().plusMinutes(minutes);
  }

  /** Same day and overlapping times. */
  boolean overlaps(Slot other) {
    return dayOfWeek.equals(other.dayOfWeek) && start().isBefore(other.end()) && other.start().isBefore(end());
  }

  public String dayTitle() {
    return ProvisionViews.title(dayOfWeek);
  }

  /** "Monday 09:15, 30 minutes". */
  public String title() {
    return dayTitle() + " " + startTime + ", " + minutes + " minutes";
  }

  /** "Monday 09:15 (30 min); Wednesday 13:15 (30 min)", or "No fixed weekly time" for a group without one. */
  static String describe(List<Slot> slots) {
    return slots.isEmpty() ? "No fixed weekly time" : String.join("; ", slots.stream()
        .map(s -> s.dayTitle() + " " + s.startTime() + " (" + s.minutes() + " min)").toList());
  }
}
