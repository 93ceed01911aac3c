@NullMarked
package org.senda.provision.internal;

import org.jspecify.annotations.NullMarked;
