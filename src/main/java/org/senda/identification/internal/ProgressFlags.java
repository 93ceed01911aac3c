package org.senda.identification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.identification.ProgressCriterion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The progress flags of a school or a trust: scores read with one query (two when a year group is too small to
 * compare within the school and the trust's pupils are needed as peers), the tests run in memory, and the pupils'
 * context read with one more query for the flagged pupils' cautions.
 *
 * <p>A school's flags change only when an input of the tests changes, so each node keeps the flags it computed and
 * hands them out again while the {@link ProgressInputs} counters of the schools they were computed from (the
 * school, or every school of the trust when trust peers were read) and the date are the same: one statement per
 * view instead of every score of the school (decision 0007).
 */
@Service
@Transactional(readOnly = true)
public class ProgressFlags {

  /** A pupil flagged in one subject, with the numbers and the cautions. */
  public record Flag(
      long pupilId,
      long schoolId,
      String upn,
      String name,
      String yearGroup,
      boolean eal,
      String subject,
      Set<ProgressCriterion> criteria,
      ProgressExplanation explanation,
      List<Caution> cautions) {}

  /** What a list of flags was computed for: the date matters, as scores and leavers count up to today. */
  private record Key(long schoolId, @Nullable String subject, List<Long> trustSchoolIds, LocalDate today) {}

  /**
   * Flags as computed, with the input counters of the schools they were computed from, read before the data. For one
   * subject the results of the pupils not flagged are kept too, by pupil, for the explanation page, with the
   * thresholds that decided their cautions.
   */
  private record Computed(
      List<Flag> flags, Map<Long, ProgressResult> notFlagged, ProgressThresholds thresholds,
      Map<Long, Long> versions) {
    boolean holds(Map<Long, Long> current) {
      for (Map.Entry<Long, Long> read : versions.entrySet()) {
        if (!read.getValue().equals(current.get(read.getKey()))) {
          return false;
        }
      }
      return true;
    }
  }

  /** Flag lists kept, the least recently used dropped first (a 2,000-pupil school's are a few hundred kB). */
  private static final int KEPT = 160;

  private final ScoreLoader loader;
  private final IdentificationSettings settings;
  private final ProgressInputs inputs;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<Key, Computed> computed = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Computed> eldest) {
          return size() > KEPT;
        }
      });
  /** Views of one school that find its flags out of date wait for one of them to compute them, not all at once. */
  private final Object[] computing = new Object[64];

  ProgressFlags(
      ScoreLoader loader, IdentificationSettings settings, ProgressInputs inputs, JdbcClient jdbc, Clock clock) {
    this.loader = loader;
    this.settings = settings;
    this.inputs = inputs;
    this.jdbc = jdbc;
    this.clock = clock;
    java.util.Arrays.setAll(computing, i -> new Object());
  }

  /**
   * Every result (flagged or not) for the pupils of one school; {@code trustSchoolIds} are the schools whose
   * pupils may serve as peers when a year group is small.
   */
  public List<ProgressResult> results(
      long schoolId, Collection<Long> trustSchoolIds, @Nullable String subject, ProgressThresholds thresholds) {
    return evaluated(schoolId, trustSchoolIds, subject, thresholds).results();
  }

  /** Results, and whether the trust's pupils were read as peers (so other schools' changes may change them). */
  private record Evaluated(List<ProgressResult> results, boolean acrossTrust) {}

  private Evaluated evaluated(
      long schoolId, Collection<Long> trustSchoolIds, @Nullable String subject, ProgressThresholds thresholds) {
    LocalDate today = LocalDate.now(clock);
    Map<String, ScoreTable> tables = loader.load(List.of(schoolId), today, null, subject);
    Set<String> small = smallYearGroups(tables, thresholds.minimumCohort());
    boolean acrossTrust = !small.isEmpty() && trustSchoolIds.size() > 1;
    if (acrossTrust) {
      tables = loader.load(trustSchoolIds, today, null, subject);
    }
    return new Evaluated(evaluate(tables, thresholds, id -> id == schoolId), acrossTrust);
  }

  /** Every result for every pupil of the given schools, with one query (the trust-wide benchmark). */
  public List<ProgressResult> resultsAcross(Collection<Long> schoolIds, ProgressThresholds thresholds) {
    Map<String, ScoreTable> tables = loader.load(schoolIds, LocalDate.now(clock), null, null);
    return evaluate(tables, thresholds, id -> true);
  }

  /**
   * The flagged pupils of a school, with their cautions; {@code visible} narrows to the pupils one may see. As
   * computed before when no input has changed since (one statement), computed afresh otherwise.
   */
  public List<Flag> flags(
      long schoolId, Collection<Long> trustSchoolIds, @Nullable String subject,
      java.util.function.LongPredicate visible) {
    Computed kept = kept(schoolId, trustSchoolIds, subject);
    List<Flag> flags = new ArrayList<>();
    for (Flag flag : kept.flags()) {
      if (visible.test(flag.pupilId())) {
        flags.add(flag);
      }
    }
    return flags;
  }

  /** The flags of a school as kept while the counters they depend on hold, computed and kept afresh otherwise. */
  private Computed kept(long schoolId, Collection<Long> trustSchoolIds, @Nullable String subject) {
    List<Long> trust = new ArrayList<>(new java.util.TreeSet<>(trustSchoolIds));
    if (!trust.contains(schoolId)) {
      trust.add(schoolId);
    }
    Key key = new Key(schoolId, subject, List.copyOf(trust), LocalDate.now(clock));
    Computed kept = computed.get(key);
    if (kept == null || !kept.holds(inputs.versions(trust))) {
      synchronized (computing[Math.floorMod(key.hashCode(), computing.length)]) {
        // Read before the scores: a change committed in between makes these counters old, never the flags.
        Map<Long, Long> versions = inputs.versions(trust);
        kept = computed.get(key);
        if (kept == null || !kept.holds(versions)) {
          kept = compute(key, versions);
          // Inside a transaction that writes, the flags may rest on changes that are rolled back: use, don't keep.
          if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()
              || !TransactionSynchronizationManager.isActualTransactionActive()) {
            keep(key, kept);
          }
        }
      }
    }
    return kept;
  }

  /** Keeps a list, dropping those of earlier days: they are never asked for again. */
  private void keep(Key key, Computed kept) {
    synchronized (computed) {
      computed.keySet().removeIf(k -> k.today().isBefore(key.today()));
      computed.put(key, kept);
    }
  }

  private Computed compute(Key key, Map<Long, Long> versions) {
    ProgressThresholds thresholds = settings.thresholds(key.schoolId());
    Evaluated evaluated = evaluated(key.schoolId(), key.trustSchoolIds(), key.subject(), thresholds);
    List<Flag> flags = List.copyOf(flags(key.schoolId(), thresholds, evaluated.results(), id -> true, true));
    Map<Long, ProgressResult> notFlagged = new HashMap<>();
    if (key.subject() != null) {
      for (ProgressResult result : evaluated.results()) {
        if (!result.flagged()) {
          notFlagged.put(result.pupilId(), result);
        }
      }
    }
    return new Computed(flags, Map.copyOf(notFlagged), thresholds, evaluated.acrossTrust()
        ? Map.copyOf(versions)
        : Map.of(key.schoolId(), versions.get(key.schoolId())));
  }

  /**
   * One pupil's result in one subject, flagged or not, with cautions; empty when they have too few scores. Taken
   * from the subject's flags as kept while their inputs are unchanged (one statement, one more to read the context
   * of a pupil not flagged), computed and kept afresh otherwise, as for {@link #flags}.
   */
  public java.util.Optional<Flag> explain(
      long schoolId, Collection<Long> trustSchoolIds, String subject, long pupilId) {
    Computed kept = kept(schoolId, trustSchoolIds, subject);
    for (Flag flag : kept.flags()) {
      if (flag.pupilId() == pupilId) {
        return java.util.Optional.of(flag);
      }
    }
    ProgressResult result = kept.notFlagged().get(pupilId);
    if (result == null) {
      return java.util.Optional.empty();
    }
    return flags(schoolId, kept.thresholds(), List.of(result), id -> true, false).stream().findFirst();
  }

  private List<Flag> flags(
      long schoolId, ProgressThresholds thresholds, List<ProgressResult> results,
      java.util.function.LongPredicate visible, boolean onlyFlagged) {
    List<ProgressResult> flagged = new ArrayList<>();
    for (ProgressResult result : results) {
      if ((result.flagged() || !onlyFlagged) && visible.test(result.pupilId())) {
        flagged.add(result);
      }
    }
    Map<Long, Pupil> pupils = pupils(schoolId, flagged.stream().map(ProgressResult::pupilId).toList());
    LocalDate today = LocalDate.now(clock);
    List<Flag> flags = new ArrayList<>();
    for (ProgressResult result : flagged) {
      Pupil pupil = pupils.get(result.pupilId());
      if (pupil == null) {
        continue;
      }
      flags.add(new Flag(result.pupilId(), result.schoolId(), pupil.upn, pupil.name, pupil.yearGroupName,
          pupil.context.eal(), subjectOf(result), result.criteria(), result.explanation(),
          pupil.context.cautions(thresholds, today)));
    }
    flags.sort(Comparator.comparing(Flag::yearGroup).thenComparing(Flag::name).thenComparing(Flag::subject));
    return flags;
  }

  private static String subjectOf(ProgressResult result) {
    return result.subject();
  }

  private List<ProgressResult> evaluate(
      Map<String, ScoreTable> tables, ProgressThresholds thresholds, java.util.function.LongPredicate forSchool) {
    ProgressTests tests = new ProgressTests(thresholds);
    List<ProgressResult> results = new ArrayList<>();
    tables.forEach((subject, table) -> {
      for (ProgressResult result : tests.evaluate(table, table.pointCount() - 1, forSchool)) {
        results.add(result.inSubject(subject));
      }
    });
    return results;
  }

  private static Set<String> smallYearGroups(Map<String, ScoreTable> tables, int minimum) {
    Set<String> small = new HashSet<>();
    for (ScoreTable table : tables.values()) {
      Map<String, Integer> counts = new HashMap<>();
      for (String yearGroup : table.yearGroups()) {
        counts.merge(yearGroup, 1, Integer::sum);
      }
      counts.forEach((yearGroup, count) -> {
        if (count < minimum) {
          small.add(yearGroup);
        }
      });
    }
    return small;
  }

  private record Pupil(String upn, String name, String yearGroupName, PupilContext context) {}

  /** Names and context of the flagged pupils, in one query. */
  private Map<Long, Pupil> pupils(long schoolId, Collection<Long> pupilIds) {
    Map<Long, Pupil> pupils = new HashMap<>();
    if (pupilIds.isEmpty()) {
      return pupils;
    }
    jdbc.sql("""
            select p.id, p.upn, coalesce(p.preferred_forename, p.legal_forename) as forename,
                   coalesce(p.preferred_surname, p.legal_surname) as surname, y.name as year_name, p.eal,
                   p.admission_date,
                   (select a.percentage from pupil_attendance a join term t on t.id = a.term_id
                     where a.pupil_id = p.id order by t.starts_on desc fetch first 1 rows only) as attendance,
                   (select max(c.checked_on) from sensory_check c where c.pupil_id = p.id and c.kind = 'HEARING')
                     as hearing,
                   (select max(c.checked_on) from sensory_check c where c.pupil_id = p.id and c.kind = 'VISION')
                     as vision
            from pupil p join year_group y on y.id = p.year_group_id
            where p.school_id = :school and p.id in (:ids)""")
        .param("school", schoolId)
        .param("ids", Set.copyOf(pupilIds))
        .query(rs -> {
          java.math.BigDecimal attendance = rs.getBigDecimal("attendance");
          pupils.put(rs.getLong("id"), new Pupil(
              rs.getString("upn"),
              rs.getString("forename") + " " + rs.getString("surname"),
              rs.getString("year_name"),
              new PupilContext(
                  rs.getBoolean("eal"),
                  rs.getObject("admission_date", LocalDate.class),
                  attendance == null ? null : attendance.doubleValue(),
                  rs.getObject("hearing", LocalDate.class),
                  rs.getObject("vision", LocalDate.class))));
        });
    return pupils;
  }
}
