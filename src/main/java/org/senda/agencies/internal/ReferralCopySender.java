package org.senda.agencies.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.senda.agencies.ReferralSent;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilContact;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.Pupils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The outbox for the parents' copy of a referral: once sending has committed, the event publication registry hands
 * {@link ReferralSent} here (and again after a restart until it completes). Every contact with parental
 * responsibility who has an email address gets the copy as a PDF; the referral records when it went and to whom.
 * Each one without an email address gets a letter to post ({@link ReferralLetters}): the same PDF addressed to them,
 * which the school prints, posts and records as posted.
 */
@Component
class ReferralCopySender {

  private final Referrals referrals;
  private final ReferralLetters letters;
  private final ReferralCopy copy;
  private final Pupils pupils;
  private final Organisation organisation;
  private final JavaMailSender mail;
  private final Audit audit;
  private final Clock clock;
  private final String from;

  ReferralCopySender(Referrals referrals, ReferralLetters letters, ReferralCopy copy, Pupils pupils,
      Organisation organisation, JavaMailSender mail, Audit audit, Clock clock, @Value("${senda.mail.from}") String from) {
    this.referrals = referrals;
    this.letters = letters;
    this.copy = copy;
    this.pupils = pupils;
    this.organisation = organisation;
    this.mail = mail;
    this.audit = audit;
    this.clock = clock;
    this.from = from;
  }

  @ApplicationModuleListener
  void on(ReferralSent sent) {
    Referrals.Referral referral = referrals.find(sent.referralId()).orElseThrow();
    PupilSummary pupil = pupils.find(sent.pupilId()).orElseThrow();
    String school = organisation.school(sent.schoolId()).orElseThrow().name();
    byte[] pdf = copy.pdf(referral, pupil, school);
    List<String> recipients = new ArrayList<>();
    boolean emailed = false;
    for (PupilContact contact : pupils.contacts(sent.pupilId())) {
      if (!contact.parentalResponsibility()) {
        continue;
      }
      if (contact.email() == null || contact.email().isBlank()) {
        letters.add(referral.id(), contact);
        recipients.add(contact.name() + ": no email address, letter to post");
        continue;
      }
      send(referral, pupil, school, contact, pdf);
      recipients.add(contact.name() + " <" + contact.email().strip() + ">: emailed");
      emailed = true;
    }
    if (recipients.isEmpty()) {
      recipients.add("No contact with parental responsibility is recorded: give the parents a copy");
    }
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    referrals.recordCopySent(referral.id(), emailed ? now : null, String.join("; ", recipients));
    audit.record(AuditAction.CREATE, "referral-parent-copy", referral.id(), sent.schoolId(),
        recipients.size() + " contacts with parental responsibility");
  }

  private void send(Referrals.Referral referral, PupilSummary pupil, String school, PupilContact to, byte[] pdf) {
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to.email().strip());
      helper.setSubject(ReferralCopy.title(referral, pupil) + " - " + school);
      helper.setText(copy.text(referral, pupil, school, to.name()));
      helper.addAttachment("referral.pdf", new ByteArrayResource(pdf), "application/pdf");
      mail.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("copy of referral " + referral.id() + " to parents", e);
    }
  }
}
