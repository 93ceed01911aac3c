package org.senda.demo;

/**
 * A module's part of the demo trust. Contributors run in {@link #order()} within one transaction each, on an
 * empty database only; later modules read what earlier ones made through those modules' public APIs.
 *
 * <p>Orders in use: 100 organisation (trust, schools, calendars, classes, staff, accounts), 200 pupils, 300
 * register, 400 identification, 500 support, 600 provision. Facts left for later contributors include
 * {@code demo.schoolIds}, {@code demo.pupilIds.<school>} and {@code demo.senSupportSince.<school>} (the pupils on SEN
 * support and the day it began).
 */
public interface DemoContributor {

  int order();

  void contribute(DemoTrust trust);

  /** Whether this module already holds data; when any contributor does, nothing is seeded. */
  default boolean hasData() {
    return false;
  }
}
