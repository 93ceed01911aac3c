package org.senda.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What happens when the school's identity provider sends the person back: the verified email address must belong
 * to an existing Senda account (nothing is created); the provider's subject is then linked to it and the person
 * is signed in as that account, with the roles their staff record gives them.
 */
@Component
class SchoolSignOnHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler,
    OAuth2AuthorizedClientRepository {

  private final SignIn signIn;
  private final SessionSignIn sessions;
  private final SchoolSignOn sso;

  SchoolSignOnHandlers(SignIn signIn, SessionSignIn sessions, SchoolSignOn sso) {
    this.signIn = signIn;
    this.sessions = sessions;
    this.sso = sso;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException {
    if (!(authentication.getPrincipal() instanceof OidcUser user)
        || user.getEmail() == null
        || Boolean.FALSE.equals(user.getEmailVerified())) {
      refuse(request, response, "refused");
      return;
    }
    SignIn.Outcome outcome = signIn.schoolIdentity(user.getIssuer().toString(), user.getSubject(), user.getEmail(),
        sso.countsAsMfa(), request.getRemoteAddr());
    String target = switch (outcome) {
      case SignIn.Outcome.SignedIn(long accountId) -> sessions.signIn(accountId, request, response) ? "/" : null;
      case SignIn.Outcome.NeedsCode(long accountId) -> {
        sessions.pending(new PendingSignIn(accountId, user.getEmail().toLowerCase(java.util.Locale.ROOT), true),
            request, response);
        yield "/sign-in/code";
      }
      case SignIn.Outcome.MustEnrol(long accountId) -> {
        sessions.pending(new PendingSignIn(accountId, user.getEmail().toLowerCase(java.util.Locale.ROOT), false),
            request, response);
        yield "/mfa/enrol";
      }
      case SignIn.Outcome.Refused() -> null;
    };
    if (target == null) {
      refuse(request, response, "refused");
      return;
    }
    response.sendRedirect(request.getContextPath() + target);
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    refuse(request, response, "failed");
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String why)
      throws IOException {
    SecurityContextHolder.clearContext();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(request.getContextPath() + "/sign-in/sso/" + why);
  }

  // Senda needs nothing from the provider after sign-in, so its access token is not kept anywhere.

  @Override
  public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
      Authentication principal, HttpServletRequest request) {
    return null;
  }

  @Override
  public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
      HttpServletRequest request, HttpServletResponse response) {}

  @Override
  public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
      HttpServletRequest request, HttpServletResponse response) {}
}
