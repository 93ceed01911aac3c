package org.senda.organisation.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as GOV.UK writes them: "5 January 2026". */
final class OrganisationDates {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private OrganisationDates() {}

  static String format(LocalDate date) {
    return FORMAT.format(date);
  }
}
