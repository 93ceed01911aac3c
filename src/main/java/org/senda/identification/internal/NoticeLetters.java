package org.senda.identification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilContact;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The formal notice that SEN support has started as a letter to post, one per parent with parental responsibility
 * and no email address (Children and Families Act 2014 s.68; Code of Practice 6.43): the school prints the notice
 * addressed to them, posts it and records the day it was posted and who recorded it. The callers have checked that
 * the person manages SEND in the school.
 */
@Service
class NoticeLetters {

  /** A letter to one parent, posted or still to post. */
  record Letter(long id, long concernId, long schoolId, long pupilId, @Nullable Long contactId, String parentName,
      @Nullable String relationship, LocalDate writtenOn, @Nullable LocalDate postedOn,
      @Nullable String postedByName, int version) {

    public boolean posted() {
      return postedOn != null;
    }

    /** The parent as the letter addresses them: their name and, where known, how they are related to the pupil. */
    public String addressee() {
      return PupilContact.addressee(parentName, relationship);
    }
  }

  /** A letter still to post, with the day SEN support started, for the SENCO's list. */
  record ToPost(Letter letter, LocalDate startsOn) {}

  private static final String SELECT = """
      select l.id, l.concern_id, l.school_id, l.pupil_id, l.contact_id, l.parent_name, l.relationship, l.created_at,
             l.posted_on, l.posted_by_name, l.version
      from parent_notice_letter l""";

  private final JdbcClient jdbc;
  private final Audit audit;
  private final Clock clock;

  NoticeLetters(JdbcClient jdbc, Audit audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  Optional<Letter> find(long letterId) {
    return jdbc.sql(SELECT + " where l.id = ?").param(letterId).query(this::letter).optional();
  }

  /** The letters of the notice about a concern, in the order they were made, in one query. */
  List<Letter> ofConcern(long concernId) {
    return jdbc.sql(SELECT + " where l.concern_id = ? order by l.id").param(concernId).query(this::letter).list();
  }

  /** The school's letters not yet posted, the longest waiting first, in one query. */
  List<ToPost> toPost(long schoolId) {
    return jdbc.sql(SELECT.replace("from parent_notice_letter l", """
            , n.starts_on
            from parent_notice_letter l join parent_notice n on n.id = l.notice_id""")
            + " where l.school_id = ? and l.posted_on is null order by l.created_at, l.id")
        .param(schoolId)
        .query((rs, n) -> new ToPost(letter(rs, n), rs.getObject("starts_on", LocalDate.class)))
        .list();
  }

  /** How many of the school's letters are still to post. */
  int countToPost(long schoolId) {
    return jdbc.sql("select count(*) from parent_notice_letter where school_id = ? and posted_on is null")
        .param(schoolId).query(Integer.class).single();
  }

  /**
   * Keeps a letter to post to {@code parent} with the notice, once: the outbox may hand the same decision on again
   * after a restart.
   */
  void add(long noticeId, PupilContact parent, OffsetDateTime createdAt) {
    jdbc.sql("""
            insert into parent_notice_letter (notice_id, concern_id, school_id, pupil_id, contact_id, parent_name,
              relationship, created_at)
            select n.id, n.concern_id, n.school_id, n.pupil_id, ?, ?, ?, ? from parent_notice n
            where n.id = ? and n.concern_id is not null and not exists (select 1 from parent_notice_letter l
              where l.concern_id = n.concern_id and l.contact_id = ?)""")
        .params(parent.id(), parent.name(), parent.relationship(), createdAt, noticeId, parent.id())
        .update();
  }

  /** Records that the letter was posted, unless someone else changed it since {@code version}. */
  @Transactional
  void recordPosted(Letter letter, LocalDate postedOn, int version, SendaUser by) {
    int updated = jdbc.sql("""
            update parent_notice_letter set posted_on = ?, posted_by_name = ?, posted_recorded_at = ?,
              version = version + 1
            where id = ? and version = ?""")
        .params(postedOn, by.displayName(), clock.instant().atOffset(ZoneOffset.UTC), letter.id(), version)
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("SEN support notice letter " + letter.id());
    }
    audit.record(AuditAction.UPDATE, "parent-notice-letter", letter.id(), letter.schoolId(),
        "concern " + letter.concernId() + " posted " + postedOn);
  }

  private Letter letter(ResultSet rs, int n) throws SQLException {
    long contact = rs.getLong("contact_id");
    Long contactId = rs.wasNull() ? null : contact;
    // The day the notice was written, in the school's time zone.
    LocalDate writtenOn = rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone())
        .toLocalDate();
    return new Letter(rs.getLong("id"), rs.getLong("concern_id"), rs.getLong("school_id"), rs.getLong("pupil_id"),
        contactId, rs.getString("parent_name"), rs.getString("relationship"), writtenOn,
        rs.getObject("posted_on", LocalDate.class), rs.getString("posted_by_name"), rs.getInt("version"));
  }
}
