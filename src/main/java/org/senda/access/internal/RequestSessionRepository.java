package org.senda.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sessions in the database, read back once less per request. Spring Session saves a request's session when the
 * response is committed and again when the request ends, and before the second save it looks the session up by its
 * id once more. Within one request, that look-up is answered with the session the request has just saved (the same
 * values the database holds) instead of a second read of the session and its attributes. Everything else goes to
 * the database; what a request remembers is forgotten when it ends ({@link Forget}).
 */
final class RequestSessionRepository<S extends Session> implements FindByIndexNameSessionRepository<S>, DisposableBean {

  private static final ThreadLocal<@Nullable Session> SAVED = new ThreadLocal<>();

  private final FindByIndexNameSessionRepository<S> database;

  RequestSessionRepository(FindByIndexNameSessionRepository<S> database) {
    this.database = database;
  }

  @Override
  public S createSession() {
    return database.createSession();
  }

  @Override
  public void save(S session) {
    database.save(session);
    SAVED.set(session);
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable S findById(String id) {
    Session saved = SAVED.get();
    if (saved != null && saved.getId().equals(id) && !saved.isExpired()) {
      return (S) saved;
    }
    return database.findById(id);
  }

  @Override
  public void deleteById(String id) {
    Session saved = SAVED.get();
    if (saved != null && saved.getId().equals(id)) {
      SAVED.remove();
    }
    database.deleteById(id);
  }

  @Override
  public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
    return database.findByIndexNameAndIndexValue(indexName, indexValue);
  }

  /** Stops the database repository's clean-up of expired sessions with the application. */
  @Override
  public void destroy() throws Exception {
    if (database instanceof DisposableBean disposable) {
      disposable.destroy();
    }
  }

  /** Around the session filter: each request starts and ends with nothing remembered on its thread. */
  static final class Forget extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      SAVED.remove();
      try {
        chain.doFilter(request, response);
      } finally {
        SAVED.remove();
      }
    }
  }
}
