package org.senda.identification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilContact;
import org.senda.pupils.PupilPageSection;
import org.senda.pupils.PupilSummary;
import org.senda.web.RequestMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** "Concerns and progress flags" on the pupil page: the pupil's causes for concern and links to their progress. */
@Component
class ConcernsSection implements PupilPageSection {

  /** A cause for concern on the pupil page, with how the parents were told when it started SEN support. */
  record PupilConcern(Concerns.Concern concern, @Nullable LocalDate emailedOn, List<String> emailedTo,
      List<PostedLetter> posted) {}

  /** A letter to a parent without an email address, and the day it was posted. */
  record PostedLetter(String addressee, LocalDate postedOn) {}

  /**
   * The pupil's concerns, each with the first notice that was emailed and one row for each letter posted (or one
   * row without a letter), so the timeline costs no statement of its own.
   */
  static final String PUPIL_CONCERNS = """
      select c.id, c.pupil_id, c.school_id, c.raised_on, c.raised_by_name, c.areas, c.evidence, c.tried_in_class,
             c.pupil_view, c.status, c.decision, c.review_on, c.version, n.sent_at as emailed_at,
             n.recipients as notice_recipients, l.parent_name, l.relationship, l.posted_on
      from concern c
      left join parent_notice n on n.id = (select min(x.id) from parent_notice x
        where x.pupil_id = c.pupil_id and x.concern_id = c.id and x.sent_at is not null)
      left join parent_notice_letter l on l.concern_id = c.id and l.posted_on is not null
      where c.pupil_id = ? order by c.raised_on desc, c.id desc, l.posted_on, l.id""";

  private final JdbcClient jdbc;
  private final Clock clock;

  ConcernsSection(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 150;
  }

  @Override
  public String heading() {
    return "Concerns and progress flags";
  }

  @Override
  public String fragment() {
    return "identification/pupil-section :: section";
  }

  @Override
  public Map<String, Object> model(PupilSummary pupil) {
    List<Concerns.Concern> concerns = concerns(pupil.id()).stream().map(PupilConcern::concern).toList();
    List<String> subjects = jdbc.sql("""
            select distinct sub.code, sub.position from assessment_subject sub
            join assessment_score s on s.subject_id = sub.id where s.pupil_id = ? order by sub.position""")
        .param(pupil.id())
        .query((rs, n) -> rs.getString(1))
        .list();
    return Map.of("schoolId", pupil.schoolId(), "pupilId", pupil.id(), "concerns", concerns, "subjects", subjects);
  }

  /**
   * The pupil's concerns, newest first, with the notices to parents; read once per request (this section and the
   * timeline show them).
   */
  List<PupilConcern> concerns(long pupilId) {
    return RequestMemo.get("pupil-concerns." + pupilId, () -> jdbc.sql(PUPIL_CONCERNS)
        .param(pupilId)
        .query(rs -> {
          Map<Long, PupilConcern> byId = new LinkedHashMap<>();
          while (rs.next()) {
            PupilConcern concern = byId.get(rs.getLong("id"));
            if (concern == null) {
              OffsetDateTime emailedAt = rs.getObject("emailed_at", OffsetDateTime.class);
              concern = new PupilConcern(Concerns.concern(rs, byId.size()),
                  // The day the notice was emailed, in the school's time zone.
                  emailedAt == null ? null : emailedAt.atZoneSameInstant(clock.getZone()).toLocalDate(),
                  emailedAt == null ? List.of() : SenSupportNoticeSender.emailed(rs.getString("notice_recipients")),
                  new ArrayList<>());
              byId.put(concern.concern().id(), concern);
            }
            LocalDate postedOn = rs.getObject("posted_on", LocalDate.class);
            if (postedOn != null) {
              concern.posted().add(new PostedLetter(
                  PupilContact.addressee(rs.getString("parent_name"), rs.getString("relationship")), postedOn));
            }
          }
          return List.copyOf(byId.values());
        }));
  }
}
