@NullMarked
package org.senda.identification.internal;

import org.jspecify.annotations.NullMarked;
