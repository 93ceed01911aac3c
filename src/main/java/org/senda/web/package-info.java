/**
 * What every page shares: the layout, the header with the school switcher and search, navigation, error pages,
 * GOV.UK form fragments and problem details for the API. No domain logic lives here.
 */
@ApplicationModule(displayName = "Web")
@NullMarked
package org.senda.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
