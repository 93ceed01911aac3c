package org.senda.access.internal;

import java.io.Serial;
import java.io.Serializable;

/** Someone whose password was right but who must still enrol in multi-factor authentication. */
record PendingSignIn(long accountId, String email) implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  @Override
  public String toString() {
    return email;
  }
}
