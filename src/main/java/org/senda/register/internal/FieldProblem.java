package org.senda.register.internal;

/** What is wrong with one field of a change, in GOV.UK words; the field as the API and the form name it. */
record FieldProblem(String field, String message) {}
