package org.senda.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;

/**
 * The SQL statements a request ran, as Senda reports them in the {@value #HEADER} response header (switched on for
 * every {@link SendaTest}). Pages and API calls must run a bounded number of statements that does not grow with
 * the data:
 *
 * <pre>{@code
 * int small = SqlStatements.of(session.get("/schools/" + smallSchool + "/register"));
 * int large = SqlStatements.of(session.get("/schools/" + largeSchool + "/register"));
 * SqlStatements.assertBounded(8, small, large);
 * }</pre>
 */
public final class SqlStatements {

  public static final String HEADER = "X-Senda-Sql-Statements";

  private SqlStatements() {}

  public static int of(PageSession.Page page) {
    return parse(page.header(HEADER), page.status());
  }

  public static int of(Api.Response response) {
    return parse(response.header(HEADER), response.status());
  }

  /** Every count is at most {@code max}, and they are all the same (e.g. one page for a small and a large school). */
  public static void assertBounded(int max, int... counts) {
    assertThat(counts).as("SQL statements per request").isNotEmpty();
    assertThat(Arrays.stream(counts).max().orElseThrow())
        .as("SQL statements per request %s, at most %d", Arrays.toString(counts), max)
        .isLessThanOrEqualTo(max);
    assertThat(Arrays.stream(counts).distinct().count())
        .as("SQL statements per request %s must not change with the data", Arrays.toString(counts))
        .isEqualTo(1);
  }

  private static int parse(Optional<String> header, int status) {
    return Integer.parseInt(header.orElseThrow(() -> new AssertionError(
        "No " + HEADER + " header on a " + status + " response: is senda.diagnostics.sql-statements-header on?")));
  }
}
