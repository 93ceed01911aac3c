package org.senda.pupils.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilContact;
import org.senda.pupils.PupilRecordsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Changes to pupil records and contacts, with optimistic locking, and the record events of the timeline. */
@Component
class PupilRecords {

  /** The editable details of a pupil, with the version they were read at. */
  record Details(long id, long schoolId, String legalForename, String legalSurname, @Nullable String preferredForename,
      @Nullable String preferredSurname, LocalDate dateOfBirth, @Nullable String sex, long yearGroupId,
      @Nullable Long classId, @Nullable LocalDate admissionDate, @Nullable LocalDate leavingDate, boolean eal,
      boolean pupilPremium, boolean freeSchoolMeals, boolean lookedAfter, @Nullable String virtualSchoolContact,
      boolean medicalCondition, boolean youngCarer, boolean serviceChild, int version) {}

  /** A record change as the timeline shows it. */
  record Event(LocalDate on, String summary, @Nullable String actor) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  PupilRecords(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  Optional<Details> details(long pupilId) {
    return jdbc.sql("""
            select id, school_id, legal_forename, legal_surname, preferred_forename, preferred_surname, date_of_birth,
                   sex, year_group_id, class_id, admission_date, leaving_date, eal, pupil_premium, free_school_meals,
                   looked_after, virtual_school_contact, medical_condition, young_carer, service_child, version
            from pupil where id = ?""")
        .param(pupilId)
        .query((rs, n) -> new Details(rs.getLong("id"), rs.getLong("school_id"), rs.getString("legal_forename"),
            rs.getString("legal_surname"), rs.getString("preferred_forename"), rs.getString("preferred_surname"),
            rs.getObject("date_of_birth", LocalDate.class), rs.getString("sex"), rs.getLong("year_group_id"),
            rs.getObject("class_id", Long.class), rs.getObject("admission_date", LocalDate.class),
            rs.getObject("leaving_date", LocalDate.class), rs.getBoolean("eal"), rs.getBoolean("pupil_premium"),
            rs.getBoolean("free_school_meals"), rs.getBoolean("looked_after"), rs.getString("virtual_school_contact"),
            rs.getBoolean("medical_condition"), rs.getBoolean("young_carer"), rs.getBoolean("service_child"),
            rs.getInt("version")))
        .optional();
  }

  /** Saves details read at {@code d.version()}; false when someone else saved the pupil meanwhile. */
  boolean update(Details d, String actor) {
    int rows = jdbc.sql("""
            update pupil set legal_forename = :legalForename, legal_surname = :legalSurname,
              preferred_forename = :preferredForename, preferred_surname = :preferredSurname,
              date_of_birth = :dateOfBirth, sex = :sex, year_group_id = :yearGroupId, class_id = :classId,
              admission_date = :admissionDate, leaving_date = :leavingDate, eal = :eal, pupil_premium = :pupilPremium,
              free_school_meals = :freeSchoolMeals, looked_after = :lookedAfter,
              virtual_school_contact = :virtualSchoolContact, medical_condition = :medicalCondition,
              young_carer = :youngCarer, service_child = :serviceChild, version = version + 1
            where id = :id and school_id = :schoolId and version = :version""")
        .paramSource(d)
        .update();
    if (rows == 1) {
      event(d.id(), d.schoolId(), "UPDATED", "Pupil details changed", actor);
      events.publishEvent(new PupilRecordsChanged(d.schoolId()));
    }
    return rows == 1;
  }

  void event(long pupilId, long schoolId, String kind, String summary, String actor) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("""
            insert into pupil_record_event (pupil_id, school_id, occurred_on, occurred_at, kind, summary, actor)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(pupilId, schoolId, now.toLocalDate(), now, kind, summary, actor)
        .update();
  }

  List<Event> events(long pupilId) {
    return jdbc.sql("""
            select occurred_on, summary, actor from pupil_record_event where pupil_id = ?
            order by occurred_at desc, id desc""")
        .param(pupilId)
        .query((rs, n) -> new Event(rs.getObject("occurred_on", LocalDate.class), rs.getString("summary"),
            rs.getString("actor")))
        .list();
  }

  /** A contact with its version, for editing. */
  record ContactDetails(PupilContact contact, int version) {}

  Optional<ContactDetails> contact(long contactId, long pupilId) {
    return jdbc.sql("""
            select id, pupil_id, name, relationship, parental_responsibility, phone, email, preferred_language,
                   address_line_1, address_line_2, town, postcode, contact_order, version
            from pupil_contact where id = ? and pupil_id = ?""")
        .params(contactId, pupilId)
        .query((rs, n) -> new ContactDetails(PupilQueries.contact(rs), rs.getInt("version")))
        .optional();
  }

  long addContact(long pupilId, long schoolId, PupilContact c, String actor) {
    Integer next = jdbc.sql("select coalesce(max(contact_order), 0) + 1 from pupil_contact where pupil_id = ?")
        .param(pupilId).query(Integer.class).single();
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            insert into pupil_contact (pupil_id, school_id, name, relationship, parental_responsibility, phone, email,
              preferred_language, address_line_1, address_line_2, town, postcode, contact_order)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(pupilId, schoolId, c.name(), c.relationship(), c.parentalResponsibility(), c.phone(), c.email(),
            c.preferredLanguage(), line1(c), line2(c), town(c), postcode(c), next)
        .update(keys, "id");
    event(pupilId, schoolId, "CONTACT_ADDED", "Contact added: " + c.relationship(), actor);
    return java.util.Objects.requireNonNull(keys.getKey()).longValue();
  }

  boolean updateContact(long pupilId, long schoolId, PupilContact c, int version, String actor) {
    int rows = jdbc.sql("""
            update pupil_contact set name = ?, relationship = ?, parental_responsibility = ?, phone = ?, email = ?,
              preferred_language = ?, address_line_1 = ?, address_line_2 = ?, town = ?, postcode = ?,
              version = version + 1
            where id = ? and pupil_id = ? and version = ?""")
        .params(c.name(), c.relationship(), c.parentalResponsibility(), c.phone(), c.email(), c.preferredLanguage(),
            line1(c), line2(c), town(c), postcode(c), c.id(), pupilId, version)
        .update();
    if (rows == 1) {
      event(pupilId, schoolId, "CONTACT_CHANGED", "Contact changed: " + c.relationship(), actor);
    }
    return rows == 1;
  }

  private static @Nullable String line1(PupilContact c) {
    return c.address() == null ? null : c.address().line1();
  }

  private static @Nullable String line2(PupilContact c) {
    return c.address() == null ? null : c.address().line2();
  }

  private static @Nullable String town(PupilContact c) {
    return c.address() == null ? null : c.address().town();
  }

  private static @Nullable String postcode(PupilContact c) {
    return c.address() == null ? null : c.address().postcode();
  }

  boolean removeContact(long pupilId, long schoolId, long contactId, String actor) {
    int rows = jdbc.sql("delete from pupil_contact where id = ? and pupil_id = ?").params(contactId, pupilId).update();
    if (rows == 1) {
      event(pupilId, schoolId, "CONTACT_REMOVED", "Contact removed", actor);
    }
    return rows == 1;
  }
}
