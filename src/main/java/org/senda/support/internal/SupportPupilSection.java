package org.senda.support.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.pupils.PupilPageSection;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.PupilTimeline;
import org.senda.pupils.PupilTimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "SEN support" on the pupil page: the current plan and its next review, when the pupil last contributed to their
 * passport, and the next meeting with parents (two statements); and plans made active, reviews and meetings held
 * on the pupil's timeline (one statement).
 */
@Component
class SupportPupilSection implements PupilPageSection, PupilTimeline {

  record Summary(@Nullable Long planId, @Nullable PlanStatus planStatus, @Nullable Integer cycle,
      @Nullable LocalDate reviewDate, @Nullable Integer passportVersion, @Nullable LocalDate passportContributedOn,
      @Nullable LocalDate nextMeeting, @Nullable LocalDate missedMeeting) {

    public boolean reviewOverdue(LocalDate today) {
      return planStatus == PlanStatus.ACTIVE && reviewDate != null && reviewDate.isBefore(today);
    }
  }

  private final JdbcClient jdbc;
  private final SupportSettings settings;
  private final Permissions permissions;
  private final Clock clock;

  SupportPupilSection(JdbcClient jdbc, SupportSettings settings, Permissions permissions, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.permissions = permissions;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public String heading() {
    return "SEN support";
  }

  @Override
  public String fragment() {
    return "support/pupil-section :: section";
  }

  @Override
  public Map<String, Object> model(PupilSummary pupil) {
    LocalDate today = LocalDate.now(clock);
    Summary summary = jdbc.sql("""
            select sp.id, sp.status, c.number, c.review_date,
              (select max(y.number) from pupil_passport y where y.pupil_id = p.id),
              (select pp.pupil_contributed_on from pupil_passport pp where pp.pupil_id = p.id
               and pp.number = (select max(y.number) from pupil_passport y where y.pupil_id = p.id)),
              (select min(m.scheduled_on) from support_meeting m where m.pupil_id = p.id and m.held_on is null
               and m.cancelled_on is null and m.scheduled_on >= :today),
              (select min(m.scheduled_on) from support_meeting m where m.pupil_id = p.id and m.held_on is null
               and m.cancelled_on is null and m.scheduled_on < :today)
            from pupil p
            left join support_plan sp on sp.id = (
              select max(x.id) from support_plan x where x.pupil_id = p.id and x.status <> 'CLOSED')
            left join support_plan_cycle c on c.plan_id = sp.id and c.number = sp.current_cycle
            where p.id = :pupil""")
        .param("pupil", pupil.id()).param("today", today)
        .query((rs, n) -> new Summary((Long) rs.getObject(1),
            rs.getString(2) == null ? null : PlanStatus.valueOf(rs.getString(2)), (Integer) rs.getObject(3),
            rs.getObject(4, LocalDate.class), (Integer) rs.getObject(5), rs.getObject(6, LocalDate.class),
            rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class)))
        .single();
    Map<String, Object> model = new HashMap<>();
    model.put("summary", summary);
    model.put("planName", settings.of(pupil.schoolId()).planName());
    model.put("today", today);
    model.put("canWrite", permissions.can(pupil.schoolId(), Permission.MANAGE_SEND));
    model.put("base", "/schools/" + pupil.schoolId());
    model.put("pupilId", pupil.id());
    return model;
  }

  @Override
  public List<PupilTimelineEntry> entries(PupilSummary pupil) {
    String base = "/schools/" + pupil.schoolId();
    return jdbc.sql("""
            select 'PLAN' as kind, sp.activated_on as on_date, sp.id as ref, cast(null as varchar(40)) as detail
            from support_plan sp where sp.pupil_id = :pupil and sp.activated_on is not null
            union all
            select 'REVIEW', r.held_on, r.plan_id, r.decision from support_review r
            join support_plan sp on sp.id = r.plan_id where sp.pupil_id = :pupil
            union all
            select 'MEETING', m.held_on, m.id, m.purpose from support_meeting m
            where m.pupil_id = :pupil and m.held_on is not null and m.purpose <> 'REVIEW'
            union all
            select 'CANCELLED', m.cancelled_on, m.id, m.purpose from support_meeting m
            where m.pupil_id = :pupil and m.cancelled_on is not null
            order by 2 desc""")
        .param("pupil", pupil.id())
        .query((rs, n) -> {
          String kind = rs.getString(1);
          LocalDate on = rs.getObject(2, LocalDate.class);
          long ref = rs.getLong(3);
          String detail = rs.getString(4);
          return switch (kind) {
            case "PLAN" -> new PupilTimelineEntry(on, "Support plan made active", null,
                base + "/support-plans/" + ref);
            case "REVIEW" -> new PupilTimelineEntry(on, "Support plan reviewed with parents",
                ReviewDecision.valueOf(detail).title(), base + "/support-plans/" + ref);
            case "CANCELLED" -> new PupilTimelineEntry(on, "Meeting with parents cancelled",
                MeetingPurpose.valueOf(detail).title(), base + "/pupils/" + pupil.id() + "/meetings");
            default -> new PupilTimelineEntry(on, "Meeting with parents", MeetingPurpose.valueOf(detail).title(),
                base + "/pupils/" + pupil.id() + "/meetings");
          };
        })
        .list();
  }
}
