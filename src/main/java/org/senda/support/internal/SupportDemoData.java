package org.senda.support.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.senda.access.Role;
import org.senda.demo.DemoContributor;
import org.senda.demo.DemoTrust;
import org.senda.organisation.Organisation;
import org.senda.organisation.StaffSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo trust's SEN support: every pupil on SEN support has a passport in their own words and a plan with two or
 * three cycles, the closed ones reviewed with the pupil's and parents' views, and meetings with parents (the plan
 * agreed, each review, some mid-cycle). About one pupil in seven has a review past its date and about one in five a
 * scheduled meeting that passed without being recorded, so the SENCO's overdue lists have something in them.
 * Written with batch statements, a dozen per school whatever its size.
 */
@Component
class SupportDemoData implements DemoContributor {

  /** A plan idea per broad area: a need, two outcomes (description, measure, baseline, target, strategies). */
  private record Idea(String area, String need, String strengths, String[][] outcomes) {}

  private static final List<Idea> IDEAS = List.of(
      new Idea("COGNITION_AND_LEARNING", "Finds it hard to remember letter sounds and to blend them into words.",
          "Loves stories and listens well when an adult reads aloud. Kind to younger children.",
          new String[][] {
            {"Reads the first 100 common words on sight", "Words read correctly from the list", "32 of 100", "70 of 100",
                "Pre-teach new words before the lesson\\nGive a word mat on the table\\nHear the pupil read every day"},
            {"Writes a sentence with a capital letter and a full stop without help", "Sentences written correctly in a week",
                "1 of 5", "4 of 5", "Give a sentence starter\\nUse a checklist for capital letters and full stops"}}),
      new Idea("COMMUNICATION_AND_INTERACTION", "Struggles to follow instructions with more than one step and rarely joins in at carpet time.",
          "Good at building with Lego and explaining how things work. Has a good memory for routines.",
          new String[][] {
            {"Follows two-step instructions in class", "Instructions followed first time in a lesson", "2 of 10", "7 of 10",
                "Give one instruction at a time\\nShow a picture of each step\\nCheck understanding by asking the pupil to repeat"},
            {"Answers a question in a sentence at carpet time", "Answers given in a full sentence in a week", "0", "3",
                "Give thinking time\\nTalk partner before answering\\nWarn the pupil before asking them"}}),
      new Idea("SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH", "Becomes upset at the start of the day and leaves the classroom when work gets hard.",
          "Funny, caring towards friends and good at art.",
          new String[][] {
            {"Settles into class within five minutes of arriving", "Mornings settled within five minutes in a week", "1 of 5",
                "4 of 5", "Meet and greet at the door\\nVisual timetable on the desk\\nA calm job to start the day"},
            {"Asks for a break instead of leaving the room", "Times the break card is used instead of leaving", "0 a week",
                "3 a week", "Agree a break card\\nCalm corner in the classroom\\nPraise quietly when the card is used"}}),
      new Idea("SENSORY_AND_PHYSICAL", "Finds handwriting slow and tiring; holds the pencil very tightly.",
          "Determined and keen to do well in PE and science.",
          new String[][] {
            {"Writes for ten minutes without needing a rest", "Minutes of writing before a rest", "4 minutes", "10 minutes",
                "Pencil grip\\nSloping board\\nShort movement break after writing"},
            {"Forms all lower-case letters correctly", "Letters formed correctly from 26", "15 of 26", "24 of 26",
                "Daily five-minute handwriting practice\\nModel each letter before practice"}}));

  private static final String[] PUPIL_VIEWS = {"I like the word games.", "I want to read to my little brother.",
      "The break card helps when I feel cross.", "It is easier when I can see the steps.",
      "I don't like writing a lot but the board helps."};
  private static final String[] PARENT_VIEWS = {"Reading more at home and asking for stories.",
      "Mornings at home are calmer since the visual timetable.", "Happy with the progress but would like more homework ideas.",
      "Still finds writing tiring; pleased with the pencil grip.", "Would like to hear from school more often."};
  private static final String[] WHAT_WORKED = {"Short daily practice with the TA.", "Pre-teaching the words before lessons.",
      "The visual timetable and a calm start to the day.", "Movement breaks between writing tasks."};
  private static final ReviewDecision[] DECISIONS = {ReviewDecision.CONTINUE, ReviewDecision.CHANGE,
      ReviewDecision.CONTINUE, ReviewDecision.ADD_SPECIALIST_ADVICE};
  private static final OutcomeResult[] RESULTS = OutcomeResult.values();

  private static final int CYCLE_DAYS = 84;
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SupportDemoData.class);

  private final Organisation organisation;
  private final JdbcTemplate jdbc;

  SupportDemoData(Organisation organisation, JdbcTemplate jdbc) {
    this.organisation = organisation;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 500;
  }

  @Override
  public boolean hasData() {
    Integer count = jdbc.queryForObject("select count(*) from support_plan", Integer.class);
    return count != null && count > 0;
  }

  @Override
  public void contribute(DemoTrust trust) {
    List<Long> schoolIds = trust.get("demo.schoolIds");
    Random random = trust.random("support");
    long started = System.nanoTime();
    int plans = 0;
    for (long schoolId : schoolIds) {
      Map<Long, LocalDate> pupils = trust.get("demo.senSupportSince." + schoolId);
      if (!pupils.isEmpty()) {
        seedSchool(schoolId, pupils, random, trust.today());
        plans += pupils.size();
      }
    }
    log.info("Demo SEN support: {} plans with passports, reviews and meetings in {} ms", plans,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** One pupil's plan as generated: its cycles' dates, the idea it follows, and what went wrong on purpose. */
  private record PlanSketch(long pupilId, Idea idea, LocalDate[] opened, LocalDate currentReview, boolean missedMeeting) {}

  private void seedSchool(long schoolId, Map<Long, LocalDate> pupils, Random random, LocalDate today) {
    String senco = organisation.staffOf(schoolId).stream().filter(s -> s.roles().contains(Role.SENCO)).findFirst()
        .map(StaffSummary::email).orElse("senco@demo");
    List<PlanSketch> sketches = new ArrayList<>();
    for (Map.Entry<Long, LocalDate> pupil : pupils.entrySet()) {
      int cycles = 2 + random.nextInt(2);
      // Cycles of about a term; a pupil on support for a short time has shorter, earlier cycles.
      long span = Math.max(70, Math.min(ChronoUnit.DAYS.between(pupil.getValue(), today),
          (cycles - 1) * CYCLE_DAYS + 20 + random.nextInt(40)));
      long length = span / cycles + 20;
      LocalDate start = MeetingSchedule.weekday(today.minusDays(span));
      LocalDate[] opened = new LocalDate[cycles];
      for (int c = 0; c < cycles; c++) {
        opened[c] = MeetingSchedule.weekday(start.plusDays(c * (span / cycles)));
      }
      boolean overdueReview = random.nextInt(7) == 0;
      LocalDate review = overdueReview ? MeetingSchedule.weekday(today.minusDays(3 + random.nextInt(20)))
          : MeetingSchedule.weekday(opened[cycles - 1].plusDays(Math.max(length, 30)));
      if (!review.isAfter(opened[cycles - 1])) {
        review = MeetingSchedule.weekday(opened[cycles - 1].plusDays(30));
      }
      sketches.add(new PlanSketch(pupil.getKey(), IDEAS.get(random.nextInt(IDEAS.size())), opened, review,
          random.nextInt(5) == 0));
    }
    Instant now = today.atTime(8, 0).toInstant(ZoneOffset.UTC);
    jdbc.batchUpdate("""
        insert into support_plan (pupil_id, school_id, status, current_cycle, created_at, updated_at, updated_by,
          activated_on) values (?, ?, 'ACTIVE', ?, ?, ?, ?, ?)""", sketches.stream()
        .map(s -> new Object[] {s.pupilId(), schoolId, s.opened().length,
            Timestamp.from(s.opened()[0].atTime(9, 0).toInstant(ZoneOffset.UTC)), Timestamp.from(now), senco,
            Date.valueOf(s.opened()[0])})
        .toList());
    Map<Long, Long> planOf = new HashMap<>();
    jdbc.query("select id, pupil_id from support_plan where school_id = ?",
        rs -> {
          planOf.put(rs.getLong(2), rs.getLong(1));
        }, schoolId);

    List<Object[]> cycles = new ArrayList<>();
    for (PlanSketch s : sketches) {
      for (int c = 0; c < s.opened().length; c++) {
        boolean current = c == s.opened().length - 1;
        cycles.add(new Object[] {planOf.get(s.pupilId()), schoolId, c + 1, c == 0 ? 2 : 2 + random.nextInt(2),
            s.idea().strengths(), Date.valueOf(s.opened()[c]),
            Date.valueOf(current ? s.currentReview() : s.opened()[c + 1]),
            current ? null : Date.valueOf(s.opened()[c + 1])});
      }
    }
    jdbc.batchUpdate("""
        insert into support_plan_cycle (plan_id, school_id, number, wave, strengths, opened_on, review_date, closed_on)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", cycles);
    Map<String, Long> cycleOf = new HashMap<>();
    jdbc.query("select id, plan_id, number from support_plan_cycle where school_id = ?",
        rs -> {
          cycleOf.put(rs.getLong(2) + "/" + rs.getInt(3), rs.getLong(1));
        }, schoolId);

    List<Object[]> needs = new ArrayList<>();
    List<Object[]> outcomes = new ArrayList<>();
    for (PlanSketch s : sketches) {
      long plan = planOf.get(s.pupilId());
      for (int c = 0; c < s.opened().length; c++) {
        long cycle = cycleOf.get(plan + "/" + (c + 1));
        needs.add(new Object[] {cycle, schoolId, 0, s.idea().area(), s.idea().need()});
        LocalDate targetDate = c == s.opened().length - 1 ? s.currentReview() : s.opened()[c + 1];
        for (int o = 0; o < s.idea().outcomes().length; o++) {
          String[] idea = s.idea().outcomes()[o];
          outcomes.add(new Object[] {cycle, schoolId, o, idea[0], idea[1], idea[2], idea[3], Date.valueOf(targetDate),
              idea[4].replace("\\n", "\n"), o == 0 ? "Small-group practice" : "Support in class",
              o == 0 ? "Teaching assistant" : "Class teacher", o == 0 ? "Three times a week, 15 minutes" : "Daily",
              o == 0 ? "Group room" : "Classroom"});
        }
      }
    }
    jdbc.batchUpdate("""
        insert into support_plan_need (cycle_id, school_id, position, area, description) values (?, ?, ?, ?, ?)""",
        needs);
    jdbc.batchUpdate("""
        insert into support_plan_outcome (cycle_id, school_id, position, description, measure, baseline, target,
          target_date, strategies, provision_what, provision_who, provision_how_often, provision_where)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", outcomes);

    List<Object[]> reviews = new ArrayList<>();
    for (PlanSketch s : sketches) {
      long plan = planOf.get(s.pupilId());
      for (int c = 0; c < s.opened().length - 1; c++) {
        ReviewDecision decision = DECISIONS[random.nextInt(DECISIONS.length)];
        reviews.add(new Object[] {plan, cycleOf.get(plan + "/" + (c + 1)), schoolId, Date.valueOf(s.opened()[c + 1]),
            WHAT_WORKED[random.nextInt(WHAT_WORKED.length)], PUPIL_VIEWS[random.nextInt(PUPIL_VIEWS.length)],
            PARENT_VIEWS[random.nextInt(PARENT_VIEWS.length)], decision.name(),
            decision == ReviewDecision.ADD_SPECIALIST_ADVICE ? "Progress slower than hoped: ask the educational psychologist" : null,
            senco, Timestamp.from(s.opened()[c + 1].atTime(15, 30).toInstant(ZoneOffset.UTC))});
      }
    }
    jdbc.batchUpdate("""
        insert into support_review (plan_id, cycle_id, school_id, held_on, what_worked, pupil_view, parents_view,
          decision, decision_reason, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", reviews);
    List<Object[]> results = new ArrayList<>();
    jdbc.query("""
            select r.id, o.id, o.baseline, o.target from support_review r
            join support_plan_outcome o on o.cycle_id = r.cycle_id where r.school_id = ? order by r.id, o.position""",
        rs -> {
          OutcomeResult result = RESULTS[random.nextInt(RESULTS.length)];
          results.add(new Object[] {rs.getLong(1), rs.getLong(2), schoolId, result.name(),
              "From " + rs.getString(3) + " towards " + rs.getString(4) + ": " + result.title().toLowerCase(java.util.Locale.UK)});
        }, schoolId);
    jdbc.batchUpdate("""
        insert into support_review_outcome (review_id, outcome_id, school_id, result, evidence)
        values (?, ?, ?, ?, ?)""", results);

    List<Object[]> meetings = new ArrayList<>();
    for (PlanSketch s : sketches) {
      long plan = planOf.get(s.pupilId());
      int last = s.opened().length - 1;
      for (int c = 0; c <= last; c++) {
        long cycle = cycleOf.get(plan + "/" + (c + 1));
        if (c == 0) {
          meetings.add(held(s, schoolId, plan, cycle, MeetingPurpose.PLAN_START, s.opened()[0], senco,
              "Agreed the plan's outcomes and how the family can help at home.", random));
        }
        if (c < last) {
          meetings.add(held(s, schoolId, plan, cycle, MeetingPurpose.REVIEW, s.opened()[c + 1], senco,
              "Reviewed the plan: " + "what worked and the next outcomes.", random));
        } else {
          meetings.add(new Object[] {s.pupilId(), schoolId, plan, cycle, MeetingPurpose.REVIEW.name(),
              Date.valueOf(s.currentReview()), null, null, null, null, null, null, null});
          if (s.missedMeeting()) {
            LocalDate missed = MeetingSchedule.weekday(today.minusDays(7 + random.nextInt(14)));
            if (missed.isAfter(s.opened()[c])) {
              meetings.add(new Object[] {s.pupilId(), schoolId, plan, cycle, MeetingPurpose.MID_CYCLE.name(),
                  Date.valueOf(missed), null, null, null, null, null, null, null});
            }
          }
        }
      }
    }
    jdbc.batchUpdate("""
        insert into support_meeting (pupil_id, school_id, plan_id, cycle_id, purpose, scheduled_on, held_on, attendees,
          notes, parents_view, agreed_actions, recorded_by, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", meetings);

    List<Object[]> passports = new ArrayList<>();
    for (PlanSketch s : sketches) {
      LocalDate contributed = MeetingSchedule.weekday(s.opened()[s.opened().length - 1].plusDays(random.nextInt(10)));
      if (contributed.isAfter(today)) {
        contributed = MeetingSchedule.weekday(today);
      }
      passports.add(new Object[] {s.pupilId(), schoolId, 1, "I am kind and I make people laugh. I am good at building things.",
          "My family, my dog and playing football at break.",
          "Tell me one thing at a time. Show me what to do first. Let me sit near the front.",
          "Reading long words and starting my work.", "I want to read a whole chapter book by myself.",
          Date.valueOf(contributed), Timestamp.from(contributed.atTime(11, 0).toInstant(ZoneOffset.UTC)), senco});
    }
    jdbc.batchUpdate("""
        insert into pupil_passport (pupil_id, school_id, number, liked_and_admired, important_to_me,
          how_best_to_support_me, find_hard, hopes, pupil_contributed_on, created_at, created_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", passports);
  }

  private static Object[] held(PlanSketch s, long schoolId, long plan, long cycle, MeetingPurpose purpose,
      LocalDate on, String senco, String notes, Random random) {
    return new Object[] {s.pupilId(), schoolId, plan, cycle, purpose.name(), Date.valueOf(on), Date.valueOf(on),
        "Parent, class teacher, SENCO", notes, PARENT_VIEWS[random.nextInt(PARENT_VIEWS.length)],
        "School: keep the strategies going. Home: read together for ten minutes a night.", senco,
        Timestamp.from(on.atTime(15, 45).toInstant(ZoneOffset.UTC))};
  }
}
