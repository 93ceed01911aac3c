/**
 * Pupil records: UPN (with the DfE check letter), legal and preferred names, date of birth, year group and class,
 * contacts, and the context flags shown beside SEN (never as SEN); import from the school's MIS; and need to know,
 * the one check that decides which pupils a person may see ({@link org.senda.pupils.PupilAccess}).
 */
@ApplicationModule(displayName = "Pupils")
@NullMarked
package org.senda.pupils;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
