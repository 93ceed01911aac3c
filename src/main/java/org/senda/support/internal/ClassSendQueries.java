package org.senda.support.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilSummary;
import org.senda.register.BroadArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The supply-teacher page: the class and school names, and the pupils of the class with a current plan or passport,
 * their needs and the top classroom strategies, in one statement whatever the size of the class.
 */
@Repository
class ClassSendQueries {

  /** How many strategies the page shows per pupil: what a supply teacher can act on in a day. */
  static final int TOP_STRATEGIES = 3;

  record Row(long pupilId, String name, @Nullable Long planId, @Nullable Integer wave, @Nullable LocalDate reviewDate,
      @Nullable String howBestToSupportMe, List<PlanDetail.Need> needs, List<String> strategies) {

    /** Whether the plan's review date has passed without a review (the cycle would have closed). */
    public boolean reviewOverdue(LocalDate today) {
      return planId != null && reviewDate != null && reviewDate.isBefore(today);
    }
  }

  record ClassPage(String className, String schoolName, List<Row> rows) {}

  private final JdbcClient jdbc;

  ClassSendQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The page, or empty when the class is not one of the school's. One row per pupil, need and outcome with
   * strategies (a pupil has a handful of each), folded in Java.
   */
  Optional<ClassPage> page(long schoolId, long classId, LocalDate today) {
    return page(schoolId, classId, today, null, null);
  }

  /**
   * As {@link #page(long, long, LocalDate)}, and empty too when the class is not among {@code classesSql} (a
   * subquery of class ids over {@code :scopeStaffId}) when that is given: a teacher's own classes, checked in the
   * same statement.
   */
  Optional<ClassPage> page(long schoolId, long classId, LocalDate today, @Nullable String classesSql,
      @Nullable Long staffId) {
    String[] names = new String[2];
    Map<Long, Row> rows = new LinkedHashMap<>();
    Map<Long, List<PlanDetail.Need>> needs = new LinkedHashMap<>();
    Map<Long, List<String>> strategies = new LinkedHashMap<>();
    Set<Long> needIds = new HashSet<>();
    Set<Long> outcomeIds = new HashSet<>();
    jdbc.sql("""
            select c.name, s.name, b.id, b.legal_forename, b.legal_surname, b.preferred_forename, b.preferred_surname,
              b.plan_id, b.wave, b.review_date, b.how_best_to_support_me, n.id, n.area, n.description, o.id,
              o.strategies
            from school_class c
            join school s on s.id = c.school_id
            left join (
              select p.id, p.class_id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname,
                sp.id as plan_id, cy.id as cycle_id, cy.wave, cy.review_date, pp.how_best_to_support_me
              from pupil p
              left join support_plan sp on sp.id = (select max(x.id) from support_plan x
                                                     where x.pupil_id = p.id and x.status = 'ACTIVE')
              left join support_plan_cycle cy on cy.plan_id = sp.id and cy.number = sp.current_cycle
              left join pupil_passport pp on pp.pupil_id = p.id
                and pp.number = (select max(y.number) from pupil_passport y where y.pupil_id = p.id)
              where p.school_id = :school and p.class_id = :classId
                and (p.leaving_date is null or p.leaving_date > :today)
                and (sp.id is not null or pp.id is not null)
            ) b on b.class_id = c.id
            left join support_plan_need n on n.cycle_id = b.cycle_id
            left join support_plan_outcome o on o.cycle_id = b.cycle_id and o.strategies is not null
            where c.id = :classId and c.school_id = :school %s
            order by coalesce(b.preferred_surname, b.legal_surname), coalesce(b.preferred_forename, b.legal_forename),
              b.id, n.position, o.position""".formatted(classesSql == null ? "" : "and c.id in (" + classesSql + ")"))
        .params(classesSql == null ? Map.of() : Map.of("scopeStaffId", java.util.Objects.requireNonNull(staffId)))
        .param("school", schoolId).param("classId", classId).param("today", today)
        .query(rs -> {
          names[0] = rs.getString(1);
          names[1] = rs.getString(2);
          long pupilId = rs.getLong(3);
          if (rs.wasNull()) {
            return;
          }
          rows.computeIfAbsent(pupilId, id -> {
            try {
              return new Row(id, PupilSummary.displayName(rs.getString(4), rs.getString(5), rs.getString(6),
                  rs.getString(7)), (Long) rs.getObject(8), (Integer) rs.getObject(9),
                  rs.getObject(10, LocalDate.class), rs.getString(11), List.of(), List.of());
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          long needId = rs.getLong(12);
          if (!rs.wasNull() && needIds.add(needId)) {
            needs.computeIfAbsent(pupilId, k -> new ArrayList<>())
                .add(new PlanDetail.Need(BroadArea.valueOf(rs.getString(13)), rs.getString(14)));
          }
          long outcomeId = rs.getLong(15);
          if (!rs.wasNull() && outcomeIds.add(outcomeId)) {
            List<String> list = strategies.computeIfAbsent(pupilId, k -> new ArrayList<>());
            for (String s : rs.getString(16).split("\n")) {
              if (!s.isBlank() && list.size() < TOP_STRATEGIES) {
                list.add(s.strip());
              }
            }
          }
        });
    if (names[0] == null) {
      return Optional.empty();
    }
    List<Row> list = rows.values().stream()
        .map(r -> new Row(r.pupilId(), r.name(), r.planId(), r.wave(), r.reviewDate(), r.howBestToSupportMe(),
            needs.getOrDefault(r.pupilId(), List.of()), strategies.getOrDefault(r.pupilId(), List.of())))
        .toList();
    return Optional.of(new ClassPage(names[0], names[1], list));
  }
}
