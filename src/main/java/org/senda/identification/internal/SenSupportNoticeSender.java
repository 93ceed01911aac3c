package org.senda.identification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.identification.SenSupportStarted;
import org.senda.pupils.PupilContact;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox for the formal notice (Children and Families Act 2014 s.68; Code of Practice 6.43): once the decision
 * to start SEN support has committed, the event publication registry hands {@link SenSupportStarted} here (and
 * again after a restart until it completes). Every contact with parental responsibility who has an email address
 * gets the letter with the PDF attached; {@code parent_notice} records what was sent, when and to whom, and each
 * contact without an email address gets a letter to post ({@link NoticeLetters}), which the SENCO sees until the
 * school records that it was posted.
 */
@Component
class SenSupportNoticeSender {

  private static final String EMAILED = ": emailed";
  private static final String SEPARATOR = "; ";

  private final SenSupportNotice notice;
  private final NoticeLetters letters;
  private final JavaMailSender mail;
  private final JdbcClient jdbc;
  private final Audit audit;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final String from;

  SenSupportNoticeSender(SenSupportNotice notice, NoticeLetters letters, JavaMailSender mail, JdbcClient jdbc,
      Audit audit, Clock clock, PlatformTransactionManager transactions, @Value("${senda.mail.from}") String from) {
    this.notice = notice;
    this.letters = letters;
    this.mail = mail;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = from;
  }

  /**
   * Emails the notice to each parent with an email address who has not had it yet, keeping each email as soon as it
   * is sent (in a transaction of its own), then keeps the notice. When one email fails, the event is handed on
   * again later and only the parents not yet emailed get it.
   */
  @ApplicationModuleListener
  void on(SenSupportStarted started) {
    List<PupilContact> parents = notice.recipients(started.pupilId());
    Set<Long> emailedBefore = Set.copyOf(jdbc.sql("select contact_id from parent_notice_email where concern_id = ?")
        .param(started.concernId()).query(Long.class).list());
    for (PupilContact parent : parents) {
      if (hasEmail(parent) && !emailedBefore.contains(parent.id())) {
        SenSupportNotice.Letter letter = notice.letter(started.concernId(), parent).orElseThrow();
        String to = Objects.requireNonNull(parent.email()).trim();
        send(letter, to);
        OffsetDateTime sentAt = clock.instant().atOffset(ZoneOffset.UTC);
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                insert into parent_notice_email (concern_id, contact_id, email, sent_at) values (?, ?, ?, ?)""")
            .params(started.concernId(), parent.id(), to, sentAt)
            .update());
      }
    }
    keep(started, parents, clock.instant().atOffset(ZoneOffset.UTC));
  }

  /**
   * Keeps the notice as sent at {@code at} to {@code parents}: those with an email address as emailed, and a letter
   * to post for each of the others; once per concern, however often the decision is handed on. The demo trust keeps
   * its past notices through here too, without sending them.
   */
  void keep(SenSupportStarted started, List<PupilContact> parents, OffsetDateTime at) {
    if (jdbc.sql("select count(*) from parent_notice where concern_id = ?").param(started.concernId())
        .query(Integer.class).single() > 0) {
      return;
    }
    List<String> recipients = new ArrayList<>();
    List<PupilContact> toPost = new ArrayList<>();
    for (PupilContact parent : parents) {
      if (hasEmail(parent)) {
        recipients.add(parent.name() + " <" + Objects.requireNonNull(parent.email()).trim() + ">" + EMAILED);
      } else {
        recipients.add(parent.name() + ": no email address, post the letter");
        toPost.add(parent);
      }
    }
    String list = String.join(SEPARATOR, recipients);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into parent_notice (school_id, pupil_id, concern_id, starts_on, recipients, created_at, sent_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(started.schoolId(), started.pupilId(), started.concernId(), started.startsOn(),
            list.length() > 1000 ? list.substring(0, 1000) : list, at, toPost.size() < parents.size() ? at : null)
        .update(key, "id");
    long noticeId = Objects.requireNonNull(key.getKey()).longValue();
    toPost.forEach(parent -> letters.add(noticeId, parent, at));
    audit.record(AuditAction.CREATE, "parent-notice", started.concernId(), started.schoolId(),
        recipients.size() + " contacts with parental responsibility");
  }

  /** The names of the parents a notice's list of recipients says were emailed, in its order. */
  static List<String> emailed(String recipients) {
    return Arrays.stream(recipients.split(SEPARATOR))
        .filter(r -> r.endsWith(EMAILED))
        .map(r -> r.substring(0, r.lastIndexOf(" <", r.length() - EMAILED.length())))
        .toList();
  }

  private static boolean hasEmail(PupilContact parent) {
    return parent.email() != null && !parent.email().isBlank();
  }

  private void send(SenSupportNotice.Letter letter, String to) {
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(letter.title());
      helper.setText(notice.text(letter));
      helper.addAttachment("sen-support-letter.pdf", new ByteArrayResource(notice.pdf(letter)), "application/pdf");
      mail.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("letter to parents about concern " + letter.concernId(), e);
    }
  }
}
