/**
 * The audit log: an append-only, hash-chained record of every read and write of personal data (who, in which
 * role, what record, what action, when, from where), with a search page and a verification of the chain.
 */
@ApplicationModule(displayName = "Audit")
@NullMarked
package org.senda.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
