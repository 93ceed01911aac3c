package org.senda.web.internal;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.senda.access.AccessRefused;
import org.senda.access.ActionForbidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem details, in plain words. Unexpected failures say only that something went
 * wrong (the details go to the log, never to the caller).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  private final String retryAfterSeconds;

  ApiProblems(@Value("${senda.http.retry-after:5s}") Duration retryAfter) {
    this.retryAfterSeconds = String.valueOf(Math.max(1, retryAfter.toSeconds()));
  }

  @ExceptionHandler(AccessRefused.class)
  ProblemDetail notFound(AccessRefused e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", "There is nothing at this address that you can see.");
  }

  @ExceptionHandler(ActionForbidden.class)
  ProblemDetail forbidden(ActionForbidden e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.");
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail conflict(OptimisticLockingFailureException e) {
    return problem(HttpStatus.CONFLICT, "Changed by someone else",
        "Someone else changed this record since you read it. Read it again and repeat your change.");
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail invalid(ConstraintViolationException e) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", "Some values are not valid.");
    problem.setProperty("errors", e.getConstraintViolations().stream()
        .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
        .toList());
    return problem;
  }

  @Override
  protected org.springframework.http.ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      org.springframework.http.HttpHeaders headers,
      org.springframework.http.HttpStatusCode status,
      org.springframework.web.context.request.WebRequest request) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", "Some values are not valid.");
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
        .toList();
    problem.setProperty("errors", errors);
    return org.springframework.http.ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (RequestLimit.databaseBusy(e)) {
      // No database connection came free in time: busy, as when too many requests arrive at once.
      log.warn("No database connection free in time for an API call: answered busy");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
              "Senda is busy. Try again after the number of seconds in the Retry-After header."));
    }
    log.error("Unexpected failure in an API call", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
            "Senda could not complete this request. Nothing was changed. Try again later."));
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return problem;
  }
}
