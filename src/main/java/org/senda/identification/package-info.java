/**
 * Identifying SEN (Code of Practice 6.14-6.21): attainment per pupil, subject and assessment point; the four
 * "less than expected progress" tests of Code of Practice 6.17, each explained in numbers; causes for concern,
 * the early discussion with parents, the decision and, when SEN support starts, the formal notice to parents.
 */
@ApplicationModule(displayName = "Identification")
@NullMarked
package org.senda.identification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
