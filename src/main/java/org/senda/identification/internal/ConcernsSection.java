package org.senda.identification.internal;

import java.util.List;
import java.util.Map;
import org.senda.pupils.PupilPageSection;
import org.senda.pupils.PupilSummary;
import org.senda.web.RequestMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** "Concerns and progress flags" on the pupil page: the pupil's causes for concern and links to their progress. */
@Component
class ConcernsSection implements PupilPageSection {

  private final JdbcClient jdbc;

  ConcernsSection(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
    List<Concerns.Concern> concerns = concerns(jdbc, pupil.id());
    List<String> subjects = jdbc.sql("""
            select distinct sub.code, sub.position from assessment_subject sub
            join assessment_score s on s.subject_id = sub.id where s.pupil_id = ? order by sub.position""")
        .param(pupil.id())
        .query((rs, n) -> rs.getString(1))
        .list();
    return Map.of("schoolId", pupil.schoolId(), "pupilId", pupil.id(), "concerns", concerns, "subjects", subjects);
  }

  /** The pupil's concerns, newest first; read once per request (this section and the timeline show them). */
  static List<Concerns.Concern> concerns(JdbcClient jdbc, long pupilId) {
    return RequestMemo.get("pupil-concerns." + pupilId,
        () -> jdbc.sql(Concerns.SELECT + " where pupil_id = ? order by raised_on desc, id desc")
            .param(pupilId)
            .query(Concerns::concern)
            .list());
  }
}
