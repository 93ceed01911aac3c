package org.senda.agencies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
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
 * The parents' copy of a referral as a letter to post, one per parent with parental responsibility and no email
 * address: the school prints the PDF addressed to them, posts it and records when and who posted it. The callers
 * have checked the person's right to the pupil ({@link AgencyAccess}).
 */
@Service
class ReferralLetters {

  /** A letter to one parent, posted or still to post. */
  record Letter(long id, long referralId, long schoolId, long pupilId, @Nullable Long contactId, String parentName,
      @Nullable String relationship, @Nullable LocalDate postedOn, @Nullable String postedByName, int version) {

    public boolean posted() {
      return postedOn != null;
    }

    /** The parent as the letter addresses them: their name and, where known, how they are related to the pupil. */
    public String addressee() {
      return PupilContact.addressee(parentName, relationship);
    }
  }

  /** A letter still to post, with the referral it copies, for the SENCO's list. */
  record ToPost(Letter letter, String serviceName, @Nullable LocalDate sentOn) {}

  private static final String SELECT = """
      select l.id, l.referral_id, l.school_id, l.pupil_id, l.contact_id, l.parent_name, l.relationship, l.posted_on,
             l.posted_by_name, l.version
      from referral_letter l""";

  private final JdbcClient jdbc;
  private final Audit audit;
  private final Clock clock;

  ReferralLetters(JdbcClient jdbc, Audit audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  Optional<Letter> find(long letterId) {
    return jdbc.sql(SELECT + " where l.id = ?").param(letterId).query(ReferralLetters::letter).optional();
  }

  /** The letters of a referral, in the order they were made, in one query. */
  List<Letter> ofReferral(long referralId) {
    return jdbc.sql(SELECT + " where l.referral_id = ? order by l.id").param(referralId)
        .query(ReferralLetters::letter).list();
  }

  /** The school's letters not yet posted, oldest referral first, in one query. */
  List<ToPost> toPost(long schoolId) {
    return jdbc.sql(SELECT.replace("from referral_letter l", """
            , a.service_name, r.sent_on
            from referral_letter l join referral r on r.id = l.referral_id join agency a on a.id = r.agency_id""")
            + " where l.school_id = ? and l.posted_on is null order by r.sent_on, l.id")
        .param(schoolId)
        .query((rs, n) -> new ToPost(letter(rs, n), rs.getString("service_name"),
            rs.getObject("sent_on", LocalDate.class)))
        .list();
  }

  /**
   * Keeps a letter to post to {@code parent}, once: the outbox may hand the same sending on again after a restart.
   */
  @Transactional
  void add(long referralId, PupilContact parent) {
    jdbc.sql("""
            insert into referral_letter (referral_id, school_id, pupil_id, contact_id, parent_name, relationship,
              created_at)
            select r.id, r.school_id, r.pupil_id, ?, ?, ?, ? from referral r
            where r.id = ? and not exists (select 1 from referral_letter l where l.referral_id = r.id
              and l.contact_id = ?)""")
        .params(parent.id(), parent.name(), parent.relationship(), clock.instant().atOffset(ZoneOffset.UTC),
            referralId, parent.id())
        .update();
  }

  /** Records that the letter was posted, unless someone else changed it since {@code version}. */
  @Transactional
  void recordPosted(Letter letter, LocalDate postedOn, int version, SendaUser by) {
    int updated = jdbc.sql("""
            update referral_letter set posted_on = ?, posted_by_name = ?, posted_recorded_at = ?,
              version = version + 1
            where id = ? and version = ?""")
        .params(postedOn, by.displayName(), clock.instant().atOffset(ZoneOffset.UTC), letter.id(), version)
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("referral letter " + letter.id());
    }
    audit.record(AuditAction.UPDATE, "referral-letter", letter.id(), letter.schoolId(),
        "referral " + letter.referralId() + " posted " + postedOn);
  }

  private static Letter letter(ResultSet rs, int n) throws SQLException {
    long contact = rs.getLong("contact_id");
    Long contactId = rs.wasNull() ? null : contact;
    return new Letter(rs.getLong("id"), rs.getLong("referral_id"), rs.getLong("school_id"), rs.getLong("pupil_id"),
        contactId, rs.getString("parent_name"), rs.getString("relationship"),
        rs.getObject("posted_on", LocalDate.class), rs.getString("posted_by_name"), rs.getInt("version"));
  }
}
