package org.senda.organisation.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.access.Accounts;
import org.senda.access.Role;
import org.senda.access.Totp;
import org.senda.demo.DemoAccount;
import org.senda.demo.DemoContributor;
import org.senda.demo.DemoTrust;
import org.senda.organisation.Phase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organisation part of the demo trust: "Demo Learning Trust" with a primary that hosts a speech and language
 * unit, a secondary with a sixth form and a second primary; at larger sizes, as many generated schools as asked
 * for. Calendars from {@link EnglishSchoolYear} for three past years, the current one and the next; year groups,
 * classes; staff in every role with sign-in accounts. Written with batch inserts so that a 200-school trust takes
 * seconds.
 *
 * <p>One account per role per school (and the trust SEND lead) is published in demo-accounts.json with its
 * password, TOTP secret and API token. Everyone else gets an account enrolled in MFA with a secret nobody is told.
 */
@Component
class OrganisationDemoData implements DemoContributor {

  static final String TRUST_NAME = "Demo Learning Trust";
  private static final String TRUST_DOMAIN = "demo-learning-trust.example";

  /** A local authority and its DfE code (the first three digits of a school's DfE number). */
  private record LocalAuthority(String name, int code) {}

  private static final List<LocalAuthority> AUTHORITIES = List.of(
      new LocalAuthority("Leicestershire", 855), new LocalAuthority("Leicester", 856),
      new LocalAuthority("Nottinghamshire", 891), new LocalAuthority("Nottingham", 892),
      new LocalAuthority("Derbyshire", 830), new LocalAuthority("Derby", 831),
      new LocalAuthority("Lincolnshire", 925), new LocalAuthority("Rutland", 857));

  private record SchoolPlan(String name, String domain, Phase phase, LocalAuthority authority, boolean nursery,
      boolean sixthForm, int forms) {}

  private record PersonPlan(long schoolId, String school, Role role, String given, String family, String email,
      String jobTitle, List<String> classNames) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Accounts accounts;

  OrganisationDemoData(JdbcClient jdbc, JdbcTemplate batch, Accounts accounts) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.accounts = accounts;
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public boolean hasData() {
    return jdbc.sql("select count(*) from trust").query(Long.class).single() > 0;
  }

  @Override
  public void contribute(DemoTrust trust) {
    DemoNames names = new DemoNames(trust.random("organisation"));
    long trustId = new GeneratedKey(jdbc).insert(
        "insert into trust (name, companies_house_number) values (?, ?)", TRUST_NAME, "09876543");

    List<SchoolPlan> plans = planSchools(trust.size().schools(), names);
    Map<String, Long> schoolIds = insertSchools(trustId, plans, names);
    List<Long> ids = plans.stream().map(p -> schoolIds.get(p.name())).toList();

    int current = EnglishSchoolYear.startYearOf(trust.today());
    insertCalendars(ids, List.of(current - 3, current - 2, current - 1, current, current + 1));
    Map<Long, Map<Integer, Long>> yearGroups = insertYearGroups(ids, plans);
    Map<Long, List<String>> classNames = insertClasses(ids, plans, yearGroups);

    List<PersonPlan> people = new ArrayList<>();
    Set<String> emails = new HashSet<>();
    people.add(person(names, emails, 0, "", TRUST_DOMAIN, Role.TRUST_SEND_LEAD, "Trust SEND and inclusion lead",
        List.of()));
    for (int i = 0; i < plans.size(); i++) {
      people.addAll(staffOf(ids.get(i), plans.get(i), classNames.get(ids.get(i)), names, emails));
    }
    Map<String, Long> staffIds = insertStaff(trustId, ids, people);
    createAccounts(trust, people, staffIds, names);

    trust.put("demo.trustId", trustId);
    trust.put("demo.schoolIds", ids);
    // Oakfield hosts the trust's speech and language unit: pupils on another school's roll attend part-time.
    trust.put("demo.unitHostSchoolId", ids.getFirst());
    trust.put("demo.largestSchoolId", ids.get(1));
  }

  private List<SchoolPlan> planSchools(int count, DemoNames names) {
    LocalAuthority home = AUTHORITIES.getFirst();
    boolean large = count > 3;
    List<SchoolPlan> plans = new ArrayList<>();
    plans.add(new SchoolPlan("Oakfield Primary School", "oakfield-primary.example", Phase.PRIMARY, home, true,
        false, 2));
    // The largest school of a generated trust: about 2,000 pupils once pupils are added.
    plans.add(new SchoolPlan("Riverside Academy", "riverside-academy.example", Phase.SECONDARY, home, false, true,
        large ? 12 : 6));
    plans.add(new SchoolPlan("Hawthorn Primary School", "hawthorn-primary.example", Phase.PRIMARY, home, false,
        false, 1));
    for (int i = 3; i < count; i++) {
      String place = names.place(i - 3);
      LocalAuthority authority = AUTHORITIES.get((i / 5) % AUTHORITIES.size());
      String slug = place.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
      if (i % 4 == 1) {
        String suffix = names.pick(List.of("Academy", "High School", "School", "College"));
        plans.add(new SchoolPlan(place + " " + suffix, slug + "-secondary.example", Phase.SECONDARY, authority,
            false, names.random().nextInt(3) > 0, names.between(5, 9)));
      } else {
        String suffix = names.pick(List.of("Primary School", "Primary Academy", "Church of England Primary School",
            "Community Primary School", "Junior and Infant School"));
        int roll = names.random().nextInt(20);
        plans.add(new SchoolPlan(place + " " + suffix, slug + "-primary.example", Phase.PRIMARY, authority,
            names.random().nextBoolean(), false, roll < 8 ? 1 : roll < 17 ? 2 : 3));
      }
    }
    return plans;
  }

  private Map<String, Long> insertSchools(long trustId, List<SchoolPlan> plans, DemoNames names) {
    Set<String> urns = new HashSet<>();
    Set<String> dfeNumbers = new HashSet<>();
    List<Object[]> rows = new ArrayList<>();
    for (SchoolPlan plan : plans) {
      String urn;
      do {
        urn = String.valueOf(names.between(136000, 149999));
      } while (!urns.add(urn));
      String dfe;
      int band = plan.phase() == Phase.SECONDARY ? 4000 : 2000;
      do {
        dfe = plan.authority().code() + "/" + (band + names.random().nextInt(1000));
      } while (!dfeNumbers.add(dfe));
      rows.add(new Object[] {trustId, plan.name(), urn, dfe, plan.phase().name(), plan.authority().name()});
    }
    batch.batchUpdate(
        "insert into school (trust_id, name, urn, dfe_number, phase, local_authority) values (?, ?, ?, ?, ?, ?)",
        rows);
    Map<String, Long> ids = new HashMap<>();
    jdbc.sql("select id, name from school where trust_id = ?").param(trustId)
        .query(rs -> {
          ids.put(rs.getString("name"), rs.getLong("id"));
        });
    return ids;
  }

  private void insertCalendars(List<Long> schoolIds, List<Integer> startYears) {
    List<Object[]> years = new ArrayList<>();
    for (long schoolId : schoolIds) {
      for (int startYear : startYears) {
        EnglishSchoolYear year = EnglishSchoolYear.starting(startYear);
        years.add(new Object[] {schoolId, year.label(), year.startsOn(), year.endsOn()});
      }
    }
    batch.batchUpdate("insert into academic_year (school_id, label, starts_on, ends_on) values (?, ?, ?, ?)", years);
    List<Object[]> terms = new ArrayList<>();
    List<Object[]> holidays = new ArrayList<>();
    jdbc.sql("select id, school_id, label from academic_year where school_id in (:ids)")
        .param("ids", schoolIds)
        .query(rs -> {
          EnglishSchoolYear year = EnglishSchoolYear.starting(EnglishSchoolYear.startYearOf(rs.getString("label")));
          for (EnglishSchoolYear.Period term : year.terms()) {
            terms.add(new Object[] {rs.getLong("id"), rs.getLong("school_id"), term.name(), term.startsOn(),
                term.endsOn()});
          }
          for (EnglishSchoolYear.Period holiday : year.holidays()) {
            holidays.add(new Object[] {rs.getLong("id"), rs.getLong("school_id"), holiday.name(), holiday.startsOn(),
                holiday.endsOn()});
          }
        });
    batch.batchUpdate(
        "insert into term (academic_year_id, school_id, name, starts_on, ends_on) values (?, ?, ?, ?, ?)", terms);
    batch.batchUpdate(
        "insert into school_holiday (academic_year_id, school_id, name, starts_on, ends_on) values (?, ?, ?, ?, ?)",
        holidays);
  }

  /** Year group ids by school and National Curriculum year (the ordinal). */
  private Map<Long, Map<Integer, Long>> insertYearGroups(List<Long> schoolIds, List<SchoolPlan> plans) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      SchoolPlan plan = plans.get(i);
      for (DefaultYearGroups.Year year : DefaultYearGroups.of(plan.phase(), plan.nursery(), plan.sixthForm())) {
        rows.add(new Object[] {schoolIds.get(i), year.code(), year.name(), year.ordinal()});
      }
    }
    batch.batchUpdate("insert into year_group (school_id, code, name, ordinal) values (?, ?, ?, ?)", rows);
    Map<Long, Map<Integer, Long>> ids = new HashMap<>();
    jdbc.sql("select id, school_id, ordinal from year_group where school_id in (:ids)")
        .param("ids", schoolIds)
        .query(rs -> {
          ids.computeIfAbsent(rs.getLong("school_id"), k -> new HashMap<>()).put(rs.getInt("ordinal"), rs.getLong("id"));
        });
    return ids;
  }

  /** Primary classes are named for the year and a tree ("Year 3 Oak"); secondary forms by year and letter ("7A"). */
  private Map<Long, List<String>> insertClasses(List<Long> schoolIds, List<SchoolPlan> plans,
      Map<Long, Map<Integer, Long>> yearGroups) {
    List<Object[]> rows = new ArrayList<>();
    Map<Long, List<String>> names = new LinkedHashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      SchoolPlan plan = plans.get(i);
      long schoolId = schoolIds.get(i);
      List<String> classNames = new ArrayList<>();
      for (DefaultYearGroups.Year year : DefaultYearGroups.of(plan.phase(), plan.nursery(), plan.sixthForm())) {
        boolean primary = year.ordinal() <= 6;
        int forms = year.ordinal() < 0 ? 1 : year.ordinal() >= 12 ? Math.max(2, plan.forms() / 2) : plan.forms();
        for (int form = 0; form < forms; form++) {
          String name = primary
              ? year.name() + " " + DemoNames.TREES.get(form % DemoNames.TREES.size())
              : year.ordinal() + String.valueOf((char) ('A' + form));
          classNames.add(name);
          rows.add(new Object[] {schoolId, yearGroups.get(schoolId).get(year.ordinal()), name});
        }
      }
      names.put(schoolId, classNames);
    }
    batch.batchUpdate("insert into school_class (school_id, year_group_id, name) values (?, ?, ?)", rows);
    return names;
  }

  private List<PersonPlan> staffOf(long schoolId, SchoolPlan school, List<String> classes, DemoNames names,
      Set<String> emails) {
    boolean secondary = school.phase() == Phase.SECONDARY;
    List<PersonPlan> people = new ArrayList<>();
    people.add(person(names, emails, schoolId, school.name(), school.domain(), Role.HEADTEACHER, "Headteacher",
        List.of()));
    people.add(person(names, emails, schoolId, school.name(), school.domain(), Role.SENCO,
        "Special educational needs co-ordinator (SENCO)", List.of()));
    int teachers = secondary ? classes.size() + 4 : classes.size();
    List<String> subjects = List.of("English", "Mathematics", "Science", "History", "Geography", "Art and design",
        "Computing", "Modern foreign languages", "Music", "Physical education", "Religious education", "Design and technology");
    for (int t = 0; t < teachers; t++) {
      List<String> taught = new ArrayList<>();
      if (t < classes.size()) {
        taught.add(classes.get(t));
      }
      if (secondary) {
        while (taught.size() < (t < classes.size() ? 3 : 4)) {
          String other = names.pick(classes);
          if (!taught.contains(other)) {
            taught.add(other);
          }
        }
      }
      String title = secondary ? "Teacher of " + subjects.get(t % subjects.size()) : "Class teacher";
      people.add(person(names, emails, schoolId, school.name(), school.domain(), Role.TEACHER, title, taught));
    }
    int assistants = secondary ? classes.size() / 2 + 2 : (classes.size() + 1) / 2 + 1;
    for (int a = 0; a < assistants; a++) {
      List<String> supported = new ArrayList<>();
      if (secondary) {
        while (supported.size() < 4) {
          String other = names.pick(classes);
          if (!supported.contains(other)) {
            supported.add(other);
          }
        }
      } else {
        supported.add(classes.get((2 * a) % classes.size()));
        String second = classes.get((2 * a + 1) % classes.size());
        if (!supported.contains(second)) {
          supported.add(second);
        }
      }
      String title = a == 0 ? "Higher level teaching assistant" : "Teaching assistant";
      people.add(person(names, emails, schoolId, school.name(), school.domain(), Role.TEACHING_ASSISTANT, title,
          supported));
    }
    people.add(person(names, emails, schoolId, school.name(), school.domain(), Role.DSL,
        "Deputy headteacher and designated safeguarding lead", List.of()));
    people.add(person(names, emails, schoolId, school.name(), school.domain(), Role.SCHOOL_ADMIN,
        "School business manager", List.of()));
    people.add(person(names, emails, schoolId, school.name(), school.domain(), Role.GOVERNOR, "SEND governor",
        List.of()));
    people.add(person(names, emails, schoolId, school.name(), school.domain(), Role.GOVERNOR, "Chair of governors",
        List.of()));
    return people;
  }

  private static PersonPlan person(DemoNames names, Set<String> emails, long schoolId, String school, String domain,
      Role role, String jobTitle, List<String> classes) {
    String given = names.given();
    String family = names.family();
    String local = (given + "." + family).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
    String email = local + "@" + domain;
    for (int n = 2; !emails.add(email); n++) {
      email = local + n + "@" + domain;
    }
    return new PersonPlan(schoolId, school, role, given, family, email, jobTitle, classes);
  }

  private Map<String, Long> insertStaff(long trustId, List<Long> schoolIds, List<PersonPlan> people) {
    List<Object[]> rows = people.stream()
        .map(p -> new Object[] {trustId, p.email(), p.given(), p.family(), p.jobTitle()})
        .toList();
    batch.batchUpdate("insert into staff (trust_id, email, given_name, family_name, job_title) values (?, ?, ?, ?, ?)",
        rows);
    Map<String, Long> ids = new HashMap<>();
    jdbc.sql("select id, email from staff where trust_id = ?").param(trustId)
        .query(rs -> {
          ids.put(rs.getString("email"), rs.getLong("id"));
        });
    Map<String, Long> classIds = new HashMap<>();
    jdbc.sql("select id, school_id, name from school_class where school_id in (:ids)")
        .param("ids", schoolIds)
        .query(rs -> {
          classIds.put(rs.getLong("school_id") + "/" + rs.getString("name"), rs.getLong("id"));
        });
    List<Object[]> roles = new ArrayList<>();
    List<Object[]> classStaff = new ArrayList<>();
    for (PersonPlan person : people) {
      long staffId = ids.get(person.email());
      roles.add(new Object[] {staffId, person.role().trustWide() ? null : person.schoolId(), person.role().name()});
      for (String className : person.classNames()) {
        classStaff.add(new Object[] {classIds.get(person.schoolId() + "/" + className), staffId});
      }
    }
    batch.batchUpdate("insert into staff_role (staff_id, school_id, role) values (?, ?, ?)", roles);
    batch.batchUpdate("insert into class_staff (class_id, staff_id) values (?, ?)", classStaff);
    return ids;
  }

  /** The first person in each role of each school (and the trust lead) is published; the rest sign in later. */
  private void createAccounts(DemoTrust trust, List<PersonPlan> people, Map<String, Long> staffIds,
      DemoNames names) {
    Set<String> published = new HashSet<>();
    Map<Long, String> others = new LinkedHashMap<>();
    for (PersonPlan person : people) {
      long staffId = staffIds.get(person.email());
      @Nullable Long schoolId = person.role().trustWide() ? null : person.schoolId();
      if (!published.add(person.role() + "/" + schoolId)) {
        others.put(staffId, person.email());
        continue;
      }
      String password = names.password();
      long accountId = accounts.createForStaff(staffId, person.email(), password);
      String secret = Totp.newSecret();
      accounts.enrolTotp(accountId, secret);
      String token = accounts.issueApiToken(accountId, "Demo", Duration.ofDays(365));
      trust.addAccount(new DemoAccount(person.role().name(), schoolId, schoolId == null ? null : person.school(),
          Accounts.normalise(person.email()), password, secret, token));
    }
    if (!others.isEmpty()) {
      accounts.createForStaffInBulk(others, names.password() + names.password());
    }
  }

  /** Inserts one row and returns its generated id. */
  private record GeneratedKey(JdbcClient jdbc) {
    long insert(String sql, Object... params) {
      var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
      jdbc.sql(sql).params(params).update(keys, "id");
      return keys.getKey().longValue();
    }
  }
}
