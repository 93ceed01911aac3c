package org.senda.access.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person at their old address that their sign-in email was changed, so that a change they did not expect
 * (someone taking over their account through the staff record) does not go unnoticed. Sent after the change
 * commits, from the event publication registry like password links: retried when the mail server was down.
 */
@Component
class SignInEmailChangeNotice {

  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  SignInEmailChangeNotice(ObjectProvider<JavaMailSender> mail, @Value("${senda.mail.from}") String from) {
    this.mail = mail;
    this.from = from;
  }

  @ApplicationModuleListener
  void on(SignInEmailChanged change) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("No mail server is configured (SPRING_MAIL_HOST): the notice waits in the outbox");
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(change.oldEmail());
    message.setSubject("Your Senda sign-in email was changed");
    message.setText("""
        Hello,

        Your Senda sign-in email was changed to %s. You now sign in with that address; this one (%s) no longer
        works for Senda.

        If this wasn't expected, contact your school straight away.

        Senda
        """.formatted(change.newEmail(), change.oldEmail()));
    sender.send(message);
  }
}
