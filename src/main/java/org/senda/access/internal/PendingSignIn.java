package org.senda.access.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * Someone part-way through signing in: their password was right but they must still enrol in multi-factor
 * authentication ({@code enrolled} false), or the school's identity provider vouched for them and they must still
 * give a code from their app ({@code enrolled} true).
 */
record PendingSignIn(long accountId, String email, boolean enrolled) implements Serializable {
  @Serial
  private static final long serialVersionUID = 2L;

  @Override
  public String toString() {
    return email;
  }
}
