package org.senda.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.SendaUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a person into the session after sign-in (fully, or pending MFA enrolment), with a new session id so a
 * session fixed before sign-in is worthless afterwards.
 */
@Component
class SessionSignIn {

  private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
  private final SendaUsers users;

  SessionSignIn(SendaUsers users) {
    this.users = users;
  }

  /** Signs the account in fully; returns false when the account no longer exists or its staff record is inactive. */
  boolean signIn(long accountId, HttpServletRequest request, HttpServletResponse response) {
    return users.signingIn(accountId)
        .map(user -> {
          store(authenticated(user, SecurityConfiguration.SIGNED_IN), request, response);
          return true;
        })
        .orElse(false);
  }

  /** Part-way: the person must enrol in MFA, or (after single sign-on) give a code from their app. */
  void pending(PendingSignIn pending, HttpServletRequest request, HttpServletResponse response) {
    store(authenticated(pending, SecurityConfiguration.MFA_PENDING), request, response);
  }

  /** The person part-way through signing in, if any. */
  static @Nullable PendingSignIn pendingSignIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof PendingSignIn pending ? pending : null;
  }

  private static Authentication authenticated(Object principal, String authority) {
    return UsernamePasswordAuthenticationToken.authenticated(
        principal, null, List.of(new SimpleGrantedAuthority(authority)));
  }

  private void store(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
    request.getSession(true);
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    repository.saveContext(context, request, response);
  }

  /** The signed-in person, if fully signed in. */
  static @Nullable SendaUser signedInUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof SendaUser user ? user : null;
  }
}
