package org.senda.test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The real servers Senda talks to in tests: an SMTP server (GreenMail) that keeps what Senda sends, and an OIDC
 * provider (mock-oauth2-server) for single sign-on; plus a clock that tests can move.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServers {

  public static final String OIDC_ISSUER = "school-idp";

  @Bean(destroyMethod = "stop")
  GreenMail greenMail() {
    GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  @Bean(destroyMethod = "shutdown")
  MockOAuth2Server oidcProvider() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start(freePort());
    return server;
  }

  @Bean
  DynamicPropertyRegistrar testServerProperties(GreenMail greenMail, MockOAuth2Server oidc) {
    return registry -> {
      registry.add("spring.mail.host", () -> "127.0.0.1");
      registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
      registry.add("senda.oidc.issuer-uri", () -> oidc.issuerUrl(OIDC_ISSUER).toString());
      registry.add("senda.oidc.client-id", () -> "senda");
      registry.add("senda.oidc.client-secret", () -> "secret");
      registry.add("senda.oidc.name", () -> "your school account");
    };
  }

  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock(Clock.systemDefaultZone());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
