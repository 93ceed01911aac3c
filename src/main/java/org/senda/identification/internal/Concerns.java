package org.senda.identification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.identification.ConcernRaised;
import org.senda.pupils.PupilSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Causes for concern: raised by a teacher, triaged by the SENCO through evidence and parents to a decision. */
@Service
class Concerns {

  /** A cause for concern as lists, the API and the pupil page show it. */
  record Concern(
      long id,
      long pupilId,
      long schoolId,
      LocalDate raisedOn,
      String raisedByName,
      List<String> areas,
      String evidence,
      String triedInClass,
      @Nullable String pupilView,
      String status,
      @Nullable String decision,
      @Nullable LocalDate reviewOn,
      int version) {

    public List<String> areaTitles() {
      return areas.stream().map(a -> AreaOfConcern.valueOf(a).title()).toList();
    }

    public String statusTitle() {
      return ConcernStatus.valueOf(status).title();
    }
  }

  private final JdbcClient jdbc;
  private final Audit audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Concerns(JdbcClient jdbc, Audit audit, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Records the concern and announces it; the pupil has been checked as visible to {@code by}. */
  @Transactional
  Concern raise(PupilSummary pupil, SendaUser by, ConcernForm form) {
    LocalDate today = LocalDate.now(clock);
    Set<String> areas = new LinkedHashSet<>(form.areasOrEmpty());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into concern (school_id, pupil_id, raised_on, raised_by, raised_by_name, areas, evidence,
              tried_in_class, pupil_view)
            values (:school, :pupil, :on, :by, :name, :areas, :evidence, :tried, :view)""")
        .param("school", pupil.schoolId())
        .param("pupil", pupil.id())
        .param("on", today)
        .param("by", by.email())
        .param("name", by.displayName())
        .param("areas", String.join(",", areas))
        .param("evidence", Objects.requireNonNull(form.evidence()).trim())
        .param("tried", Objects.requireNonNull(form.triedInClass()).trim())
        .param("view", blankToNull(form.pupilView()))
        .update(key, "id");
    long id = Objects.requireNonNull(key.getKey()).longValue();
    audit.record(AuditAction.CREATE, "concern", id, pupil.schoolId(), null);
    events.publishEvent(new ConcernRaised(id, pupil.id(), pupil.schoolId(), today, Set.copyOf(areas)));
    return find(id).orElseThrow();
  }

  /** The pupil's concerns, newest first. */
  @Transactional
  List<Concern> ofPupil(PupilSummary pupil) {
    audit.record(AuditAction.VIEW, "concern", null, pupil.schoolId(), "pupil " + pupil.id());
    return jdbc.sql(SELECT + " where pupil_id = ? order by raised_on desc, id desc")
        .param(pupil.id())
        .query(Concerns::concern)
        .list();
  }

  /** Why the SENCO decided as they did, and when; empty while the concern is undecided. */
  record DecisionRecord(String reason, LocalDate decidedOn) {}

  java.util.Optional<DecisionRecord> decisionRecord(long concernId) {
    return jdbc.sql("select decision_notes, decided_on from concern where id = ? and decided_on is not null")
        .param(concernId)
        .query((rs, n) -> new DecisionRecord(java.util.Objects.requireNonNullElse(rs.getString("decision_notes"), ""),
            rs.getObject("decided_on", LocalDate.class)))
        .optional();
  }

  java.util.Optional<Concern> find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(Concerns::concern).optional();
  }

  static final String SELECT = """
      select id, pupil_id, school_id, raised_on, raised_by_name, areas, evidence, tried_in_class, pupil_view, status,
             decision, review_on, version
      from concern""";

  static Concern concern(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Concern(
        rs.getLong("id"),
        rs.getLong("pupil_id"),
        rs.getLong("school_id"),
        rs.getObject("raised_on", LocalDate.class),
        rs.getString("raised_by_name"),
        Arrays.stream(rs.getString("areas").split(",")).filter(s -> !s.isBlank()).toList(),
        rs.getString("evidence"),
        rs.getString("tried_in_class"),
        rs.getString("pupil_view"),
        rs.getString("status"),
        rs.getString("decision"),
        rs.getObject("review_on", LocalDate.class),
        rs.getInt("version"));
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
