package org.senda.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordRulesTest {

  @ParameterizedTest
  @CsvSource(value = {
    "'',                                 Enter a new password",
    "short pass1,                        Password must be 12 characters or more",
    "password1234,                       'Password is too easy to guess. Choose a different password, such as three random words'",
    "PASSWORD1234,                       'Password is too easy to guess. Choose a different password, such as three random words'",
    "aaaaaaaaaaaaaaaaaa,                 'Password is too easy to guess. Choose a different password, such as three random words'",
    "jo.bloggs-secret-words,             Password must not contain your email address. Choose a different password",
    "purple kettle tractor,              ",
    "correct horse battery staple,       ",
  }, emptyValue = "")
  void followsNcscGuidance(String password, String expected) {
    String problem = PasswordRules.problem(password, "jo.bloggs@school.example");
    assertThat(problem == null ? "" : problem).isEqualTo(expected == null ? "" : expected);
  }
}
