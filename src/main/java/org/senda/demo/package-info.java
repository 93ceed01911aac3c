/**
 * The demo trust and the synthetic-trust generator: on an empty database, each module adds its part of a
 * lived-in trust ({@link org.senda.demo.DemoContributor}), deterministically from a seed and at any size.
 */
@ApplicationModule(displayName = "Demo trust")
@NullMarked
package org.senda.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
