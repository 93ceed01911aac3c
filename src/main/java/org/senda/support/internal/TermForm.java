package org.senda.support.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/** A school's glossary term with its plain alternative, as typed. */
record TermForm(@Nullable String term, @Nullable String suggestion, @Nullable Integer version) {

  static TermForm empty() {
    return new TermForm(null, null, null);
  }

  void reject(BindingResult errors) {
    if (term == null || term.isBlank()) {
      errors.rejectValue("term", "required", "Enter the jargon term");
    } else if (term.strip().length() > Glossary.TERM_LENGTH) {
      errors.rejectValue("term", "length", "The term must be " + Glossary.TERM_LENGTH + " characters or fewer");
    }
    if (suggestion == null || suggestion.isBlank()) {
      errors.rejectValue("suggestion", "required", "Enter the plain words to use instead");
    } else if (suggestion.strip().length() > Glossary.SUGGESTION_LENGTH) {
      errors.rejectValue("suggestion", "length",
          "The plain words must be " + Glossary.SUGGESTION_LENGTH + " characters or fewer");
    }
  }
}
