package org.senda.provision.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.access.Role;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolCalendar;
import org.senda.organisation.StaffSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.senda.demo.DemoContributor;
import org.senda.demo.DemoTrust;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo trust's intervention catalogue, shared across the trust (the interventions the seeds name, with the
 * schedules, resources and measures their publishers describe), one or two entries each school keeps for itself,
 * and three years of groups (withdrawal groups and one-to-one sessions in the rooms they usually use), sessions and
 * measures.
 */
@Component
class ProvisionDemoData implements DemoContributor {

  private static final String CL = AreaOfNeed.COGNITION_AND_LEARNING.name();
  private static final String CI = AreaOfNeed.COMMUNICATION_AND_INTERACTION.name();
  private static final String SEMH = AreaOfNeed.SOCIAL_EMOTIONAL_MENTAL_HEALTH.name();
  private static final String SP = AreaOfNeed.SENSORY_AND_PHYSICAL.name();
  private static final String TA = "TEACHING_ASSISTANT";
  private static final String TEACHER = "TEACHER";

  static final List<ProvisionStore.NewIntervention> CATALOGUE = List.of(
      entry("Toe by Toe", CL, "A highly structured phonics-based reading manual, one to one, daily.",
          "https://educationendowmentfoundation.org.uk/education-evidence/teaching-learning-toolkit/phonics",
          1, 5, 20, 20, 2995, "Reading age (months)", TA),
      entry("Numicon intervention", CL, "Multi-sensory number sense teaching with structured apparatus.",
          "https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/maths-ks-1",
          4, 3, 30, 12, 14500, "Number sense assessment score", TA),
      entry("Numbers Count", CL, "Intensive one-to-one (or small group) numeracy by a trained teacher.",
          "https://www.edgehill.ac.uk/departments/academic/education/every-child-counts/",
          3, 3, 30, 12, 4000, "Sandwell Early Numeracy Test score", TEACHER),
      entry("Talk Boost", CI, "Targeted speech, language and communication programme in small groups.",
          "https://speechandlanguage.org.uk/talk-boost/", 4, 3, 30, 10, 25000,
          "Talk Boost progress tracker score", TA),
      entry("Speech and language therapy programme", CI,
          "Targets set by the speech and language therapist, delivered one to one by a trained TA.",
          "https://www.rcslt.org/", 1, 3, 20, 12, 0, "Therapy targets met (%)", TA),
      entry("Social communication group", CI,
          "Small-group work on turn taking, conversation and understanding others, for autistic pupils.",
          "https://www.autismeducationtrust.org.uk/", 6, 1, 45, 12, 3500, "Social skills checklist score", TA),
      entry("Nurture group", SEMH, "A small class within the school following the six principles of nurture.",
          "https://www.nurtureuk.org/", 10, 5, 90, 36, 60000, "Boxall Profile score", TA),
      entry("Art therapy", SEMH, "Sessions with an art therapist for pupils who find it hard to talk.",
          "https://baat.org/", 1, 1, 50, 12, 120000, "Strengths and Difficulties Questionnaire score", TEACHER),
      entry("Precision teaching", CL, "Short daily timed practice of a small set of facts or words.",
          "https://educationendowmentfoundation.org.uk/", 1, 5, 10, 10, 0, "Correct per minute", TA),
      entry("Fine motor skills group", SP, "Activities to strengthen grip, hand control and handwriting.",
          "https://www.rcot.co.uk/", 6, 2, 30, 10, 6000, "Fine motor checklist score", TA));

  /**
   * Where each entry of {@link #CATALOGUE} is usually delivered when pupils are withdrawn from class, in the same
   * order. In-class support has no room: it names the lessons instead.
   */
  private static final String[] ROOMS = {"Library", "Room 4", "Room 4", "Speech and language room",
      "Speech and language room", "Nurture room", "Nurture room", "Art room", "Library", "Hall"};

  /**
   * Interventions a school adds to its own catalogue beside the trust's: the demo gives each school one or two of
   * these (see {@link #schoolsOwn}).
   */
  static final List<ProvisionStore.NewIntervention> SCHOOLS_OWN = List.of(
      entry("Sensory circuits", SP, "A short circuit of alerting, organising and calming activities before "
          + "lessons, so pupils start the day ready to learn.", "https://www.rcot.co.uk/", 6, 5, 15, 12, 2500,
          "Readiness to learn rating (1-5)", TA),
      entry("Zones of Regulation", SEMH, "Lessons that teach pupils to recognise how they feel and choose a "
          + "strategy to manage it.", "https://zonesofregulation.com/", 6, 1, 45, 10, 4500,
          "Self-regulation checklist score", TA),
      entry("Colourful Semantics", CI, "Colour-coded sentence building to develop spoken and then written "
          + "sentences.", "https://www.rcslt.org/", 4, 2, 30, 10, 3000, "Sentence structure assessment score", TA),
      entry("Paired reading", CL, "An adult or older pupil reads with the pupil three times a week, following the "
          + "paired reading method.", "https://educationendowmentfoundation.org.uk/education-evidence/"
          + "teaching-learning-toolkit/reading-comprehension-strategies", 2, 3, 20, 10, 0, "Reading age (months)", TA),
      entry("Emotional literacy support (ELSA)", SEMH, "Individual sessions with a trained emotional literacy "
          + "support assistant.", "https://www.elsanetwork.org/", 1, 1, 30, 8, 0,
          "Emotional literacy checklist score", TA));

  /**
   * The school's own entries: the {@code n}th school of the trust takes one entry of {@link #SCHOOLS_OWN}, and every
   * other school a second, in turn, so neighbouring schools keep different ones.
   */
  static List<ProvisionStore.NewIntervention> schoolsOwn(int n) {
    ProvisionStore.NewIntervention first = SCHOOLS_OWN.get((n * 2) % SCHOOLS_OWN.size());
    return n % 2 == 0 ? List.of(first, SCHOOLS_OWN.get((n * 2 + 1) % SCHOOLS_OWN.size())) : List.of(first);
  }

  private final ProvisionStore store;
  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final Organisation organisation;

  ProvisionDemoData(ProvisionStore store, JdbcClient jdbc, JdbcTemplate jdbcTemplate, Organisation organisation) {
    this.store = store;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.organisation = organisation;
  }

  @Override
  public int order() {
    return 600;
  }

  @Override
  public boolean hasData() {
    return jdbc.sql("select count(*) from intervention").query(Integer.class).single() > 0;
  }

  @Override
  public void contribute(DemoTrust trust) {
    long trustId = trust.get("demo.trustId");
    List<long[]> catalogue = new ArrayList<>();
    for (int n = 0; n < CATALOGUE.size(); n++) {
      ProvisionStore.NewIntervention i = CATALOGUE.get(n);
      long id = store.insert(new ProvisionStore.NewIntervention(trustId, null, i.name(), i.areaOfNeed(),
          i.description(), i.evidenceLink(), i.defaultGroupSize(), i.sessionsPerWeek(), i.minutesPerSession(),
          i.lengthWeeks(), i.resourcesCostPence(), i.entryExitMeasure(), i.deliveredByRole()));
      catalogue.add(new long[] {id, n});
    }
    long inClass = store.insert(new ProvisionStore.NewIntervention(trustId, null, IN_CLASS.name(),
        IN_CLASS.areaOfNeed(), IN_CLASS.description(), IN_CLASS.evidenceLink(), IN_CLASS.defaultGroupSize(),
        IN_CLASS.sessionsPerWeek(), IN_CLASS.minutesPerSession(), IN_CLASS.lengthWeeks(),
        IN_CLASS.resourcesCostPence(), IN_CLASS.entryExitMeasure(), IN_CLASS.deliveredByRole()));
    Random random = trust.random("provision");
    Random inClassRandom = trust.random("provision.in-class");
    List<Long> schoolIds = trust.get("demo.schoolIds");
    List<Object[]> own = new ArrayList<>();
    for (int n = 0; n < schoolIds.size(); n++) {
      for (ProvisionStore.NewIntervention i : schoolsOwn(n)) {
        own.add(new Object[] {trustId, schoolIds.get(n), i.name(), i.areaOfNeed(), i.description(),
            i.evidenceLink(), i.defaultGroupSize(), i.sessionsPerWeek(), i.minutesPerSession(), i.lengthWeeks(),
            i.resourcesCostPence(), i.entryExitMeasure(), i.deliveredByRole()});
      }
    }
    jdbcTemplate.batchUpdate("""
        insert into intervention (trust_id, school_id, name, area_of_need, description, evidence_link,
          default_group_size, sessions_per_week, minutes_per_session, length_weeks, resources_cost_pence,
          entry_exit_measure, delivered_by_role) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", own);
    for (long schoolId : schoolIds) {
      groups(trust, schoolId, catalogue, random, inClass, inClassRandom);
    }
  }

  /**
   * The catalogue entry for in-class support: the catalogue lists what a school can deliver, so a teaching
   * assistant supporting pupils in their lessons is chosen from it like any intervention, and is costed the same way.
   */
  static final ProvisionStore.NewIntervention IN_CLASS = entry("In-class TA support", CL,
      "A teaching assistant supports named pupils inside their lessons, working with the class teacher on the "
          + "pupils' targets.",
      "https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/teaching-assistants",
      3, 5, 60, 36, 0, null, TA);

  /**
   * In-class support in each school: this year a teaching assistant in English and maths lessons every day, last
   * year in maths lessons three times a week, with their sessions. Its own random numbers, so the groups above stay
   * as they were.
   */
  private void inClassSupport(DemoTrust trust, long schoolId, long interventionId, List<Long> pupils,
      List<StaffSummary> tas, Random random, List<Object[]> sessions, Map<Long, List<Long>> members) {
    LocalDate today = trust.today();
    int firstYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    SchoolCalendar calendar = organisation.calendar(schoolId);
    String[][] runs = {{"English and maths lessons", "5", "11:00"}, {"Maths lessons", "3", "11:00"}};
    for (int n = 0; n < runs.length; n++) {
      LocalDate start = LocalDate.of(firstYear - n, 9, 8).with(DayOfWeek.MONDAY);
      LocalDate end = LocalDate.of(firstYear - n + 1, 7, 17);
      if (!start.isBefore(today) || tas.isEmpty() || pupils.size() < 2) {
        continue;
      }
      StaffSummary ta = tas.get(random.nextInt(tas.size()));
      Set<Long> chosen = new LinkedHashSet<>();
      while (chosen.size() < Math.min(2 + random.nextInt(2), pupils.size())) {
        chosen.add(pupils.get(random.nextInt(pupils.size())));
      }
      int perWeek = Integer.parseInt(runs[n][1]);
      List<Slot> slots = new ArrayList<>();
      for (int d = 0; d < perWeek; d++) {
        slots.add(new Slot(DAYS[perWeek == 5 ? d : d * 2], runs[n][2], 60));
      }
      long groupId = store.insert(new ProvisionStore.NewGroup(schoolId, interventionId, perWeek, 60, start, end, null,
          List.of(new ProvisionStore.GroupStaff(0, ta.id(), Role.TEACHING_ASSISTANT)), List.copyOf(chosen), slots,
          null, DeliveryKind.IN_CLASS, runs[n][0]), start.atStartOfDay(ZoneOffset.UTC).toInstant());
      members.put(groupId, List.copyOf(chosen));
      LocalDate last = end.isBefore(today) ? end : today.minusDays(1);
      for (LocalDate monday = start; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
        for (Slot slot : slots) {
          LocalDate day = monday.plusDays(DayOfWeek.valueOf(slot.dayOfWeek()).ordinal());
          if (day.isAfter(last) || !ProvisionCost.schoolDay(day, calendar)) {
            continue;
          }
          boolean cancelled = random.nextInt(20) == 0;
          sessions.add(new Object[] {groupId, schoolId, day, !cancelled,
              cancelled ? CANCELLED[random.nextInt(CANCELLED.length)] : null, slot.minutes(),
              Timestamp.from(day.atTime(15, 30).toInstant(ZoneOffset.UTC))});
        }
      }
    }
  }

  /**
   * Three academic years of groups for a school: each intervention run a few times a year by a teaching assistant
   * (or teacher) with pupils of the school, sessions on school days with about nine in ten attended and one in
   * twenty cancelled, and entry and exit measures for groups that have finished. Some interventions work well
   * (large gains, most pupils meeting the target) and some barely at all, so the effectiveness report tells a story.
   */
  private void groups(DemoTrust trust, long schoolId, List<long[]> catalogue, Random random, long inClass,
      Random inClassRandom) {
    LocalDate today = trust.today();
    List<Long> pupils = trust.get("demo.pupilIds." + schoolId);
    List<StaffSummary> staff = organisation.staffOf(schoolId);
    List<StaffSummary> tas = staff.stream().filter(s -> s.roles().contains(Role.TEACHING_ASSISTANT)).toList();
    List<StaffSummary> teachers = staff.stream().filter(s -> s.roles().contains(Role.TEACHER)).toList();
    if (pupils.isEmpty() || (tas.isEmpty() && teachers.isEmpty())) {
      return;
    }
    SchoolCalendar calendar = organisation.calendar(schoolId);
    int firstYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    List<Object[]> sessions = new ArrayList<>();
    Map<Long, List<Long>> members = new HashMap<>();
    List<Object[]> impacts = new ArrayList<>();
    for (int year = firstYear - 2; year <= firstYear; year++) {
      LocalDate yearStart = LocalDate.of(year, 9, 8);
      for (long[] entry : catalogue) {
        ProvisionStore.NewIntervention i = CATALOGUE.get((int) entry[1]);
        int runs = 1 + random.nextInt(2);
        for (int run = 0; run < runs; run++) {
          LocalDate start = yearStart.plusWeeks(random.nextInt(20)).with(DayOfWeek.MONDAY);
          if (!start.isBefore(today)) {
            continue;
          }
          LocalDate end = start.plusWeeks(i.lengthWeeks()).minusDays(3);
          List<StaffSummary> pool = i.deliveredByRole().equals("TEACHER") && !teachers.isEmpty() ? teachers
              : tas.isEmpty() ? teachers : tas;
          StaffSummary member = pool.get(random.nextInt(pool.size()));
          Role role = member.roles().contains(Role.valueOf(i.deliveredByRole())) ? Role.valueOf(i.deliveredByRole())
              : member.roles().contains(Role.TEACHING_ASSISTANT) ? Role.TEACHING_ASSISTANT : Role.TEACHER;
          int size = Math.max(1, Math.min(i.defaultGroupSize(), 1 + random.nextInt(i.defaultGroupSize())));
          Set<Long> chosen = new LinkedHashSet<>();
          while (chosen.size() < Math.min(size, pupils.size())) {
            chosen.add(pupils.get(random.nextInt(pupils.size())));
          }
          List<Slot> slots = slots(i, impacts.size() + members.size(), members.size());
          long groupId = store.insert(new ProvisionStore.NewGroup(schoolId, entry[0], i.sessionsPerWeek(),
              i.minutesPerSession(), start, end, ROOMS[(int) entry[1]],
              List.of(new ProvisionStore.GroupStaff(0, member.id(), role)),
              List.copyOf(chosen), slots, Math.min(6, i.lengthWeeks()), DeliveryKind.derived(chosen.size()), null),
              start.atStartOfDay(ZoneOffset.UTC).toInstant());
          if (end.isBefore(today)) {
            impacts.add(new Object[] {end, EFFECT[(int) entry[1]] >= 5 ? "Most pupils made good progress "
                + "against the entry measure; continue the intervention for pupils with similar needs."
                : "Little progress against the entry measure; try a different approach for these pupils.",
                groupId});
          }
          members.put(groupId, List.copyOf(chosen));
          LocalDate last = end.isBefore(today) ? end : today.minusDays(1);
          // A session at each weekly time that falls on a school day.
          for (LocalDate monday = start; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            for (Slot slot : slots) {
              LocalDate day = monday.plusDays(DayOfWeek.valueOf(slot.dayOfWeek()).ordinal());
              if (day.isAfter(last) || !ProvisionCost.schoolDay(day, calendar)) {
                continue;
              }
              boolean cancelled = random.nextInt(20) == 0;
              sessions.add(new Object[] {groupId, schoolId, day, !cancelled,
                  cancelled ? CANCELLED[random.nextInt(CANCELLED.length)] : null, slot.minutes(),
                  Timestamp.from(day.atTime(15, 30).toInstant(ZoneOffset.UTC))});
            }
          }
          if (end.isBefore(today)) {
            for (long pupil : chosen) {
              double entryScore = 10 + random.nextInt(20);
              double gain = EFFECT[(int) entry[1]] * (0.4 + random.nextDouble() * 1.2);
              store.setMeasures(groupId, pupil, BigDecimal.valueOf(entryScore),
                  BigDecimal.valueOf(Math.round((entryScore + gain) * 100) / 100.0).setScale(2,
                      java.math.RoundingMode.HALF_UP),
                  BigDecimal.valueOf(entryScore + 5));
            }
          }
        }
      }
    }
    inClassSupport(trust, schoolId, inClass, pupils, tas, inClassRandom, sessions, members);
    jdbcTemplate.batchUpdate("""
        insert into provision_session (group_id, school_id, session_date, delivered, cancelled_reason, minutes,
          recorded_at) values (?, ?, ?, ?, ?, ?, ?)""", sessions);
    jdbcTemplate.batchUpdate("update provision_group set impact_reviewed_on = ?, impact_summary = ? where id = ?",
        impacts);
    String reviewer = staff.stream().filter(s -> s.roles().contains(Role.SENCO)).map(StaffSummary::name)
        .findFirst().orElse(null);
    jdbcTemplate.batchUpdate("""
        insert into provision_impact_review (group_id, school_id, reviewed_on, summary, recorded_by_name, recorded_at)
        values (?, ?, ?, ?, ?, ?)""", impacts.stream().map(i -> new Object[] {i[2], schoolId, i[0], i[1], reviewer,
        Timestamp.from(((LocalDate) i[0]).atTime(16, 0).toInstant(ZoneOffset.UTC))}).toList());
    List<Object[]> attendance = new ArrayList<>();
    jdbc.sql("select id, group_id from provision_session where school_id = ? and delivered order by id")
        .param(schoolId)
        .query((rs, n) -> {
          long sessionId = rs.getLong(1);
          for (long pupil : members.getOrDefault(rs.getLong(2), List.of())) {
            attendance.add(new Object[] {sessionId, pupil, schoolId, random.nextInt(10) != 0});
          }
          return sessionId;
        })
        .list();
    jdbcTemplate.batchUpdate("""
        insert into provision_attendance (session_id, pupil_id, school_id, attended) values (?, ?, ?, ?)""",
        attendance);
  }

  /** The mean entry-to-exit gain of each catalogue entry, in the order of {@link #CATALOGUE}. */
  private static final double[] EFFECT = {9, 6, 8, 7, 5, 2, 4, 1.5, 7, 1};

  private static final String[] DAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"};
  private static final String[] TIMES = {"09:15", "10:45", "13:15", "14:00"};

  /**
   * The weekly times of a demo group: one per session a week on different days from {@code firstDay} on (daily
   * for Toe by Toe, three days for Talk Boost), the later ones at a different time of day, as real timetables go.
   */
  private static List<Slot> slots(ProvisionStore.NewIntervention i, int firstDay, int firstTime) {
    List<Slot> slots = new ArrayList<>();
    for (int n = 0; n < Math.min(5, i.sessionsPerWeek()); n++) {
      slots.add(new Slot(DAYS[(firstDay + n) % 5], TIMES[(firstTime + (n % 2)) % TIMES.length],
          i.minutesPerSession()));
    }
    return slots.stream().sorted(Slot.IN_THE_WEEK).toList();
  }

  private static final String[] CANCELLED = {"Teaching assistant covering a class", "School trip",
      "Staff absence", "Assessment week", "Room needed for exams"};

  private static ProvisionStore.NewIntervention entry(String name, String area, String description, String link,
      int size, int perWeek, int minutes, int weeks, long pence, @Nullable String measure, String role) {
    return new ProvisionStore.NewIntervention(0, null, name, area, description, link, size, perWeek, minutes, weeks,
        pence, measure, role);
  }
}
