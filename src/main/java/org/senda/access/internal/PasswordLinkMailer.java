package org.senda.access.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends password links after the request's transaction commits, from the event publication registry (the
 * transactional outbox): when the mail server is down the publication stays incomplete and is sent again when
 * Senda restarts. The token is made here, in the listener's own transaction, and goes only into the email.
 */
@Component
class PasswordLinkMailer {

  private final PasswordResets resets;
  private final ObjectProvider<JavaMailSender> mail;
  private final String baseUrl;
  private final String from;

  PasswordLinkMailer(PasswordResets resets, ObjectProvider<JavaMailSender> mail,
      @Value("${senda.base-url}") String baseUrl, @Value("${senda.mail.from}") String from) {
    this.resets = resets;
    this.mail = mail;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.from = from;
  }

  @ApplicationModuleListener
  void on(PasswordLinkRequested request) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("No mail server is configured (SPRING_MAIL_HOST): the link waits in the outbox");
    }
    resets.issue(request.accountId(), request.purpose()).ifPresent(link -> sender.send(message(request, link)));
  }

  private SimpleMailMessage message(PasswordLinkRequested request, PasswordResets.IssuedLink link) {
    String url = baseUrl + "/password-reset/" + link.token();
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(link.email());
    if (request.purpose() == PasswordLinkRequested.Purpose.INVITE) {
      message.setSubject("Set your password for Senda");
      message.setText("""
          Hello,

          Your school has set up a Senda account for you (%s).

          Choose your password here within 7 days:

          %s

          Then sign in and set up an authenticator app on your phone.

          If you were not expecting this email, you can ignore it.

          Senda
          """.formatted(link.email(), url));
    } else {
      message.setSubject("Reset your Senda password");
      message.setText("""
          Hello,

          Someone asked to reset the password of the Senda account for %s.

          If it was you, choose a new password here within 1 hour:

          %s

          If it was not you, you can ignore this email: your password has not changed.

          Senda
          """.formatted(link.email(), url));
    }
    return message;
  }
}
