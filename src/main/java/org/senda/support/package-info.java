/**
 * The graduated approach to SEN support (Code of Practice 6.44-6.56): support plans with SMART outcomes run in
 * cycles of assess, plan, do and review; reviews with the pupil's and parents' views; meetings with parents; pupil
 * passports in the pupil's own words; the plain-language check; and what every adult who works with a pupil needs
 * to know on one page.
 */
@ApplicationModule(displayName = "SEN support")
@NullMarked
package org.senda.support;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
