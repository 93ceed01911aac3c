package org.senda.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The person may see the school but their role does not allow this action (for example a teacher opening the
 * audit log). Shown as 403.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ActionForbidden extends RuntimeException {
  public ActionForbidden(String what) {
    super(what);
  }
}
