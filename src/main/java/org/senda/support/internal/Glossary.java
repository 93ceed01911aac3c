package org.senda.support.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Senda's glossary of SEND jargon, with the school's own terms and wording on top (one statement). */
@Component
class Glossary {

  static final int TERM_LENGTH = 100;
  static final int SUGGESTION_LENGTH = 300;

  record Entry(long id, @Nullable Long schoolId, String term, String suggestion, int version) {}

  private final JdbcClient jdbc;

  Glossary(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The terms that apply in a school (or Senda's list alone when the school is not known). */
  List<PlainLanguage.Term> terms(@Nullable Long schoolId) {
    Map<String, PlainLanguage.Term> terms = new LinkedHashMap<>();
    for (Entry e : entries(schoolId)) {
      // Senda's rows come first, so a school's wording for the same term replaces them.
      terms.put(e.term().toLowerCase(Locale.ROOT), new PlainLanguage.Term(e.term(), e.suggestion()));
    }
    return List.copyOf(terms.values());
  }

  List<Entry> entries(@Nullable Long schoolId) {
    return jdbc.sql("""
            select id, school_id, term, suggestion, version from plain_language_term
            where school_id is null or school_id = ?
            order by case when school_id is null then 0 else 1 end, lower(term)""")
        .param(schoolId == null ? -1L : schoolId)
        .query((rs, n) -> new Entry(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
            rs.getInt(5)))
        .list();
  }

  /** One of the school's own terms (Senda's list is not the school's to change). */
  Optional<Entry> schoolEntry(long schoolId, long id) {
    return jdbc.sql("select id, school_id, term, suggestion, version from plain_language_term where id = ? and school_id = ?")
        .params(id, schoolId)
        .query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
        .optional();
  }

  /** Whether the school already has its own wording for this term (other than the entry {@code except}). */
  boolean schoolHas(long schoolId, String term, long except) {
    return jdbc.sql("""
            select count(*) from plain_language_term
            where school_id = ? and lower(term) = ? and id <> ?""")
        .params(schoolId, term.strip().toLowerCase(Locale.ROOT), except)
        .query(Integer.class).single() > 0;
  }

  long add(long schoolId, String term, String suggestion) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into plain_language_term (school_id, term, suggestion) values (?, ?, ?)")
        .params(schoolId, term.strip(), suggestion.strip())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void update(long schoolId, long id, int version, String term, String suggestion) {
    int changed = jdbc.sql("""
            update plain_language_term set term = ?, suggestion = ?, version = version + 1
            where id = ? and school_id = ? and version = ?""")
        .params(term.strip(), suggestion.strip(), id, schoolId, version)
        .update();
    if (changed != 1) {
      throw new OptimisticLockingFailureException("term " + id + " changed since version " + version);
    }
  }

  void remove(long schoolId, long id, int version) {
    int changed = jdbc.sql("delete from plain_language_term where id = ? and school_id = ? and version = ?")
        .params(id, schoolId, version).update();
    if (changed != 1) {
      throw new OptimisticLockingFailureException("term " + id + " changed since version " + version);
    }
  }
}
