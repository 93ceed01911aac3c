package org.senda.benchmark;

/** What a page needs is not in this run's data (no such demo account, no such table yet): the page is skipped. */
final class MissingData extends RuntimeException {

  MissingData(String message) {
    super(message);
  }

  MissingData(String message, Throwable cause) {
    super(message, cause);
  }
}
