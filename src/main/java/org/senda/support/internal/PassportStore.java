package org.senda.support.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Passport versions: each save inserts the next number, so two saves from the same version cannot both win. */
@Repository
class PassportStore {

  private final JdbcClient jdbc;

  PassportStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The current version with its images, in one statement. */
  Optional<Passport> current(long pupilId) {
    return read("p.pupil_id = ? and p.number = (select max(number) from pupil_passport where pupil_id = ?)",
        pupilId, pupilId).stream().findFirst();
  }

  Optional<Passport> version(long pupilId, int number) {
    return read("p.pupil_id = ? and p.number = ?", pupilId, number).stream().findFirst();
  }

  private List<Passport> read(String where, Object... params) {
    Map<Long, Passport> found = new LinkedHashMap<>();
    Map<Long, List<Passport.Image>> images = new LinkedHashMap<>();
    jdbc.sql("""
            select p.id, p.pupil_id, p.school_id, p.number, p.liked_and_admired, p.important_to_me,
              p.how_best_to_support_me, p.find_hard, p.hopes, p.pupil_contributed_on, p.created_at, p.created_by,
              i.id, i.alt_text, i.content_type
            from pupil_passport p left join pupil_passport_image i on i.passport_id = p.id
            where\s""" + where + " order by p.number desc, i.id")
        .params(params)
        .query(rs -> {
          long id = rs.getLong(1);
          found.computeIfAbsent(id, k -> {
            try {
              return new Passport(id, rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                  rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                  rs.getTimestamp(11).toInstant(), rs.getString(12), List.of());
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          long imageId = rs.getLong(13);
          if (!rs.wasNull()) {
            images.computeIfAbsent(id, k -> new ArrayList<>())
                .add(new Passport.Image(imageId, rs.getString(14), rs.getString(15)));
          }
        });
    return found.values().stream()
        .map(p -> new Passport(p.id(), p.pupilId(), p.schoolId(), p.number(), p.likedAndAdmired(), p.importantToMe(),
            p.howBestToSupportMe(), p.findHard(), p.hopes(), p.pupilContributedOn(), p.createdAt(), p.createdBy(),
            images.getOrDefault(p.id(), List.of())))
        .toList();
  }

  /** The versions, newest first, without their text. */
  record VersionRow(int number, LocalDate createdAt, String createdBy, @org.jspecify.annotations.Nullable LocalDate pupilContributedOn) {}

  List<VersionRow> versions(long pupilId) {
    return jdbc.sql("""
            select number, created_at, created_by, pupil_contributed_on from pupil_passport
            where pupil_id = ? order by number desc""")
        .param(pupilId)
        .query((rs, n) -> new VersionRow(rs.getInt(1), rs.getTimestamp(2).toLocalDateTime().toLocalDate(), rs.getString(3),
            rs.getObject(4, LocalDate.class)))
        .list();
  }

  /**
   * Saves the next version after {@code basedOn} (0 when there is none yet), carrying the images over; refuses when
   * someone else saved a version meanwhile.
   */
  Passport save(long pupilId, long schoolId, int basedOn, PassportDraft draft, Instant now, String actor) {
    int current = jdbc.sql("select coalesce(max(number), 0) from pupil_passport where pupil_id = ?")
        .param(pupilId).query(Integer.class).single();
    if (current != basedOn) {
      throw new OptimisticLockingFailureException("passport of pupil " + pupilId + " is at version " + current);
    }
    var keys = new GeneratedKeyHolder();
    try {
      jdbc.sql("""
              insert into pupil_passport (pupil_id, school_id, number, liked_and_admired, important_to_me,
                how_best_to_support_me, find_hard, hopes, pupil_contributed_on, created_at, created_by)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(pupilId, schoolId, basedOn + 1, draft.likedAndAdmired(), draft.importantToMe(),
              draft.howBestToSupportMe(), draft.findHard(), draft.hopes(),
              draft.pupilContributedOn() == null ? null : Date.valueOf(draft.pupilContributedOn()),
              Timestamp.from(now), actor)
          .update(keys, "id");
    } catch (DuplicateKeyException e) {
      // The unique (pupil, number) key: someone saved the same next version a moment earlier.
      throw new OptimisticLockingFailureException("passport of pupil " + pupilId + " saved concurrently", e);
    }
    long id = keys.getKey().longValue();
    if (basedOn > 0) {
      jdbc.sql("""
              insert into pupil_passport_image (passport_id, school_id, alt_text, content_type, bytes)
              select ?, i.school_id, i.alt_text, i.content_type, i.bytes from pupil_passport_image i
              join pupil_passport p on p.id = i.passport_id where p.pupil_id = ? and p.number = ?""")
          .params(id, pupilId, basedOn)
          .update();
    }
    return version(pupilId, basedOn + 1).orElseThrow();
  }

  void addImage(long passportId, long schoolId, String altText, String contentType, byte[] bytes) {
    jdbc.sql("""
            insert into pupil_passport_image (passport_id, school_id, alt_text, content_type, bytes)
            values (?, ?, ?, ?, ?)""")
        .params(passportId, schoolId, altText, contentType, bytes)
        .update();
  }

  /** The pictures of one version, by id. */
  Map<Long, byte[]> imageBytes(long passportId) {
    Map<Long, byte[]> bytes = new LinkedHashMap<>();
    jdbc.sql("select id, bytes from pupil_passport_image where passport_id = ? order by id")
        .param(passportId)
        .query(rs -> {
          bytes.put(rs.getLong(1), rs.getBytes(2));
        });
    return bytes;
  }

  record ImageBytes(long pupilId, long schoolId, String contentType, byte[] bytes) {}

  Optional<ImageBytes> image(long imageId) {
    return jdbc.sql("""
            select p.pupil_id, i.school_id, i.content_type, i.bytes from pupil_passport_image i
            join pupil_passport p on p.id = i.passport_id where i.id = ?""")
        .param(imageId)
        .query((rs, n) -> new ImageBytes(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)))
        .optional();
  }
}
