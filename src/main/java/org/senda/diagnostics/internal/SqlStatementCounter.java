package org.senda.diagnostics.internal;

import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the SQL statements run on the current thread while a {@link Tally} is open. One execution counts once: a
 * JDBC batch is one round trip to the database and counts as one statement. Work handed to other threads is not
 * counted (Senda serves each request on one thread). With {@code logging.level.org.senda.diagnostics=trace} each
 * counted statement is logged with its SQL, to see which statements a page runs.
 */
final class SqlStatementCounter implements QueryExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(SqlStatementCounter.class);

  /** The statements counted since {@link #open()}; closing it stops counting on this thread. */
  static final class Tally implements AutoCloseable {

    private final @Nullable Tally outer;
    private int statements;

    private Tally(@Nullable Tally outer) {
      this.outer = outer;
    }

    int statements() {
      return statements;
    }

    @Override
    public void close() {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  private static final ThreadLocal<Tally> CURRENT = new ThreadLocal<>();

  /** Starts counting on this thread; a tally opened inside another one counts its statements in both. */
  static Tally open() {
    Tally tally = new Tally(CURRENT.get());
    CURRENT.set(tally);
    return tally;
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    // Counted once the statement has run.
  }

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    Tally current = CURRENT.get();
    for (Tally tally = current; tally != null; tally = tally.outer) {
      tally.statements++;
    }
    if (current != null && log.isTraceEnabled()) {
      log.trace("SQL statement {} of this request ({} ms): {}", current.statements, execution.getElapsedTime(),
          queries.stream().map(QueryInfo::getQuery).toList());
    }
  }
}
