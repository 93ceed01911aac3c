package org.senda.access.internal;

import jakarta.servlet.http.HttpSession;
import org.senda.access.SendaUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every session of a person, wherever it was opened: sessions live in the database (Spring Session JDBC), filed
 * under the account's id ({@link SessionsByAccount}), which stays the same when the sign-in email changes.
 *
 * <p>A signed-in session keeps the person's roles. When those change (an administrator adds or removes a role,
 * changes the sign-in email or deactivates the person), the sessions are rewritten in the database at once, so
 * that the very next request on any node sees the new roles without a query per request.
 */
@Component
class AccountSessions {

  private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);
  private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

  private final FindByIndexNameSessionRepository<? extends Session> repository;

  AccountSessions(FindByIndexNameSessionRepository<? extends Session> repository) {
    this.repository = repository;
  }

  /** Ends every session of the account, part-way signed in or fully; returns how many there were. */
  int endAll(long accountId) {
    var ids = repository.findByPrincipalName(SessionsByAccount.indexOf(accountId)).keySet();
    ids.forEach(repository::deleteById);
    return ids.size();
  }

  /** How many sessions the account has open. */
  int count(long accountId) {
    return repository.findByPrincipalName(SessionsByAccount.indexOf(accountId)).size();
  }

  /**
   * Puts the person as they are now into every signed-in session of their account. Sessions part-way through
   * sign-in are left alone: they load the person afresh when sign-in completes. Returns how many sessions were
   * rewritten.
   */
  int replacePerson(SendaUser person) {
    return replace(repository, person);
  }

  /**
   * Puts the person as they are now into the session of the request being handled, when it is theirs (someone
   * changing their own record): that session is saved again as the request ends, and must not be saved with the
   * person as they were.
   */
  void replacePersonInCurrentRequest(SendaUser person) {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
      return;
    }
    HttpSession session = attributes.getRequest().getSession(false);
    if (session == null || !(session.getAttribute(CONTEXT) instanceof SecurityContext context)) {
      return;
    }
    Authentication before = context.getAuthentication();
    if (before != null && before.getPrincipal() instanceof SendaUser user && user.accountId() == person.accountId()) {
      var after = new SecurityContextImpl(
          UsernamePasswordAuthenticationToken.authenticated(person, null, before.getAuthorities()));
      session.setAttribute(CONTEXT, after);
      SecurityContextHolder.setContext(after);
    }
  }

  private static <S extends Session> int replace(FindByIndexNameSessionRepository<S> repository,
      SendaUser person) {
    int replaced = 0;
    for (S session : repository.findByPrincipalName(SessionsByAccount.indexOf(person.accountId())).values()) {
      SecurityContext context = session.getAttribute(CONTEXT);
      Authentication before = context == null ? null : context.getAuthentication();
      if (before == null || !(before.getPrincipal() instanceof SendaUser user)
          || user.accountId() != person.accountId()) {
        continue;
      }
      var after = UsernamePasswordAuthenticationToken.authenticated(person, null, before.getAuthorities());
      session.setAttribute(CONTEXT, new SecurityContextImpl(after));
      repository.save(session);
      replaced++;
    }
    if (replaced > 0) {
      log.debug("Updated {} sessions of account {}", replaced, person.accountId());
    }
    return replaced;
  }
}
