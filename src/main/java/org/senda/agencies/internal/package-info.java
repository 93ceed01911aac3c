@NullMarked
package org.senda.agencies.internal;

import org.jspecify.annotations.NullMarked;
