package org.senda.access.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * Optional single sign-on with the school's own accounts (Microsoft Entra ID or Google Workspace, through OpenID
 * Connect), on when {@code senda.oidc.issuer-uri} is set. The provider's settings are read from its discovery
 * document on first use rather than at start-up, so that Senda starts (and password sign-in works) while the
 * provider is unreachable.
 *
 * <p>{@code senda.oidc.counts-as-mfa} (default true): Microsoft and Google make school staff use multi-factor
 * authentication, so a sign-in through them is not asked for a Senda code as well. Set it to false where the
 * school's provider does not enforce MFA: people then give a code from their app after the provider.
 */
@Component
class SchoolSignOn implements ClientRegistrationRepository {

  static final String REGISTRATION_ID = "school";

  private final String issuerUri;
  private final String clientId;
  private final String clientSecret;
  private final String name;
  private final boolean countsAsMfa;
  private volatile @Nullable ClientRegistration registration;

  SchoolSignOn(
      @Value("${senda.oidc.issuer-uri:}") String issuerUri,
      @Value("${senda.oidc.client-id:}") String clientId,
      @Value("${senda.oidc.client-secret:}") String clientSecret,
      @Value("${senda.oidc.name:your school account}") String name,
      @Value("${senda.oidc.counts-as-mfa:true}") boolean countsAsMfa) {
    this.issuerUri = issuerUri.strip();
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.name = name;
    this.countsAsMfa = countsAsMfa;
  }

  boolean enabled() {
    return !issuerUri.isEmpty();
  }

  /** How the sign-in page names the provider: "Sign in with {name}". */
  String name() {
    return name;
  }

  boolean countsAsMfa() {
    return countsAsMfa;
  }

  @Override
  public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
    if (!enabled() || !REGISTRATION_ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration found = registration;
    if (found == null) {
      synchronized (this) {
        found = registration;
        if (found == null) {
          found = ClientRegistrations.fromIssuerLocation(issuerUri)
              .registrationId(REGISTRATION_ID)
              .clientId(clientId)
              .clientSecret(clientSecret)
              .clientName(name)
              .scope("openid", "email", "profile")
              .build();
          registration = found;
        }
      }
    }
    return found;
  }
}
