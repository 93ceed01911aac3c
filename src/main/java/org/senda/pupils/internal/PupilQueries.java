package org.senda.pupils.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PostalAddress;
import org.senda.pupils.PupilContact;
import org.senda.pupils.PupilFlag;
import org.senda.pupils.PupilScope;
import org.senda.pupils.PupilSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models over pupils: summaries, contacts, search within a need-to-know scope. */
@Component
public class PupilQueries {

  static final String SUMMARY_COLUMNS = """
      p.id, p.school_id, p.upn, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname,
      p.date_of_birth, p.sex, p.year_group_id, y.code as year_code, y.name as year_name, y.ordinal as year_ordinal,
      p.class_id, c.name as class_name, p.admission_date, p.leaving_date, p.eal, p.pupil_premium,
      p.free_school_meals, p.looked_after, p.medical_condition, p.young_carer, p.service_child""";

  static final String SUMMARY_FROM = """
      from pupil p join year_group y on y.id = p.year_group_id left join school_class c on c.id = p.class_id""";

  private final JdbcClient jdbc;

  PupilQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PupilSummary> find(long pupilId) {
    return jdbc.sql("select " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " where p.id = ?")
        .param(pupilId)
        .query(PupilQueries::summary)
        .optional();
  }

  public Optional<PupilSummary> byUpn(long schoolId, String upn) {
    return jdbc.sql("select " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " where p.school_id = ? and p.upn = ?")
        .param(schoolId)
        .param(upn.trim().toUpperCase(java.util.Locale.ROOT))
        .query(PupilQueries::summary)
        .optional();
  }

  /** Pupils on roll on a date (no leaving date, or leaving after it), by year group and name. */
  public List<PupilSummary> inSchool(long schoolId, LocalDate onRollOn) {
    return jdbc.sql("select " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " " + """
             where p.school_id = :school and (p.leaving_date is null or p.leaving_date > :on)
             order by y.ordinal, p.legal_surname, p.legal_forename, p.id""")
        .param("school", schoolId)
        .param("on", onRollOn)
        .query(PupilQueries::summary)
        .list();
  }

  public Map<Long, PupilSummary> byIds(Collection<Long> ids) {
    Map<Long, PupilSummary> result = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    jdbc.sql("select " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " where p.id in (:ids)")
        .param("ids", ids)
        .query(PupilQueries::summary)
        .list()
        .forEach(p -> result.put(p.id(), p));
    return result;
  }

  /** Pupils within the scope whose name or UPN matches the words typed, at most {@code limit}. */
  public List<PupilSummary> search(PupilScope scope, String query, int limit) {
    PupilScope.Sql where = scope.sql("p");
    String text = query.trim().toLowerCase(java.util.Locale.ROOT);
    StringBuilder sql = new StringBuilder("select " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " where ")
        .append(where.where());
    JdbcClient.StatementSpec statement;
    Map<String, Object> params = new LinkedHashMap<>(where.params());
    String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
    for (int i = 0; i < words.length && i < 4; i++) {
      String name = "w" + i;
      sql.append(" and (lower(p.legal_forename) like :").append(name)
          .append(" or lower(p.legal_surname) like :").append(name)
          .append(" or lower(coalesce(p.preferred_forename, '')) like :").append(name)
          .append(" or lower(coalesce(p.preferred_surname, '')) like :").append(name)
          .append(" or lower(p.upn) = :").append(name).append("exact)");
      params.put(name, escapeLike(words[i]) + "%");
      params.put(name + "exact", words[i]);
    }
    sql.append(" order by p.legal_surname, p.legal_forename, p.id limit ").append(limit);
    statement = jdbc.sql(sql.toString()).params(params);
    return statement.query(PupilQueries::summary).list();
  }

  /** Whether a pupil is within a need-to-know scope: one statement, whichever way the scope reaches the pupil. */
  public boolean inScope(long pupilId, PupilScope scope) {
    PupilScope.Sql where = scope.sql("p");
    return jdbc.sql("select count(*) from pupil p where p.id = :scopePupilId and (" + where.where() + ")")
        .params(where.params())
        .param("scopePupilId", pupilId)
        .query(Integer.class)
        .single() > 0;
  }

  public List<PupilContact> contacts(long pupilId) {
    return jdbc.sql("""
            select id, pupil_id, name, relationship, parental_responsibility, phone, email, preferred_language,
                   address_line_1, address_line_2, town, postcode, contact_order
            from pupil_contact where pupil_id = ? order by contact_order, id""")
        .param(pupilId)
        .query((rs, n) -> contact(rs))
        .list();
  }

  public Map<Long, PostalAddress> addresses(Collection<Long> contactIds) {
    Map<Long, PostalAddress> result = new LinkedHashMap<>();
    if (contactIds.isEmpty()) {
      return result;
    }
    jdbc.sql("""
            select id, address_line_1, address_line_2, town, postcode from pupil_contact
            where id in (:ids) and address_line_1 is not null""")
        .param("ids", contactIds)
        .query(rs -> {
          result.put(rs.getLong("id"), new PostalAddress(rs.getString("address_line_1"),
              rs.getString("address_line_2"), rs.getString("town"), rs.getString("postcode")));
        });
    return result;
  }

  /** A contact from a row with the columns of pupil_contact (id, pupil_id, name, ... postcode, contact_order). */
  static PupilContact contact(java.sql.ResultSet rs) throws java.sql.SQLException {
    String line1 = rs.getString("address_line_1");
    PostalAddress address = line1 == null ? null
        : new PostalAddress(line1, rs.getString("address_line_2"), rs.getString("town"), rs.getString("postcode"));
    return new PupilContact(rs.getLong("id"), rs.getLong("pupil_id"), rs.getString("name"),
        rs.getString("relationship"), rs.getBoolean("parental_responsibility"), rs.getString("phone"),
        rs.getString("email"), rs.getString("preferred_language"), address, rs.getInt("contact_order"));
  }

  /**
   * The pupil's contacts, for a looked-after pupil the virtual school contact, and whether the record has a photo:
   * one statement for the pupil page.
   */
  record ContactSheet(List<PupilContact> contacts, @Nullable String virtualSchoolContact, boolean hasPhoto) {}

  ContactSheet contactSheet(long pupilId) {
    List<PupilContact> contacts = new java.util.ArrayList<>();
    String[] virtualSchool = new String[1];
    boolean[] photo = new boolean[1];
    jdbc.sql("""
            select p.looked_after, p.virtual_school_contact,
                   case when exists (select 1 from pupil_photo ph where ph.pupil_id = p.id) then 1 else 0 end
                     as has_photo, c.id, c.pupil_id, c.name, c.relationship,
                   c.parental_responsibility, c.phone, c.email, c.preferred_language, c.address_line_1,
                   c.address_line_2, c.town, c.postcode, c.contact_order
            from pupil p left join pupil_contact c on c.pupil_id = p.id
            where p.id = ? order by c.contact_order, c.id""")
        .param(pupilId)
        .query(rs -> {
          photo[0] = rs.getInt("has_photo") == 1;
          if (rs.getBoolean("looked_after")) {
            virtualSchool[0] = rs.getString("virtual_school_contact");
          }
          if (rs.getObject("id") != null) {
            contacts.add(contact(rs));
          }
        });
    return new ContactSheet(List.copyOf(contacts), virtualSchool[0], photo[0]);
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static PupilSummary summary(ResultSet rs, int row) throws SQLException {
    Set<PupilFlag> flags = EnumSet.noneOf(PupilFlag.class);
    for (PupilFlag flag : PupilFlag.values()) {
      if (rs.getBoolean(flag.column())) {
        flags.add(flag);
      }
    }
    String forename = rs.getString("legal_forename");
    String surname = rs.getString("legal_surname");
    String preferredForename = rs.getString("preferred_forename");
    String preferredSurname = rs.getString("preferred_surname");
    return new PupilSummary(
        rs.getLong("id"),
        rs.getLong("school_id"),
        rs.getString("upn"),
        forename,
        surname,
        preferredForename,
        preferredSurname,
        PupilSummary.displayName(forename, surname, preferredForename, preferredSurname),
        rs.getObject("date_of_birth", LocalDate.class),
        rs.getString("sex"),
        rs.getLong("year_group_id"),
        rs.getString("year_code"),
        rs.getString("year_name"),
        rs.getObject("class_id", Long.class),
        rs.getString("class_name"),
        rs.getObject("admission_date", LocalDate.class),
        rs.getObject("leaving_date", LocalDate.class),
        flags);
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
