package org.senda.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** RFC 9457 problem details for API calls that are refused before they reach a controller. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    write(response, HttpStatus.UNAUTHORIZED, "Sign-in required",
        "Send a valid API token in the Authorization header: Bearer <token>.", request.getRequestURI());
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", request.getRequestURI());
  }

  static void write(HttpServletResponse response, HttpStatus status, String title, String detail, String instance)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter()
        .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
            + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\",\"instance\":\"" + instance.replace("\"", "")
            + "\"}");
  }
}
