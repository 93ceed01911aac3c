/**
 * The SEND register: each pupil's SEN status (N, K, E) with its dated history, ranked needs from the DfE
 * type-of-need codes (kept as data), dual registration, leaving the register after a review, and the register,
 * census and trust views built on them.
 */
@ApplicationModule(displayName = "SEND register")
@NullMarked
package org.senda.register;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
