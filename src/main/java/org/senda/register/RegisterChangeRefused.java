package org.senda.register;

import java.util.List;
import java.util.stream.Collectors;

/** A change of SEN status that breaks the register's rules; nothing was written. */
public class RegisterChangeRefused extends RuntimeException {

  /** One broken rule: the field as the register's form and API name it, and the message in GOV.UK words. */
  public record Violation(String field, String message) {}

  private final List<Violation> violations;

  public RegisterChangeRefused(List<Violation> violations) {
    super("The SEN status was not changed: " + violations.stream().map(Violation::message)
        .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
