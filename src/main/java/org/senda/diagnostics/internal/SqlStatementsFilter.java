package org.senda.diagnostics.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Counts the SQL statements of each HTTP request, from the first filter to the last byte of the rendered view
 * (session load and save included), and records them in the {@value #METRIC} distribution tagged with the
 * request's URI template. With the header switched on it also answers {@value #HEADER}: to include the statements
 * run while the view renders, the body is then held back until the request is done (so switch it on for tests and
 * benchmarks, not in production). Senda answers no request asynchronously; an asynchronous response would need
 * the header switched off.
 */
final class SqlStatementsFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Senda-Sql-Statements";
  static final String METRIC = "senda.sql.statements";

  /** A few buckets (not a full histogram per URI) are enough to see which requests run many statements. */
  private static final double[] BUCKETS = {1, 2, 5, 10, 20, 50, 100};

  private final @Nullable MeterRegistry registry;
  private final boolean header;

  SqlStatementsFilter(@Nullable MeterRegistry registry, boolean header) {
    this.registry = registry;
    this.header = header;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try (SqlStatementCounter.Tally tally = SqlStatementCounter.open()) {
      if (!header) {
        try {
          chain.doFilter(request, response);
        } finally {
          record(request, tally.statements());
        }
        return;
      }
      HeldBackResponse held = new HeldBackResponse(response, tally);
      try {
        chain.doFilter(request, held);
      } finally {
        record(request, tally.statements());
      }
      if (!response.isCommitted()) {
        response.setIntHeader(HEADER, tally.statements());
      }
      held.copyBodyToResponse();
    }
  }

  private void record(HttpServletRequest request, int statements) {
    if (registry == null) {
      return;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    DistributionSummary.builder(METRIC)
        .description("SQL statements run by one HTTP request")
        .baseUnit("statements")
        .tag("method", request.getMethod())
        .tag("uri", pattern == null ? "UNKNOWN" : pattern.toString())
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(statements);
  }

  /**
   * The body held back until the request ends. A redirect or an error is sent at once, so it carries the
   * statements counted up to that point (the session is saved before it). Its writer encodes into the held body
   * through a buffer, flushed whenever the body is read, copied or reset, rather than flushing after every write
   * as the wrapper it extends does: a page is written in thousands of small pieces, and the header mode should
   * cost the pages it measures as little as it can.
   */
  private static final class HeldBackResponse extends ContentCachingResponseWrapper {

    private final SqlStatementCounter.Tally tally;
    private @Nullable PrintWriter writer;

    HeldBackResponse(HttpServletResponse response, SqlStatementCounter.Tally tally) {
      super(response);
      this.tally = tally;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      stamp();
      super.sendRedirect(location);
    }

    @Override
    public void sendError(int status) throws IOException {
      stamp();
      super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      stamp();
      super.sendError(status, message);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()));
      }
      return writer;
    }

    @Override
    public byte[] getContentAsByteArray() {
      flushWriter();
      return super.getContentAsByteArray();
    }

    @Override
    public InputStream getContentInputStream() {
      flushWriter();
      return super.getContentInputStream();
    }

    @Override
    public int getContentSize() {
      flushWriter();
      return super.getContentSize();
    }

    @Override
    public void resetBuffer() {
      flushWriter();
      super.resetBuffer();
    }

    @Override
    public void reset() {
      flushWriter();
      super.reset();
    }

    @Override
    protected void copyBodyToResponse(boolean complete) throws IOException {
      flushWriter();
      super.copyBodyToResponse(complete);
    }

    private void flushWriter() {
      if (writer != null) {
        writer.flush();
      }
    }

    private void stamp() {
      HttpServletResponse original = (HttpServletResponse) getResponse();
      if (!original.isCommitted()) {
        original.setIntHeader(HEADER, tally.statements());
      }
    }
  }
}
