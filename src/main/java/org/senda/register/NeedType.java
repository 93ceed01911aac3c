package org.senda.register;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A DfE type-of-need code ("SENtype"), read from the {@code need_type} table: codes are data with the dates they
 * are valid, so a new code is a new row, not a new release.
 */
public record NeedType(String code, String name, BroadArea broadArea, LocalDate validFrom, @Nullable LocalDate validTo) {

  /** NSA: SEN support but no specialist assessment of type of need; only valid with status K. */
  public static final String NOT_ASSESSED = "NSA";

  public boolean validOn(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }
}
