package org.senda.provision.internal;

import java.util.List;

/** A request with values that are missing or not valid; nothing has been written. */
class ProvisionInvalid extends RuntimeException {

  record FieldError(String field, String message) {}

  private final List<FieldError> errors;

  ProvisionInvalid(List<FieldError> errors) {
    super(errors.toString());
    this.errors = List.copyOf(errors);
  }

  List<FieldError> errors() {
    return errors;
  }
}
