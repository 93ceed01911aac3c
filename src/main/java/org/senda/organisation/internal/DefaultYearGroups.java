package org.senda.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import org.senda.organisation.Phase;

/**
 * The year groups a new school starts with, by phase: nursery (N), reception (R) and National Curriculum years
 * 1 to 13. The ordinal of a year is its National Curriculum year (R is 0, N is -1), so year groups sort in age order.
 */
final class DefaultYearGroups {

  record Year(String code, String name, int ordinal) {}

  private DefaultYearGroups() {}

  static List<Year> of(Phase phase, boolean nursery, boolean sixthForm) {
    List<Year> years = new ArrayList<>();
    if (nursery || phase == Phase.NURSERY) {
      years.add(year(-1));
    }
    int[] range = switch (phase) {
      case NURSERY -> new int[] {0, -1};
      case PRIMARY -> new int[] {0, 6};
      case MIDDLE -> new int[] {5, 8};
      case SECONDARY, ALTERNATIVE_PROVISION -> new int[] {7, 11};
      case ALL_THROUGH, SPECIAL -> new int[] {0, 11};
      case POST_16 -> new int[] {12, 13};
    };
    for (int ordinal = range[0]; ordinal <= range[1]; ordinal++) {
      years.add(year(ordinal));
    }
    if (sixthForm && range[1] == 11) {
      years.add(year(12));
      years.add(year(13));
    }
    return years;
  }

  static Year year(int ordinal) {
    return switch (ordinal) {
      case -1 -> new Year("N", "Nursery", -1);
      case 0 -> new Year("R", "Reception", 0);
      default -> new Year("Y" + ordinal, "Year " + ordinal, ordinal);
    };
  }
}
