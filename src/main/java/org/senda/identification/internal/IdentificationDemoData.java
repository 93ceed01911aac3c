package org.senda.identification.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.senda.demo.DemoContributor;
import org.senda.demo.DemoTrust;
import org.senda.identification.SenSupportStarted;
import org.senda.pupils.PupilContact;
import org.senda.register.BroadArea;
import org.senda.register.Register;
import org.senda.organisation.Organisation;
import org.senda.access.Role;
import org.senda.organisation.StaffSummary;
import org.senda.organisation.Term;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo trust's assessment history: termly reading, writing and maths scores for every pupil over the last nine
 * assessment points (three school years), shaped so that the identification page shows each of the four criteria,
 * low attainers who are catching up (and are not flagged), EAL pupils with the caution, hearing and vision checks
 * for most pupils, attendance, and causes for concern at every stage.
 *
 * <p>Shapes are drawn at random, so each school also has two pupils whose scores are set without noise, so that
 * the demo shows them whatever the draw: its first pupil with EAL (from Year 3, on roll throughout) falls further
 * behind in every subject, so is flagged and carries the EAL caution; its first other such pupil starts low and
 * catches up steadily, so is flagged in none. Causes for concern take the four stages in turn, so every school with
 * a teacher has one at each stage.
 *
 * <p>In the first three schools, the pupils who most recently began SEN support came to it through a cause for
 * concern decided that day with the need and reason the register recorded, and their parents were told: by email,
 * and by a letter to post to each parent without an email address ({@code demo.parentsWithoutEmail.<school>}), kept
 * by the same code that keeps a real decision's notice. The first school has posted one of its letters and has one
 * still to post.
 */
@Component
class IdentificationDemoData implements DemoContributor {

  private static final Pattern YEAR = Pattern.compile("Y(\\d+)");
  private static final int POINTS = 9;

  /** How a pupil's scores move, and how often each shape occurs. */
  enum Shape {
    TYPICAL(0.72),
    SLOWER_THAN_PEERS(0.05),
    SLOWING_DOWN(0.05),
    GAP_NOT_CLOSING(0.06),
    GAP_WIDENING(0.05),
    CATCHING_UP(0.07);

    final double share;

    Shape(double share) {
      this.share = share;
    }

    static Shape pick(Random random) {
      double roll = random.nextDouble();
      for (Shape shape : values()) {
        roll -= shape.share;
        if (roll < 0) {
          return shape;
        }
      }
      return TYPICAL;
    }
  }

  /** The starting level of the two pupils whose scores are set without noise: low, well below the year median. */
  private static final double PROMISED_LEVEL = 84;

  /** How many of the trust's schools have causes for concern that started SEN support, with their notices. */
  private static final int SCHOOLS_WITH_NOTICES = 3;

  /** A pupil who began SEN support on {@code since} with this need and reason, after a cause for concern. */
  private record SenSupportStart(long pupilId, LocalDate since, String need, String reason) {}

  private final AssessmentSetup setup;
  private final ScoreWriter writer;
  private final Organisation organisation;
  private final Register register;
  private final SenSupportNotice notice;
  private final SenSupportNoticeSender notices;
  private final JdbcTemplate jdbc;

  IdentificationDemoData(AssessmentSetup setup, ScoreWriter writer, Organisation organisation, Register register,
      SenSupportNotice notice, SenSupportNoticeSender notices, JdbcTemplate jdbc) {
    this.setup = setup;
    this.writer = writer;
    this.organisation = organisation;
    this.register = register;
    this.notice = notice;
    this.notices = notices;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 400;
  }

  @Override
  public boolean hasData() {
    Integer count = jdbc.queryForObject("select count(*) from assessment_score", Integer.class);
    return count != null && count > 0;
  }

  @Override
  public void contribute(DemoTrust trust) {
    List<Long> schoolIds = trust.get("demo.schoolIds");
    Random random = trust.random("identification");
    LocalDate today = trust.today();
    Map<String, BroadArea> areaOfNeed = new HashMap<>();
    register.needTypesOn(today).forEach(n -> areaOfNeed.put(n.code(), n.broadArea()));
    for (int i = 0; i < schoolIds.size(); i++) {
      long schoolId = schoolIds.get(i);
      seedSchool(schoolId, random, today, i < SCHOOLS_WITH_NOTICES ? senSupportStarts(trust, schoolId) : List.of(),
          areaOfNeed);
    }
  }

  /**
   * The pupils of the school whose first parent has no email address, and the pupil who most recently began SEN
   * support besides them, with the day it began and the need and reason the register recorded.
   */
  private static List<SenSupportStart> senSupportStarts(DemoTrust trust, long schoolId) {
    List<Long> withoutEmail = trust.get("demo.parentsWithoutEmail." + schoolId);
    Map<Long, LocalDate> since = trust.get("demo.senSupportSince." + schoolId);
    Map<Long, String> needs = trust.get("demo.senSupportNeed." + schoolId);
    Map<Long, String> reasons = trust.get("demo.senSupportReason." + schoolId);
    List<Long> pupils = new ArrayList<>(withoutEmail);
    since.entrySet().stream()
        .filter(e -> !withoutEmail.contains(e.getKey()))
        .max(Map.Entry.<Long, LocalDate>comparingByValue()
            .thenComparing(Map.Entry.<Long, LocalDate>comparingByKey().reversed()))
        .ifPresent(e -> pupils.add(e.getKey()));
    return pupils.stream()
        .map(p -> new SenSupportStart(p, since.get(p), needs.get(p), reasons.get(p)))
        .toList();
  }

  private void seedSchool(long schoolId, Random random, LocalDate today, List<SenSupportStart> starts,
      Map<String, BroadArea> areaOfNeed) {
    setup.ensureSubjects(schoolId);
    setup.ensurePoints(schoolId, "TERMLY");
    List<AssessmentSetup.Point> past = setup.points(schoolId).stream()
        .filter(p -> !p.assessedOn().isAfter(today))
        .toList();
    if (past.size() < 2) {
      return;
    }
    List<AssessmentSetup.Point> points = past.subList(Math.max(0, past.size() - POINTS), past.size());
    // Year groups are this year's: a pupil in Year 4 now was in Year 3 a school year ago.
    String currentYear = organisation.calendar(schoolId).terms().stream()
        .filter(t -> !t.startsOn().isAfter(today))
        .map(Term::academicYear)
        .reduce((a, b) -> b)
        .orElse(past.getLast().academicYear());
    Map<String, AssessmentSetup.Subject> subjects = setup.subjects(schoolId);
    List<RollEntry> roll = roll(schoolId, today);
    List<ScoreWriter.Score> scores = new ArrayList<>();
    List<Object[]> checks = new ArrayList<>();
    List<Object[]> attendance = new ArrayList<>();
    Term lastTerm = organisation.calendar(schoolId).terms().stream()
        .filter(t -> !t.endsOn().isAfter(today))
        .reduce((a, b) -> b)
        .orElse(null);
    Map<Long, Shape> promised = promised(roll, points.getFirst().assessedOn());
    for (RollEntry pupil : roll) {
      Matcher year = YEAR.matcher(pupil.yearGroupCode());
      if (!year.matches()) {
        continue;
      }
      int yearNow = Integer.parseInt(year.group(1));
      double level = 100 + random.nextGaussian() * 12;
      Shape promise = promised.get(pupil.id());
      for (AssessmentSetup.Subject subject : subjects.values()) {
        Shape shape = Shape.pick(random);
        double subjectLevel = level + random.nextGaussian() * 4;
        for (int i = 0; i < points.size(); i++) {
          AssessmentSetup.Point point = points.get(i);
          int yearsAgo = yearsBetween(point.academicYear(), currentYear);
          boolean onRoll = pupil.admissionDate() == null || !pupil.admissionDate().isAfter(point.assessedOn());
          if (yearNow - yearsAgo < 1 || !onRoll) {
            continue;
          }
          // The noise is drawn for every pupil, so that the promised two leave every other pupil's scores as drawn.
          double noise = random.nextGaussian() * 1.5;
          double score = promise == null ? score(shape, subjectLevel, i, points.size()) + noise
              : score(promise, PROMISED_LEVEL, i, points.size());
          score = Math.max(subject.min(), Math.min(subject.max(), Math.round(score)));
          scores.add(new ScoreWriter.Score(pupil.id(), subject.id(), point.id(), score));
        }
      }
      // Most pupils have had hearing and vision checked (the school nurse's screening); some have not.
      if (random.nextDouble() < 0.8) {
        checks.add(new Object[] {pupil.id(), schoolId, "HEARING", today.minusMonths(6 + random.nextInt(24)),
            "No concerns", "school.nurse@demo"});
      }
      if (random.nextDouble() < 0.8) {
        checks.add(new Object[] {pupil.id(), schoolId, "VISION", today.minusMonths(6 + random.nextInt(24)),
            "No concerns", "school.nurse@demo"});
      }
      if (lastTerm != null) {
        double percent = random.nextDouble() < 0.1 ? 78 + random.nextDouble() * 11 : 91 + random.nextDouble() * 9;
        attendance.add(new Object[] {pupil.id(), schoolId, lastTerm.id(), Math.round(percent * 10) / 10.0});
      }
    }
    writer.insert(schoolId, scores);
    jdbc.batchUpdate("""
        insert into sensory_check (pupil_id, school_id, kind, checked_on, result, recorded_by)
        values (?, ?, ?, ?, ?, ?)""", checks);
    jdbc.batchUpdate(
        "insert into pupil_attendance (pupil_id, school_id, term_id, percentage) values (?, ?, ?, ?)", attendance);
    seedConcerns(schoolId, roll, random, today, starts, areaOfNeed);
  }

  /** The score at point {@code i} of {@code n} (the last three points are the current window). */
  static double score(Shape shape, double level, int i, int n) {
    int windowStart = n - 4;
    int intoWindow = Math.max(0, i - windowStart);
    return switch (shape) {
      case TYPICAL -> level;
      // Keeps level until the current window, then slips back while peers from the same start hold theirs.
      case SLOWER_THAN_PEERS -> level - 2.5 * intoWindow;
      // Gained quickly in the previous window, then only kept level.
      case SLOWING_DOWN -> level - 9 + 3.0 * Math.clamp(i - (windowStart - 3), 0, 3);
      // Low, and staying as far behind.
      case GAP_NOT_CLOSING -> Math.min(level, 88) - 4;
      // Low, and falling further behind.
      case GAP_WIDENING -> Math.min(level, 90) - 4 - 2.5 * intoWindow;
      // Low, and catching up steadily: not less than expected progress.
      case CATCHING_UP -> Math.min(level, 86) - 10 + 2.0 * i;
    };
  }

  private static int yearsBetween(String academicYear, String currentYear) {
    return Integer.parseInt(currentYear.substring(0, 4)) - Integer.parseInt(academicYear.substring(0, 4));
  }

  /** A pupil on roll, as the generator needs them. */
  private record RollEntry(long id, String yearGroupCode, @Nullable LocalDate admissionDate, boolean eal) {}

  private List<RollEntry> roll(long schoolId, LocalDate today) {
    return jdbc.query("""
            select p.id, y.code, p.admission_date, p.eal from pupil p join year_group y on y.id = p.year_group_id
            where p.school_id = ? and (p.leaving_date is null or p.leaving_date > ?) order by p.id""",
        (rs, n) -> new RollEntry(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4)),
        schoolId, today);
  }

  /**
   * The two pupils whose scores are set without noise, with their shape: the first pupil with EAL who has a full
   * history (Year 3 or above, on roll since {@code firstPoint}) falls further behind, and the first other such
   * pupil catches up. A school without such a pupil has no promise for them.
   */
  private static Map<Long, Shape> promised(List<RollEntry> roll, LocalDate firstPoint) {
    Map<Long, Shape> promised = new HashMap<>();
    for (RollEntry pupil : roll) {
      Matcher year = YEAR.matcher(pupil.yearGroupCode());
      boolean fullHistory = year.matches() && Integer.parseInt(year.group(1)) >= 3
          && (pupil.admissionDate() == null || !pupil.admissionDate().isAfter(firstPoint));
      Shape shape = pupil.eal() ? Shape.GAP_WIDENING : Shape.CATCHING_UP;
      if (fullHistory && !promised.containsValue(shape)) {
        promised.put(pupil.id(), shape);
      }
    }
    return promised;
  }

  private void seedConcerns(long schoolId, List<RollEntry> roll, Random random, LocalDate today,
      List<SenSupportStart> starts, Map<String, BroadArea> areaOfNeed) {
    if (roll.isEmpty()) {
      return;
    }
    List<StaffSummary> staff = organisation.staffOf(schoolId);
    StaffSummary teacher = staff.stream().filter(s -> s.roles().contains(Role.TEACHER)).findFirst()
        .orElse(staff.isEmpty() ? null : staff.getFirst());
    if (teacher == null) {
      return;
    }
    String[][] examples = {
      {"COGNITION_AND_LEARNING", "Finds it hard to remember sounds taught the day before; reading book level unchanged since September.",
          "Daily phonics keep-up group; pre-teaching of new sounds; word mats.", "I like stories but the words get muddled."},
      {"COMMUNICATION_AND_INTERACTION", "Rarely joins in at carpet time and answers in single words; struggles to follow two-step instructions.",
          "Visual timetable; instructions broken into steps; talk partner.", "I don't like talking in front of everyone."},
      {"SOCIAL_EMOTIONAL_MENTAL_HEALTH,WELLBEING", "Often upset at the start of the day and leaves the classroom when work gets hard.",
          "Meet and greet in the morning; calm corner; check-ins with the TA.", "Sometimes I feel cross and I don't know why."},
      {"SENSORY_AND_PHYSICAL", "Holds books very close and squints at the board; handwriting much slower than peers.",
          "Seated at the front; enlarged worksheets; pencil grip.", ""},
    };
    ConcernStatus[] statuses = ConcernStatus.values();
    int count = Math.max(statuses.length, roll.size() / 50);
    List<Object[]> concerns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RollEntry pupil = roll.get(random.nextInt(roll.size()));
      String[] example = examples[i % examples.length];
      ConcernStatus status = statuses[i % statuses.length];
      String decision = status == ConcernStatus.DECIDED ? (i % 2 == 0 ? "MONITOR" : "NO_FURTHER_ACTION") : null;
      concerns.add(new Object[] {schoolId, pupil.id(), today.minusDays(10 + random.nextInt(60)), teacher.email(),
          teacher.name(), example[0], example[1], example[2], example[3].isEmpty() ? null : example[3],
          status.name(), decision, "MONITOR".equals(decision) ? today.plusWeeks(8) : null,
          decision == null ? null : today.minusDays(2), null});
    }
    for (SenSupportStart start : starts) {
      // Raised half a term before, discussed with the parents a week later, decided the day support began.
      String[] example = examples[switch (areaOfNeed.getOrDefault(start.need(), BroadArea.OTHER)) {
        case COMMUNICATION_AND_INTERACTION -> 1;
        case SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH -> 2;
        case SENSORY_AND_PHYSICAL -> 3;
        default -> 0;
      }];
      concerns.add(new Object[] {schoolId, start.pupilId(), weekday(start.since().minusWeeks(6)), teacher.email(),
          teacher.name(), example[0], example[1], example[2], example[3].isEmpty() ? null : example[3],
          ConcernStatus.DECIDED.name(), ConcernDecision.START_SEN_SUPPORT.name(), null, start.since(),
          start.reason()});
    }
    jdbc.batchUpdate("""
        insert into concern (school_id, pupil_id, raised_on, raised_by, raised_by_name, areas, evidence,
          tried_in_class, pupil_view, status, decision, review_on, decided_on, decision_notes)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", concerns);
    jdbc.update("""
        insert into parent_discussion (concern_id, school_id, pupil_id, held_on, attendees, notes, parent_views,
          next_steps, recorded_by)
        select c.id, c.school_id, c.pupil_id, c.raised_on + 7, 'Parent, class teacher, SENCO',
          'Talked through what the class teacher has noticed and what has been tried so far.',
          'We have noticed the same at home, especially with homework.',
          'Try the strategies for six weeks and meet again.', c.raised_by
        from concern c where c.school_id = ? and c.status in ('PARENT_DISCUSSION', 'DECIDED')""", schoolId);
    keepNotices(schoolId, starts, staff, today);
  }

  /**
   * The notices of the concerns that started SEN support, as sent at the end of the day support began: emailed to
   * the parents with an email address and a letter to post to each of the others. The school has posted the letters
   * of all but the pupil newest on SEN support, two days after, as recorded by its SENCO. A few statements for each
   * of these few pupils, however large the trust.
   */
  private void keepNotices(long schoolId, List<SenSupportStart> starts, List<StaffSummary> staff, LocalDate today) {
    if (starts.isEmpty()) {
      return;
    }
    Map<Long, Long> concernOf = new HashMap<>();
    jdbc.query("select pupil_id, id from concern where school_id = ? and decision = 'START_SEN_SUPPORT'",
        rs -> {
          concernOf.put(rs.getLong("pupil_id"), rs.getLong("id"));
        },
        schoolId);
    String senco = staff.stream().filter(s -> s.roles().contains(Role.SENCO)).findFirst()
        .map(StaffSummary::name).orElse("The SENCO");
    List<Object[]> posted = new ArrayList<>();
    for (SenSupportStart start : starts) {
      long concernId = concernOf.get(start.pupilId());
      List<PupilContact> parents = notice.recipients(start.pupilId());
      notices.keep(new SenSupportStarted(concernId, start.pupilId(), schoolId, start.since(), start.reason()),
          parents, start.since().atTime(15, 30).atOffset(ZoneOffset.UTC));
      boolean newest = start.equals(starts.getFirst());
      if (!newest && parents.stream().anyMatch(p -> p.email() == null)) {
        LocalDate postedOn = weekday(start.since().plusDays(2));
        postedOn = postedOn.isAfter(today) ? today : postedOn;
        posted.add(new Object[] {postedOn, senco, postedOn.atTime(10, 0).atOffset(ZoneOffset.UTC), concernId});
      }
    }
    jdbc.batchUpdate("""
        update parent_notice_letter set posted_on = ?, posted_by_name = ?, posted_recorded_at = ?,
          version = version + 1
        where concern_id = ?""", posted);
  }

  /** The day, or the Monday after it when it falls at a weekend. */
  private static LocalDate weekday(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> day.plusDays(2);
      case SUNDAY -> day.plusDays(1);
      default -> day;
    };
  }
}
