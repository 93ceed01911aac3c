package org.senda.pupils.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.senda.demo.DemoContributor;
import org.senda.demo.DemoTrust;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Parents in the demo trust with no email address, as every school's MIS export has some (a phone number and
 * nothing else): the first parent with parental responsibility of the pupils who most recently began SEN support,
 * two in the first school and one in the second. The formal notice that SEN support has started is posted to them,
 * so the SENCO's letters to post are not empty. Runs after the register's part (who is on SEN support, since when)
 * and before identification's, which keeps the notices; leaves {@code demo.parentsWithoutEmail.<school>}, those
 * pupils, newest on SEN support first. Two queries and one batch, whatever the size of the trust.
 */
@Component
class ParentsWithoutEmailDemoData implements DemoContributor {

  /** How many parents without an email address each school has, in the order of the trust's schools. */
  private static final int[] PER_SCHOOL = {2, 1};

  /** Enough of the newest pupils on SEN support to find parents among, since looked-after pupils have none. */
  private static final int CANDIDATES = 10;

  private final JdbcTemplate jdbc;

  ParentsWithoutEmailDemoData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 350;
  }

  @Override
  public void contribute(DemoTrust trust) {
    List<Long> schoolIds = trust.get("demo.schoolIds");
    List<Object[]> withoutEmail = new ArrayList<>();
    for (int i = 0; i < schoolIds.size(); i++) {
      long schoolId = schoolIds.get(i);
      int wanted = i < PER_SCHOOL.length ? PER_SCHOOL[i] : 0;
      List<Long> pupils = new ArrayList<>();
      if (wanted > 0) {
        Map<Long, LocalDate> since = trust.get("demo.senSupportSince." + schoolId);
        List<Long> newest = since.entrySet().stream()
            .sorted(Map.Entry.<Long, LocalDate>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
            .limit(CANDIDATES)
            .map(Map.Entry::getKey)
            .toList();
        Map<Long, Long> firstParent = firstParents(newest);
        for (long pupilId : newest) {
          if (pupils.size() < wanted && firstParent.containsKey(pupilId)) {
            pupils.add(pupilId);
            withoutEmail.add(new Object[] {firstParent.get(pupilId)});
          }
        }
      }
      trust.put("demo.parentsWithoutEmail." + schoolId, Collections.unmodifiableList(pupils));
    }
    jdbc.batchUpdate("update pupil_contact set email = null where id = ?", withoutEmail);
  }

  /** The first contact with parental responsibility of each pupil who has one, by pupil. */
  private Map<Long, Long> firstParents(List<Long> pupilIds) {
    Map<Long, Long> first = new LinkedHashMap<>();
    if (pupilIds.isEmpty()) {
      return first;
    }
    jdbc.query("select id, pupil_id from pupil_contact where parental_responsibility and pupil_id in ("
            + String.join(", ", Collections.nCopies(pupilIds.size(), "?")) + ") order by contact_order, id",
        rs -> {
          first.putIfAbsent(rs.getLong("pupil_id"), rs.getLong("id"));
        },
        pupilIds.toArray());
    return first;
  }
}
