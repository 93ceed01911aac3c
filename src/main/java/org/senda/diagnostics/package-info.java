/**
 * What Senda tells its operators about itself beyond the actuator's defaults: the number of SQL statements each
 * HTTP request runs (a Micrometer distribution, and with {@code senda.diagnostics.sql-statements-header=true} a
 * response header), so that tests and the benchmark can prove a page's statements do not grow with the data.
 */
@ApplicationModule(displayName = "Diagnostics")
@NullMarked
package org.senda.diagnostics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
