package org.senda.access.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Two filter chains: the JSON API under /api (bearer tokens, no session, no cookies) and the pages (a session in
 * the database, CSRF on every form and htmx request, multi-factor sign-in).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** No inline script or style anywhere: every script and stylesheet is a file served by Senda itself. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";

  static final String SIGNED_IN = "SIGNED_IN";
  static final String MFA_PENDING = "MFA_PENDING";

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SendaUsers users, ProblemResponses problems)
      throws Exception {
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        // A token call leaves any session it carries alone: no new session and no new id for the one it has (a
        // browser signed in to the pages and calling the API with a token must stay signed in).
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.requireExplicitSave(true))
        .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users), BasicAuthenticationFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .headers(SecurityConfiguration::securityHeaders)
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(SIGNED_IN));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, SchoolSignOn sso, SchoolSignOnHandlers ssoHandlers)
      throws Exception {
    if (sso.enabled()) {
      http.oauth2Login(login -> login.loginPage("/sign-in")
          .clientRegistrationRepository(sso)
          .authorizedClientRepository(ssoHandlers)
          .successHandler(ssoHandlers)
          .failureHandler(ssoHandlers));
    }
    http.headers(SecurityConfiguration::securityHeaders)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
        .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(
                "/css/**", "/js/**", "/assets/**", "/favicon.ico", "/error", "/sign-in", "/sign-in/sso/**",
                "/password-reset/**", "/accessibility", "/v3/api-docs", "/v3/api-docs/**",
                "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/oauth2/**", "/login/oauth2/**")
            .permitAll()
            .requestMatchers("/sign-in/code", "/sign-in/recovery-code", "/mfa/enrol/**")
            .hasAnyAuthority(MFA_PENDING, SIGNED_IN)
            .anyRequest()
            .hasAuthority(SIGNED_IN));
    return http.build();
  }

  private static void securityHeaders(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
    headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(frame -> frame.deny())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000))
        .addHeaderWriter(new StaticHeadersWriter(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"))
        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
  }
}
