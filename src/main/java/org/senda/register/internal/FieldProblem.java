package org.senda.register.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** What is wrong with one field of a change, in GOV.UK words; the field as the API and the form name it. */
record FieldProblem(String field, String message) {

  /** The API's answer to values that are missing or not valid: 422 problem details naming each field. */
  static ResponseEntity<ProblemDetail> unprocessable(String detail, List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    problem.setTitle("Invalid request");
    problem.setType(URI.create("about:blank"));
    problem.setProperty("errors", problems.stream()
        .map(p -> Map.of("field", p.field(), "message", p.message()))
        .toList());
    return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
