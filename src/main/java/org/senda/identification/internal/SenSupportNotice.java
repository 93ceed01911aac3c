package org.senda.identification.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilContact;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.Pupils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The formal notice to parents that their child now receives SEN support. The school must tell parents when it
 * makes special educational provision for a child without an EHC plan (Children and Families Act 2014, s.68), and
 * the SEND Code of Practice (2015, 6.43) says parents are formally notified when SEN support starts. The letter is
 * in plain English, addressed to each contact with parental responsibility, as an accessible tagged PDF (PDF/UA,
 * embedded fonts, title and language set) and as the text of an email.
 */
@Component
class SenSupportNotice {

  /** The first review is about a term after support starts (Code of Practice 6.52: reviewed at least termly). */
  static final int WEEKS_TO_FIRST_REVIEW = 12;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** The facts one letter is built from. */
  record Letter(long concernId, long schoolId, String schoolName, PupilSummary pupil, PupilContact to,
      LocalDate startsOn, LocalDate firstReview, String reason, String title) {}

  private final JdbcClient jdbc;
  private final Pupils pupils;
  private final Organisation organisation;
  private final ITemplateEngine templates;

  SenSupportNotice(JdbcClient jdbc, Pupils pupils, Organisation organisation, ITemplateEngine templates) {
    this.jdbc = jdbc;
    this.pupils = pupils;
    this.organisation = organisation;
    this.templates = templates;
  }

  /** The contacts with parental responsibility, in contact order. */
  List<PupilContact> recipients(long pupilId) {
    return pupils.contacts(pupilId).stream().filter(PupilContact::parentalResponsibility).toList();
  }

  /** The letter to one contact about a concern decided as "start SEN support"; empty when it was not. */
  Optional<Letter> letter(long concernId, PupilContact to) {
    return jdbc.sql("""
            select school_id, pupil_id, decided_on, decision_notes from concern
            where id = ? and decision = 'START_SEN_SUPPORT'""")
        .param(concernId)
        .query((rs, n) -> {
          long schoolId = rs.getLong("school_id");
          LocalDate startsOn = rs.getObject("decided_on", LocalDate.class);
          PupilSummary pupil = pupils.find(rs.getLong("pupil_id")).orElseThrow();
          String school = organisation.school(schoolId).orElseThrow().name();
          return new Letter(concernId, schoolId, school, pupil, to, startsOn, startsOn.plusWeeks(WEEKS_TO_FIRST_REVIEW),
              rs.getString("decision_notes"), "SEN support for " + pupil.name() + " - " + school);
        })
        .optional();
  }

  String html(Letter letter) {
    Context context = new Context(Locale.UK);
    context.setVariable("letter", letter);
    context.setVariable("startsOn", DAY.format(letter.startsOn()));
    context.setVariable("firstReview", DAY.format(letter.firstReview()));
    return templates.process("identification/sen-support-letter", context);
  }

  /** The letter as plain text for the body of the email: the same words as the PDF. */
  String text(Letter letter) {
    String pupil = letter.pupil().name();
    String school = letter.schoolName();
    return String.join("\n\n",
        school,
        "Dear " + letter.to().name() + ",",
        pupil + " now has SEN support",
        "From " + DAY.format(letter.startsOn()) + ", " + pupil + " has extra help at school. We call this SEN support.",
        "SEN means special educational needs. It means your child needs more help to learn than most children of the "
            + "same age.",
        "Why",
        letter.reason(),
        "What happens next",
        "We will write a plan with you. The plan says what help your child gets, who gives it and what we hope it "
            + "changes.",
        "We will check how the help is working. We will change it if it is not working.",
        "The first meeting to look at how things are going is on " + DAY.format(letter.firstReview())
            + ". We want you to come. Tell us if the date does not suit you.",
        "Who to talk to",
        "Talk to the SENCO at " + school + ". The SENCO is the teacher who leads help for children with SEN. You can "
            + "also talk to your child's class teacher.",
        "You can ask us questions at any time. You can tell us if you do not agree.",
        "The letter is attached as a PDF.",
        "Yours sincerely,",
        "The SENCO, " + school) + "\n";
  }

  byte[] pdf(Letter letter) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessbility(true);
      builder.useFont(() -> font("fonts/LiberationSans-Regular.ttf"), "Liberation Sans", 400,
          PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> font("fonts/LiberationSans-Bold.ttf"), "Liberation Sans", 700,
          PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.withHtmlContent(html(letter), null);
      builder.withProducer("Senda");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.io.InputStream font(String path) {
    try {
      return new ClassPathResource(path).getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
