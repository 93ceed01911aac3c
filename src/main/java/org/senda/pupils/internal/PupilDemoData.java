package org.senda.pupils.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.senda.access.Role;
import org.senda.demo.DemoContributor;
import org.senda.demo.DemoTrust;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolClass;
import org.senda.organisation.SchoolSummary;
import org.senda.organisation.StaffSummary;
import org.senda.organisation.YearGroup;
import org.senda.pupils.PostalAddress;
import org.senda.pupils.UpnCheck;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo trust's pupils: the trust's pupil count spread over its schools by number of classes, each class filled
 * with pupils whose dates of birth match the year group this academic year, valid UPNs, parents and carers, context
 * flags in national proportions (EAL about 20%, pupil premium about 25%, free school meals about 24%, looked after
 * under 1%) and teaching assistants assigned to pupils. Written with batch statements, so that a benchmark trust of
 * 100,000 pupils takes seconds; the same seed gives the same pupils.
 */
@Component
class PupilDemoData implements DemoContributor {

  private static final int BATCH = 1000;
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PupilDemoData.class);

  /** A town and postcode district of each demo local authority, where the school's families live. */
  private static final Map<String, String[]> TOWNS = Map.of(
      "Leicestershire", new String[] {"Loughborough", "LE11"}, "Leicester", new String[] {"Leicester", "LE2"},
      "Nottinghamshire", new String[] {"Mansfield", "NG18"}, "Nottingham", new String[] {"Nottingham", "NG7"},
      "Derbyshire", new String[] {"Chesterfield", "S40"}, "Derby", new String[] {"Derby", "DE22"},
      "Lincolnshire", new String[] {"Lincoln", "LN6"}, "Rutland", new String[] {"Oakham", "LE15"});

  private static final List<String> STREETS = List.of("Ash", "Beech", "Castle", "Church", "Elm", "Grange", "Hawthorn",
      "Meadow", "Mill", "Orchard", "Park", "Queen's", "School", "Station", "Victoria", "Willow");

  private static final List<String> STREET_KINDS = List.of("Road", "Street", "Close", "Avenue", "Lane", "Way");

  private final Organisation organisation;
  private final JdbcTemplate jdbc;

  PupilDemoData(Organisation organisation, JdbcTemplate jdbc) {
    this.organisation = organisation;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public boolean hasData() {
    Integer count = jdbc.queryForObject("select count(*) from pupil", Integer.class);
    return count != null && count > 0;
  }

  private record SchoolPlan(SchoolSummary school, List<YearGroup> years, List<SchoolClass> classes,
      List<StaffSummary> staff) {}

  @Override
  public void contribute(DemoTrust trust) {
    long started = System.nanoTime();
    List<Long> schoolIds = trust.get("demo.schoolIds");
    Random random = trust.random("pupils");
    LocalDate today = trust.today();
    List<SchoolPlan> plans = new ArrayList<>();
    int totalClasses = 0;
    for (long schoolId : schoolIds) {
      SchoolSummary school = organisation.school(schoolId).orElseThrow();
      SchoolPlan plan = new SchoolPlan(school, organisation.yearGroups(schoolId), organisation.classes(schoolId),
          organisation.staffOf(schoolId));
      plans.add(plan);
      totalClasses += Math.max(1, plan.classes().size());
    }
    int remaining = trust.size().pupils();
    Map<Long, List<Long>> pupilIds = new HashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      SchoolPlan plan = plans.get(i);
      int share = i == plans.size() - 1
          ? remaining
          : (int) Math.round((double) trust.size().pupils() * Math.max(1, plan.classes().size()) / totalClasses);
      share = Math.min(share, remaining);
      remaining -= share;
      pupilIds.put(plan.school().id(), seedSchool(plan, share, random, today));
      trust.put("demo.pupilIds." + plan.school().id(), pupilIds.get(plan.school().id()));
    }
    trust.put("demo.pupilIds", pupilIds);
    log.info("Demo pupils: {} pupils in {} schools in {} ms", trust.size().pupils(), plans.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private List<Long> seedSchool(SchoolPlan plan, int count, Random random, LocalDate today) {
    long schoolId = plan.school().id();
    if (count == 0 || plan.years().isEmpty()) {
      return List.of();
    }
    int[] laAndEstablishment = laAndEstablishment(plan.school(), random);
    Map<Integer, Integer> serials = new HashMap<>();
    List<Object[]> pupils = new ArrayList<>(count);
    List<String> upns = new ArrayList<>(count);
    List<boolean[]> flagsOf = new ArrayList<>(count);
    List<String[]> namesOf = new ArrayList<>(count);
    int firstOffset = plan.years().stream()
        .mapToInt(y -> YearGroupAges.offset(y.code()).orElse(y.ordinal()))
        .min()
        .orElse(0);
    LocalDate academicYear = YearGroupAges.academicYearStart(today);
    for (int n = 0; n < count; n++) {
      YearGroup year;
      @Nullable Long classId;
      if (plan.classes().isEmpty()) {
        year = plan.years().get(n % plan.years().size());
        classId = null;
      } else {
        SchoolClass schoolClass = plan.classes().get(n % plan.classes().size());
        classId = schoolClass.id();
        year = plan.years().stream().filter(y -> y.id() == schoolClass.yearGroupId()).findFirst()
            .orElse(plan.years().getFirst());
      }
      int offset = YearGroupAges.offset(year.code()).orElse(year.ordinal());
      LocalDate from = YearGroupAges.bornFrom(offset, today);
      LocalDate born = from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, from.plusYears(1))));
      int yearsInSchool = Math.max(0, offset - firstOffset);
      LocalDate admitted = academicYear.minusYears(yearsInSchool).plusDays(random.nextInt(10) < 9 ? 3 : 40
          + random.nextInt(200));
      if (admitted.isAfter(today)) {
        admitted = academicYear.plusDays(3);
      }
      int allocationYear = admitted.getYear() + serialOverflow(serials, admitted.getYear());
      int serial = serials.merge(allocationYear, 1, Integer::sum) - 1;
      String upn = UpnCheck.generate(laAndEstablishment[0], laAndEstablishment[1], allocationYear, serial % 1000);
      boolean female = random.nextBoolean();
      Names.Person person = Names.person(random, female);
      boolean eal = random.nextDouble() < person.ealLikelihood();
      boolean fsm = random.nextDouble() < 0.24;
      boolean pupilPremium = fsm || random.nextDouble() < 0.02;
      boolean lookedAfter = random.nextDouble() < 0.007;
      pupilPremium |= lookedAfter;
      boolean medical = random.nextDouble() < 0.08;
      boolean youngCarer = random.nextDouble() < 0.02;
      boolean serviceChild = random.nextDouble() < 0.015;
      String shortForm = Names.shortForm(person.forename());
      String preferred = !shortForm.equals(person.forename()) && random.nextDouble() < 0.5 ? shortForm : null;
      pupils.add(new Object[] {
        schoolId, upn, person.forename(), person.surname(), preferred, born, female ? "F" : "M", year.id(), classId,
        admitted, eal, pupilPremium, fsm, lookedAfter,
        lookedAfter ? "Virtual School Head, " + plan.school().localAuthority() + " (virtual.school@example.org)" : null,
        medical, youngCarer, serviceChild
      });
      upns.add(upn);
      flagsOf.add(new boolean[] {eal, lookedAfter});
      namesOf.add(new String[] {person.surname(), person.language()});
    }
    batch("""
        insert into pupil (school_id, upn, legal_forename, legal_surname, preferred_forename, date_of_birth, sex,
          year_group_id, class_id, admission_date, eal, pupil_premium, free_school_meals, looked_after,
          virtual_school_contact, medical_condition, young_carer, service_child)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", pupils);
    Map<String, Long> idByUpn = new HashMap<>();
    jdbc.query("select id, upn from pupil where school_id = ?",
        rs -> {
          idByUpn.put(rs.getString("upn"), rs.getLong("id"));
        },
        schoolId);
    List<Long> ids = new ArrayList<>(count);
    List<Object[]> contacts = new ArrayList<>(count * 2);
    for (int n = 0; n < count; n++) {
      long pupilId = idByUpn.get(upns.get(n));
      ids.add(pupilId);
      addContacts(contacts, pupilId, plan.school(), namesOf.get(n)[0], namesOf.get(n)[1], flagsOf.get(n)[0],
          flagsOf.get(n)[1], random);
    }
    batch("""
        insert into pupil_contact (pupil_id, school_id, name, relationship, parental_responsibility, phone, email,
          preferred_language, contact_order, address_line_1, address_line_2, town, postcode)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", contacts);
    assignTeachingAssistants(plan, ids, random);
    return ids;
  }

  /** Past 999 pupils admitted in one year, the serial continues in the next allocation year. */
  private static int serialOverflow(Map<Integer, Integer> serials, int year) {
    int extra = 0;
    while (serials.getOrDefault(year + extra, 0) >= 1000) {
      extra++;
    }
    return extra;
  }

  private void addContacts(List<Object[]> contacts, long pupilId, SchoolSummary school, String surname,
      String language, boolean eal, boolean lookedAfter, Random random) {
    long schoolId = school.id();
    String preferredLanguage = eal && random.nextDouble() < 0.6 ? language : "English";
    if (lookedAfter) {
      Names.Person carer = Names.person(random, random.nextBoolean());
      contacts.add(contact(pupilId, schoolId, carer.forename() + " " + carer.surname(), "Foster carer", false, 1,
          "English", address(school, random), random));
      contacts.add(contact(pupilId, schoolId, "Social worker, children's services", "Social worker", false, 2,
          "English", null, random));
      return;
    }
    PostalAddress home = address(school, random);
    Names.Person first = Names.person(random, random.nextDouble() < 0.8);
    String firstRelationship = random.nextDouble() < 0.08 ? "Grandparent" : first.female() ? "Mother" : "Father";
    contacts.add(contact(pupilId, schoolId, first.forename() + " " + surname, firstRelationship,
        !"Grandparent".equals(firstRelationship), 1, preferredLanguage, home, random));
    if (random.nextDouble() < 0.7) {
      Names.Person second = Names.person(random, !first.female());
      String secondSurname = random.nextDouble() < 0.2 ? second.surname() : surname;
      // Most second parents share the home; some live elsewhere and get their own letters there.
      contacts.add(contact(pupilId, schoolId, second.forename() + " " + secondSurname,
          second.female() ? "Mother" : "Father", true, 2, preferredLanguage,
          random.nextDouble() < 0.8 ? home : address(school, random), random));
    }
  }

  private static Object[] contact(long pupilId, long schoolId, String name, String relationship,
      boolean parentalResponsibility, int order, String language, @Nullable PostalAddress address, Random random) {
    String phone = String.format("07700 9%05d", random.nextInt(100000));
    String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + random.nextInt(100)
        + "@example.com";
    return new Object[] {pupilId, schoolId, name, relationship, parentalResponsibility, phone, email, language, order,
      address == null ? null : address.line1(), address == null ? null : address.line2(),
      address == null ? null : address.town(), address == null ? null : address.postcode()};
  }

  private static PostalAddress address(SchoolSummary school, Random random) {
    String[] town = TOWNS.getOrDefault(school.localAuthority(), new String[] {"Leicester", "LE1"});
    String street = (1 + random.nextInt(180)) + " " + STREETS.get(random.nextInt(STREETS.size())) + " "
        + STREET_KINDS.get(random.nextInt(STREET_KINDS.size()));
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    String unit = String.valueOf(1 + random.nextInt(9)) + letters.charAt(random.nextInt(letters.length()))
        + letters.charAt(random.nextInt(letters.length()));
    return new PostalAddress(street, null, town[0], town[1] + " " + unit);
  }

  /** Each teaching assistant supports a handful of pupils by name, preferring the classes they work in. */
  private void assignTeachingAssistants(SchoolPlan plan, List<Long> ids, Random random) {
    List<StaffSummary> assistants = plan.staff().stream()
        .filter(s -> s.roles().contains(Role.TEACHING_ASSISTANT))
        .toList();
    if (assistants.isEmpty() || ids.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    for (StaffSummary assistant : assistants) {
      int wanted = Math.min(ids.size(), 4 + random.nextInt(5));
      java.util.Set<Long> mine = new java.util.HashSet<>();
      for (int attempt = 0; mine.size() < wanted && attempt < wanted * 4; attempt++) {
        long pupilId = ids.get(random.nextInt(ids.size()));
        if (mine.add(pupilId)) {
          rows.add(new Object[] {pupilId, assistant.id(), plan.school().id()});
        }
      }
    }
    batch("insert into pupil_support_staff (pupil_id, staff_id, school_id) values (?, ?, ?)", rows);
  }

  /** LA code and establishment number from the school's DfE number (e.g. "881/2001" or "8812001"). */
  private static int[] laAndEstablishment(SchoolSummary school, Random random) {
    String digits = school.dfeNumber().replaceAll("\\D", "");
    if (digits.length() == 7) {
      return new int[] {Integer.parseInt(digits.substring(0, 3)), Integer.parseInt(digits.substring(3))};
    }
    return new int[] {800 + random.nextInt(100), 2000 + random.nextInt(1000)};
  }

  private void batch(String sql, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
    }
  }
}
