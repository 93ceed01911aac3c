package org.senda.agencies.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.senda.demo.DemoContributor;
import org.senda.demo.DemoTrust;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo trust's agencies: an educational psychology service and a local authority SEN team shared by every
 * school, and per school a speech and language therapist, an occupational therapist, CAMHS, the school nurse, early
 * help and sensory support. Some pupils on SEN support or with an EHC plan have referrals at every stage, each with
 * the parents' consent and a dated history; a few have advice received, and one or two wait too long for an answer.
 */
@Component
class AgenciesDemoData implements DemoContributor {

  private static final String[][] SHARED = {
      {"EDUCATIONAL_PSYCHOLOGY", "Northshire Educational Psychology Service", "Dr Amara Okafor",
          "Senior educational psychologist", "eps@northshire.example", "01632 960 101",
          "Traded service: the trust buys 12 sessions a term for each school."},
      {"LA_SEN_TEAM", "Northshire SEND Assessment Team", "Gareth Lowe", "SEN casework officer",
          "send.team@northshire.example", "01632 960 102", null}};

  private static final String[][] PER_SCHOOL = {
      {"SPEECH_AND_LANGUAGE", "Northshire Children's Speech and Language Therapy", "Priya Patel",
          "Speech and language therapist", "salt@nhs.example", "01632 960 201"},
      {"OCCUPATIONAL_THERAPY", "Children's Occupational Therapy", "Tom Reed", "Occupational therapist",
          "ot@nhs.example", "01632 960 202"},
      {"CAMHS", "Northshire CAMHS", null, null, "camhs.referrals@nhs.example", "01632 960 203"},
      {"SCHOOL_NURSE", "School Nursing Team", "Jo Barker", "School nurse", "school.nursing@nhs.example",
          "01632 960 204"},
      {"EARLY_HELP", "Northshire Early Help Hub", null, null, "early.help@northshire.example", "01632 960 205"},
      {"SENSORY_SUPPORT", "Sensory Support Service (hearing and vision)", "Helen Moss",
          "Qualified teacher of the deaf", "sensory@northshire.example", "01632 960 206"}};

  private static final String[] REASONS = {
      "Speech is hard to understand for adults who do not know him well; he finds following two-step instructions "
          + "difficult even with visual support. Progress on his language targets has stalled over two review cycles.",
      "Reading has not improved despite two terms of daily phonics intervention (wave 3). We would like to "
          + "understand her learning profile and how best to teach her.",
      "Handwriting is slow and tiring; he avoids writing tasks and has difficulty with buttons and cutlery.",
      "Anxiety about coming to school has increased this term; she has missed 12 days and shows distress at "
          + "drop-off. School strategies (a key adult, a quiet space) have helped only a little.",
      "Staff have noticed he often asks for things to be repeated and turns his head to hear in group work."};

  private static final String[] QUESTIONS = {
      "What are his receptive and expressive language levels? Which strategies should class staff use?",
      "Is there evidence of a specific learning difficulty? What should her next plan include?",
      "What would help with fine motor skills in class? Would equipment such as a writing slope help?",
      "What support can school give while she waits for an assessment?",
      "Could his hearing be checked? What adjustments in class would help?"};

  private static final String[] ADVICE = {
      "Receptive language is around two years below his age; expressive language is better. Use visual supports, "
          + "give one instruction at a time and check understanding. Blank level questioning in small groups, three "
          + "times a week.",
      "Her phonological processing is weak; her verbal reasoning is a strength. Multi-sensory, structured phonics "
          + "with plenty of overlearning; allow extra time and a reader for tests.",
      "Use a writing slope and pencil grip; daily fine motor activities (10 minutes). Allow typed work for longer "
          + "pieces.",
      "Offered six sessions of CBT-based support. School to keep the key adult and a gradual morning routine.",
      "Mild hearing loss in the left ear. Seat him near the front with his right side to the teacher; face him "
          + "when speaking."};

  private final JdbcClient jdbc;

  AgenciesDemoData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 650;
  }

  @Override
  public boolean hasData() {
    return jdbc.sql("select count(*) from agency").query(Integer.class).single() > 0;
  }

  @Override
  public void contribute(DemoTrust trust) {
    long trustId = trust.get("demo.trustId");
    List<Long> schoolIds = trust.get("demo.schoolIds");
    Random random = trust.random("agencies");
    LocalDate today = trust.today();
    List<Long> shared = new ArrayList<>();
    for (String[] a : SHARED) {
      shared.add(agency(trustId, null, a[0], a[1], a[2], a[3], a[4], a[5], a[6]));
    }
    for (long schoolId : schoolIds) {
      // By reason: speech and language, educational psychology, occupational therapy, CAMHS, sensory support.
      long[] byReason = new long[5];
      long salt = 0;
      long ot = 0;
      long camhs = 0;
      long sensory = 0;
      for (String[] a : PER_SCHOOL) {
        long id = agency(trustId, schoolId, a[0], a[1], a[2], a[3], a[4], a[5], null);
        switch (a[0]) {
          case "SPEECH_AND_LANGUAGE" -> salt = id;
          case "OCCUPATIONAL_THERAPY" -> ot = id;
          case "CAMHS" -> camhs = id;
          case "SENSORY_SUPPORT" -> sensory = id;
          default -> { }
        }
      }
      byReason[0] = salt;
      byReason[1] = shared.getFirst();
      byReason[2] = ot;
      byReason[3] = camhs;
      byReason[4] = sensory;
      referrals(schoolId, byReason, random, today);
    }
  }

  private void referrals(long schoolId, long[] byReason, Random random, LocalDate today) {
    List<Map<String, Object>> pupils = jdbc.sql("""
            select p.id, c.id as contact_id, c.name, c.relationship, c.email
            from pupil p join register_entry re on re.pupil_id = p.id
            join pupil_contact c on c.pupil_id = p.id and c.parental_responsibility
            where p.school_id = ? and re.status in ('K', 'E') and p.leaving_date is null
              and c.contact_order = (select min(c2.contact_order) from pupil_contact c2
                                     where c2.pupil_id = p.id and c2.parental_responsibility)
            order by p.id""")
        .param(schoolId).query().listOfRows().stream()
        .collect(java.util.stream.Collectors.toMap(r -> ((Number) r.get("id")).longValue(), r -> r, (a, b) -> a,
            java.util.LinkedHashMap::new))
        .values().stream().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    java.util.Collections.shuffle(pupils, random);
    int count = Math.min(8, pupils.size());
    ReferralStatus[] stages = {ReferralStatus.ADVICE_RECEIVED, ReferralStatus.SENT, ReferralStatus.ACCEPTED,
        ReferralStatus.ASSESSMENT_BOOKED, ReferralStatus.ADVICE_RECEIVED, ReferralStatus.DRAFT, ReferralStatus.SENT,
        ReferralStatus.CLOSED};
    for (int i = 0; i < count; i++) {
      Map<String, Object> pupil = pupils.get(i);
      long pupilId = ((Number) pupil.get("id")).longValue();
      int kind = i % REASONS.length;
      ReferralStatus target = stages[i % stages.length];
      // The first "sent" referral has waited ten weeks without an answer: overdue.
      int weeksAgo = target == ReferralStatus.SENT ? (i == 1 ? 10 : 3) : 8 + random.nextInt(16);
      LocalDate written = today.minusWeeks(weeksAgo).minusDays(3);
      LocalDate sent = today.minusWeeks(weeksAgo);
      String parent = (String) pupil.get("name");
      boolean consent = target != ReferralStatus.DRAFT;
      List<Object[]> history = new ArrayList<>();
      history.add(new Object[] {ReferralStatus.DRAFT, written, "Referral written"});
      LocalDate statusOn = written;
      if (target != ReferralStatus.DRAFT) {
        history.add(new Object[] {ReferralStatus.SENT, sent, null});
        statusOn = sent;
      }
      List<ReferralStatus> after = switch (target) {
        case ACCEPTED -> List.of(ReferralStatus.ACCEPTED);
        case ASSESSMENT_BOOKED -> List.of(ReferralStatus.ACCEPTED, ReferralStatus.ASSESSMENT_BOOKED);
        case ADVICE_RECEIVED -> List.of(ReferralStatus.ACCEPTED, ReferralStatus.ASSESSMENT_BOOKED,
            ReferralStatus.ADVICE_RECEIVED);
        case CLOSED -> List.of(ReferralStatus.DECLINED, ReferralStatus.CLOSED);
        default -> List.of();
      };
      for (ReferralStatus s : after) {
        statusOn = statusOn.plusWeeks(2);
        String note = switch (s) {
          case ASSESSMENT_BOOKED -> "Assessment in school booked";
          case DECLINED -> "Does not meet the service's criteria; advice given by telephone";
          default -> null;
        };
        history.add(new Object[] {s, statusOn, note});
      }
      jdbc.sql("""
              insert into referral (school_id, pupil_id, agency_id, reason, questions, status, status_on, sent_on,
                created_by_name, consent_contact_id, consent_given_by, consent_relationship, consent_on, consent_how,
                consent_scope, consent_recorded_by_name, parent_copy_sent_at, parent_copy_recipients, version)
              values (?, ?, ?, ?, ?, ?, ?, ?, 'The SENCO', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
          .params(schoolId, pupilId, byReason[kind], REASONS[kind], QUESTIONS[kind], target.name(), statusOn,
              consent ? sent : null,
              consent ? pupil.get("contact_id") : null, consent ? parent : null,
              consent ? pupil.get("relationship") : null, consent ? written : null,
              consent ? (i % 3 == 0 ? "VERBAL" : "IN_WRITING") : null,
              consent ? "ASSESSMENT,OBSERVATION,SHARE_INFORMATION,SHARE_REPORT" : null,
              consent ? "The SENCO" : null,
              consent && pupil.get("email") != null ? sent.atTime(16, 0).atOffset(ZoneOffset.UTC) : null,
              consent ? parent + (pupil.get("email") == null ? ": no email address, post the copy"
                  : " <" + pupil.get("email") + ">: emailed") : null)
          .update();
      long id = jdbc.sql("select max(id) from referral where pupil_id = ?").param(pupilId).query(Long.class).single();
      if (consent && pupil.get("email") == null) {
        // A parent without an email address is owed the copy by post, as the outbox keeps it for a real referral.
        jdbc.sql("""
                insert into referral_letter (referral_id, school_id, pupil_id, contact_id, parent_name, relationship,
                  created_at) values (?, ?, ?, ?, ?, ?, ?)""")
            .params(id, schoolId, pupilId, pupil.get("contact_id"), parent, pupil.get("relationship"),
                sent.atTime(16, 0).atOffset(ZoneOffset.UTC))
            .update();
      }
      for (Object[] h : history) {
        jdbc.sql("""
                insert into referral_status_change (referral_id, status, changed_on, changed_by_name, note,
                  recorded_at) values (?, ?, ?, 'The SENCO', ?, ?)""")
            .params(id, ((ReferralStatus) h[0]).name(), h[1], h[2],
                ((LocalDate) h[1]).atTime(15, 30).atOffset(ZoneOffset.UTC))
            .update();
      }
      if (target == ReferralStatus.ADVICE_RECEIVED) {
        jdbc.sql("""
                insert into referral_report (referral_id, school_id, pupil_id, received_on, advice_summary,
                  uploaded_by_name, uploaded_at) values (?, ?, ?, ?, ?, 'The SENCO', ?)""")
            .params(id, schoolId, pupilId, statusOn, ADVICE[kind],
                OffsetDateTime.of(statusOn.atTime(15, 30), ZoneOffset.UTC))
            .update();
      }
    }
  }

  private long agency(long trustId, Long schoolId, String type, String service, String name, String role,
      String email, String phone, String notes) {
    jdbc.sql("""
            insert into agency (trust_id, school_id, service_type, service_name, professional_name, professional_role,
              email, phone, notes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(trustId, schoolId, type, service, name, role, email, phone, notes)
        .update();
    return jdbc.sql("select max(id) from agency").query(Long.class).single();
  }
}
