package org.senda.identification.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A counter per school that every change to an input of the progress tests raises, in the transaction of the
 * change: the flags a node computed still hold while the counters of the schools they were computed from are
 * unchanged (see docs/decisions/0007-progress-flags-kept-until-their-inputs-change.md).
 */
@Component
class ProgressInputs {

  private final JdbcClient jdbc;

  ProgressInputs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records that an input of the school's progress tests changed. Call it after the change, in its transaction:
   * the row lock orders concurrent changes, so each commit leaves a counter no reader has seen before.
   */
  void changed(long schoolId) {
    int updated = jdbc.sql("update progress_inputs set version = version + 1 where school_id = ?")
        .param(schoolId)
        .update();
    if (updated == 0) {
      // The school's first change: two at once must not refuse one of them, so the row is made if missing (the
      // second waits for the first's row and leaves it) and then raised like any other.
      jdbc.sql("insert into progress_inputs (school_id, version) values (?, 0) on conflict do nothing")
          .param(schoolId).update();
      jdbc.sql("update progress_inputs set version = version + 1 where school_id = ?").param(schoolId).update();
    }
  }

  /** The counters of the schools, in one statement; a school that never changed counts 0. */
  Map<Long, Long> versions(Collection<Long> schoolIds) {
    Map<Long, Long> versions = new HashMap<>();
    for (long schoolId : schoolIds) {
      versions.put(schoolId, 0L);
    }
    if (schoolIds.isEmpty()) {
      return versions;
    }
    jdbc.sql("select school_id, version from progress_inputs where school_id in (:schools)")
        .param("schools", schoolIds)
        .query(rs -> {
          versions.put(rs.getLong(1), rs.getLong(2));
        });
    return versions;
  }
}
