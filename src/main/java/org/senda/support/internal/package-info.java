@NullMarked
package org.senda.support.internal;

import org.jspecify.annotations.NullMarked;
