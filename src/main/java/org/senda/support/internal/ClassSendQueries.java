package org.senda.support.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilSummary;
import org.senda.register.BroadArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The supply-teacher page: the pupils of one class with a current plan or passport, their needs and the top
 * classroom strategies, in three statements whatever the size of the class.
 */
@Repository
class ClassSendQueries {

  /** How many strategies the page shows per pupil: what a supply teacher can act on in a day. */
  static final int TOP_STRATEGIES = 3;

  record Row(long pupilId, String name, @Nullable Long planId, @Nullable Integer wave, @Nullable LocalDate reviewDate,
      @Nullable String howBestToSupportMe, List<PlanDetail.Need> needs, List<String> strategies) {}

  private final JdbcClient jdbc;

  ClassSendQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Row> rows(long schoolId, long classId, LocalDate today) {
    record Base(long pupilId, String name, @Nullable Long planId, @Nullable Long cycleId, @Nullable Integer wave,
        @Nullable LocalDate reviewDate, @Nullable String support) {}
    List<Base> base = jdbc.sql("""
            select p.id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname,
              sp.id, c.id, c.wave, c.review_date, pp.how_best_to_support_me
            from pupil p
            left join support_plan sp on sp.id = (select max(x.id) from support_plan x
                                                   where x.pupil_id = p.id and x.status = 'ACTIVE')
            left join support_plan_cycle c on c.plan_id = sp.id and c.number = sp.current_cycle
            left join pupil_passport pp on pp.pupil_id = p.id
              and pp.number = (select max(y.number) from pupil_passport y where y.pupil_id = p.id)
            where p.school_id = :school and p.class_id = :classId
              and (p.leaving_date is null or p.leaving_date > :today)
              and (sp.id is not null or pp.id is not null)
            order by coalesce(p.preferred_surname, p.legal_surname), coalesce(p.preferred_forename, p.legal_forename)""")
        .param("school", schoolId).param("classId", classId).param("today", today)
        .query((rs, n) -> new Base(rs.getLong(1),
            PupilSummary.displayName(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
            (Long) rs.getObject(6), (Long) rs.getObject(7), (Integer) rs.getObject(8),
            rs.getObject(9, LocalDate.class), rs.getString(10)))
        .list();
    Map<Long, List<PlanDetail.Need>> needs = new HashMap<>();
    Map<Long, List<String>> strategies = new LinkedHashMap<>();
    List<Long> cycles = base.stream().map(Base::cycleId).filter(id -> id != null).toList();
    if (!cycles.isEmpty()) {
      jdbc.sql("""
              select cycle_id, area, description from support_plan_need where cycle_id in (:cycles)
              order by cycle_id, position""")
          .param("cycles", cycles)
          .query(rs -> {
            needs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new PlanDetail.Need(BroadArea.valueOf(rs.getString(2)), rs.getString(3)));
          });
      jdbc.sql("""
              select cycle_id, strategies from support_plan_outcome
              where cycle_id in (:cycles) and strategies is not null order by cycle_id, position""")
          .param("cycles", cycles)
          .query(rs -> {
            List<String> list = strategies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
            for (String s : rs.getString(2).split("\n")) {
              if (!s.isBlank() && list.size() < TOP_STRATEGIES) {
                list.add(s.strip());
              }
            }
          });
    }
    return base.stream()
        .map(b -> new Row(b.pupilId(), b.name(), b.planId(), b.wave(), b.reviewDate(), b.support(),
            b.cycleId() == null ? List.of() : needs.getOrDefault(b.cycleId(), List.of()),
            b.cycleId() == null ? List.of() : strategies.getOrDefault(b.cycleId(), List.of())))
        .toList();
  }
}
