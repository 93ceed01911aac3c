package org.senda.demo;

/**
 * A module's part of the demo trust. Contributors run in {@link #order()} within one transaction each, on an
 * empty database only; later modules read what earlier ones made through those modules' public APIs.
 *
 * <p>Orders in use: 100 organisation (trust, schools, calendars, classes, staff, accounts), 200 pupils, 300
 * register, 350 pupils (parents without an email address), 400 identification, 500 support, 600 provision, 650
 * agencies. Facts left for later contributors include {@code demo.schoolIds}, {@code demo.pupilIds.<school>},
 * {@code demo.senSupportSince.<school>} (the pupils on SEN support and the day it began), with
 * {@code demo.senSupportNeed.<school>} and {@code demo.senSupportReason.<school>} (the need and reason recorded that
 * day), and {@code demo.parentsWithoutEmail.<school>} (pupils whose first parent has no email address).
 */
public interface DemoContributor {

  int order();

  void contribute(DemoTrust trust);

  /** Whether this module already holds data; when any contributor does, nothing is seeded. */
  default boolean hasData() {
    return false;
  }
}
