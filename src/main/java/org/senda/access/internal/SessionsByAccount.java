package org.senda.access.internal;

import java.util.Map;
import org.senda.access.SendaUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Files every session under the id of the account signed in to it (fully or part-way), not under the email
 * address: the id never changes, so a session saved by a request that began before an email change is still found
 * by signing out everywhere, by role changes and by deactivation. Pages and the API still show the email.
 */
@Component
class SessionsByAccount implements IndexResolver<Session>, SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

  private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

  /** The value sessions of the account are filed under. */
  static String indexOf(long accountId) {
    return String.valueOf(accountId);
  }

  @Override
  public void customize(JdbcIndexedSessionRepository repository) {
    repository.setIndexResolver(this);
  }

  @Override
  public Map<String, String> resolveIndexesFor(Session session) {
    Object context = session.getAttribute(CONTEXT);
    Authentication authentication = context instanceof SecurityContext c ? c.getAuthentication() : null;
    Object principal = authentication == null ? null : authentication.getPrincipal();
    Long accountId = switch (principal) {
      case SendaUser user -> user.accountId();
      case PendingSignIn pending -> pending.accountId();
      case null, default -> null;
    };
    return accountId == null ? Map.of()
        : Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, indexOf(accountId));
  }
}
