/**
 * External agencies: the directory of professionals and services a school works with (educational psychology,
 * speech and language therapy, CAMHS and others), referrals of pupils to them with the parents' recorded consent,
 * the copy of each referral sent to the parents, and the professionals' reports and advice, which are kept with the
 * pupil's record and put in front of the next review (Code of Practice 6.58-6.62).
 */
@ApplicationModule(displayName = "External agencies")
@NullMarked
package org.senda.agencies;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
