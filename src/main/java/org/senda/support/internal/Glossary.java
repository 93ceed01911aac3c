package org.senda.support.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Senda's glossary of SEND jargon, with the school's own terms and wording on top (one statement). */
@Component
class Glossary {

  record Entry(long id, @Nullable Long schoolId, String term, String suggestion) {}

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
            select id, school_id, term, suggestion from plain_language_term
            where school_id is null or school_id = ?
            order by case when school_id is null then 0 else 1 end, lower(term)""")
        .param(schoolId == null ? -1L : schoolId)
        .query((rs, n) -> new Entry(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  void add(long schoolId, String term, String suggestion) {
    jdbc.sql("insert into plain_language_term (school_id, term, suggestion) values (?, ?, ?)")
        .params(schoolId, term.strip(), suggestion.strip())
        .update();
  }

  void remove(long schoolId, long id) {
    jdbc.sql("delete from plain_language_term where id = ? and school_id = ?").params(id, schoolId).update();
  }
}
