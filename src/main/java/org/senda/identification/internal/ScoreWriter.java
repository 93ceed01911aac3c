package org.senda.identification.internal;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes scores in JDBC batches (imports and the demo trust write thousands at a time). */
@Component
class ScoreWriter {

  record Score(long pupilId, long subjectId, long pointId, double score) {}

  private static final int BATCH = 1_000;

  private final JdbcTemplate jdbc;
  private final ProgressInputs inputs;

  ScoreWriter(JdbcTemplate jdbc, ProgressInputs inputs) {
    this.jdbc = jdbc;
    this.inputs = inputs;
  }

  void insert(long schoolId, List<Score> scores) {
    batch("""
        insert into assessment_score (score, school_id, pupil_id, subject_id, point_id) values (?, ?, ?, ?, ?)""",
        schoolId, scores);
  }

  void update(long schoolId, List<Score> scores) {
    batch("""
        update assessment_score set score = ?, version = version + 1
        where school_id = ? and pupil_id = ? and subject_id = ? and point_id = ?""", schoolId, scores);
  }

  private void batch(String sql, long schoolId, List<Score> scores) {
    for (int from = 0; from < scores.size(); from += BATCH) {
      List<Object[]> args = scores.subList(from, Math.min(scores.size(), from + BATCH)).stream()
          .map(s -> new Object[] {BigDecimal.valueOf(s.score()), schoolId, s.pupilId(), s.subjectId(), s.pointId()})
          .toList();
      jdbc.batchUpdate(sql, args);
    }
    inputs.changed(schoolId);
  }
}
