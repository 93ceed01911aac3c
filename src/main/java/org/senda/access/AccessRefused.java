package org.senda.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The person may not see what they asked for. Shown as "page not found" so that it does not reveal that a
 * school or pupil exists (pages and API alike).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AccessRefused extends RuntimeException {
  public AccessRefused(String what) {
    super(what);
  }
}
