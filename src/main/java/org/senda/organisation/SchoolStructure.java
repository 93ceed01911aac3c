package org.senda.organisation;

import java.util.List;

/** A school's year groups in order and its classes ordered by year group and name, read together. */
public record SchoolStructure(List<YearGroup> yearGroups, List<SchoolClass> classes) {

  public SchoolStructure {
    yearGroups = List.copyOf(yearGroups);
    classes = List.copyOf(classes);
  }
}
