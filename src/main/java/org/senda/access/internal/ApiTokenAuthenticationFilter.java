package org.senda.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.senda.access.SendaUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls by personal API token ({@code Authorization: Bearer senda_...}). */
/** Not a bean: registered only in the API filter chain, never as a servlet filter for every request. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

  private final ApiTokens tokens;
  private final SendaUsers users;

  ApiTokenAuthenticationFilter(ApiTokens tokens, SendaUsers users) {
    this.tokens = tokens;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).trim();
      tokens.accountFor(token).flatMap(users::byAccountId).ifPresent(this::signIn);
    }
    chain.doFilter(request, response);
  }

  private void signIn(SendaUser user) {
    var authentication = UsernamePasswordAuthenticationToken.authenticated(
        user, null, List.of(new SimpleGrantedAuthority(SecurityConfiguration.SIGNED_IN)));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }
}
