package org.senda.agencies.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PostalAddress;
import org.senda.pupils.PupilSummary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The parents' copy of a referral, with the date it was sent: what the school asked of the service and why, and what
 * the parents consented to. An accessible tagged PDF (PDF/UA: title, language, headings and tables in reading order,
 * Liberation Sans embedded) and the same words as plain text for the email.
 */
@Component
class ReferralCopy {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private static final byte[] REGULAR = font("fonts/LiberationSans-Regular.ttf");
  private static final byte[] BOLD = font("fonts/LiberationSans-Bold.ttf");

  private final ITemplateEngine templates;

  ReferralCopy(ITemplateEngine templates) {
    this.templates = templates;
  }

  static String title(Referrals.Referral referral, PupilSummary pupil) {
    return "Referral of " + pupil.name() + " to " + referral.serviceName();
  }

  byte[] pdf(Referrals.Referral referral, PupilSummary pupil, String schoolName) {
    return pdf(referral, pupil, schoolName, null, null);
  }

  /**
   * The copy as a letter to post to one parent ({@code addressee} names them, above their postal address where the
   * school has it), or the copy itself when null. The letter opens with the same words as the email, so that a
   * parent without email is told the same.
   */
  byte[] pdf(Referrals.Referral referral, PupilSummary pupil, String schoolName, @Nullable String addressee,
      @Nullable PostalAddress address) {
    Context context = new Context(Locale.UK);
    context.setVariable("addressee", addressee);
    context.setVariable("address", address);
    context.setVariable("referral", referral);
    context.setVariable("pupil", pupil);
    context.setVariable("schoolName", schoolName);
    context.setVariable("title", title(referral, pupil));
    String html = templates.process("agencies/pdf/referral", context);
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessbility(true);
    builder.useFont(() -> new ByteArrayInputStream(REGULAR), "Liberation Sans", 400, FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(BOLD), "Liberation Sans", 700, FontStyle.NORMAL, true);
    builder.withProducer("Senda");
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The email to one parent: the same facts as the PDF, in plain English. */
  String text(Referrals.Referral referral, PupilSummary pupil, String schoolName, String parentName) {
    String sent = referral.sentOn() == null ? "" : DAY.format(referral.sentOn());
    return String.join("\n\n",
        schoolName,
        "Dear " + parentName + ",",
        "We sent a referral for " + pupil.name() + " to " + referral.agencyLabel() + " on " + sent + ".",
        "A referral asks a specialist service to help us understand and support your child. Thank you for agreeing "
            + "to it.",
        "Why we asked for help",
        referral.reason(),
        referral.questions() == null ? "" : "What we asked the service\n\n" + referral.questions(),
        "What you agreed to",
        String.join("\n", referral.consentScopeTitles()),
        "What happens next",
        "The service will tell us if they can help. We will tell you what they say and share any report with you.",
        "A copy of the referral is attached as a PDF. You can ask us questions at any time.",
        "Yours sincerely,",
        "The SENCO, " + schoolName) + "\n";
  }

  private static byte[] font(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The PDF font " + path + " is missing", e);
    }
  }
}
