package org.senda.provision.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Pounds as people type and read them ("29.95", "£1,200"), held in pence. */
final class Money {

  private Money() {}

  /** The pence in a typed amount of pounds, or null when it is not one (at most two decimal places). */
  static @Nullable Long pence(@Nullable String pounds) {
    if (pounds == null) {
      return null;
    }
    String text = pounds.strip().replace(",", "").replaceFirst("^£", "");
    if (!text.matches("\\d{1,9}(\\.\\d{1,2})?")) {
      return null;
    }
    return new BigDecimal(text).movePointRight(2).longValueExact();
  }

  static String pounds(long pence) {
    return BigDecimal.valueOf(pence).movePointLeft(2).setScale(2).toPlainString();
  }
}
