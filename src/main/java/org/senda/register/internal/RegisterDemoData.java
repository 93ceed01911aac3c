package org.senda.register.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.senda.access.Role;
import org.senda.demo.DemoContributor;
import org.senda.demo.DemoTrust;
import org.senda.organisation.Organisation;
import org.senda.organisation.Phase;
import org.senda.organisation.SchoolSummary;
import org.senda.organisation.StaffSummary;
import org.senda.register.SendStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo trust's register, in national proportions (reference facts section 4): SEN in 18.2% of primary and 16.5%
 * of secondary pupils (January 2025), 27.3% of them with an EHC plan, so about 14% SEN support and 5% EHC plans
 * overall. Primary needs follow the January 2025 shares (SLCN 25.7% of SEN support, ASD 33.6% of EHC plans; the
 * others are the reference's approximation), with SLCN commoner in primary schools and SpLD and SEMH in secondary.
 * Histories cover three years: pupils moving onto SEN support, SEN support becoming an EHC plan, pupils leaving the
 * register at a review and being monitored. Pupils of other primary schools with speech and language needs attend
 * the unit hosted by {@code demo.unitHostSchoolId}. Written with batch statements, so it scales to large trusts.
 */
@Component
class RegisterDemoData implements DemoContributor {

  private static final Map<String, Double> SEN_SUPPORT_NEEDS = weights(
      "SLCN", 25.7, "SEMH", 21, "MLD", 16, "SPLD", 14, "ASD", 8, "PD", 3, "OTH", 3, "NSA", 3, "HI", 2, "SLD", 1.5,
      "VI", 1, "PMLD", 0.5, "MSI", 0.3);
  private static final Map<String, Double> EHC_PLAN_NEEDS = weights(
      "ASD", 33.6, "SLCN", 20, "SEMH", 18, "MLD", 8.5, "SLD", 7.5, "PD", 3.5, "SPLD", 2.5, "PMLD", 2, "HI", 1.2,
      "OTH", 1.2, "VI", 0.8, "MSI", 0.3);

  private final Organisation organisation;
  private final RegisterStore store;
  private final JdbcTemplate jdbc;

  RegisterDemoData(Organisation organisation, RegisterStore store, JdbcTemplate jdbc) {
    this.organisation = organisation;
    this.store = store;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 300;
  }

  @Override
  public boolean hasData() {
    Integer count = jdbc.queryForObject("select count(*) from register_change", Integer.class);
    return count != null && count > 0;
  }

  @Override
  public void contribute(DemoTrust trust) {
    List<Long> schoolIds = trust.get("demo.schoolIds");
    long hostId = trust.get("demo.unitHostSchoolId");
    Random random = trust.random("register");
    LocalDate today = trust.today();
    List<RegisterStore.Change> history = new ArrayList<>();
    List<RegisterStore.Entry> entries = new ArrayList<>();
    List<long[]> unitCandidates = new ArrayList<>();
    Map<Long, String> senco = new LinkedHashMap<>();
    for (long schoolId : schoolIds) {
      SchoolSummary school = organisation.school(schoolId).orElseThrow();
      String changedBy = organisation.staffOf(schoolId).stream()
          .filter(s -> s.roles().contains(Role.SENCO)).findFirst().map(StaffSummary::name).orElse("SENCO");
      senco.put(schoolId, changedBy);
      boolean primary = school.phase() == Phase.PRIMARY;
      List<Long> pupils = trust.get("demo.pupilIds." + schoolId);
      jdbc.update("insert into register_setting (school_id, monitoring_months) values (?, ?)", schoolId,
          Monitoring.DEFAULT_MONTHS);
      for (long pupilId : pupils) {
        RegisterStore.Entry entry = pupil(pupilId, schoolId, primary, changedBy, random, today, history);
        if (entry != null) {
          entries.add(entry);
          if (schoolId != hostId && primary && entry.status().onRegister() && "SLCN".equals(entry.primaryNeed())) {
            unitCandidates.add(new long[] {pupilId, schoolId, entry.statusSince().toEpochDay()});
          }
        }
      }
    }
    store.recordAll(history, entries);
    // For later contributors (support plans, causes for concern): each school's pupils on SEN support, with the date
    // support began and the need and reason recorded that day, which the decision to start it gave.
    // The change that began the current spell of SEN support: a pupil may have been on it before.
    Map<String, RegisterStore.Change> began = new HashMap<>();
    history.stream().filter(c -> c.status() == SendStatus.K)
        .forEach(c -> began.put(c.pupilId() + "/" + c.effectiveDate(), c));
    for (long schoolId : schoolIds) {
      Map<Long, LocalDate> senSupport = new LinkedHashMap<>();
      Map<Long, String> needs = new HashMap<>();
      Map<Long, String> reasons = new HashMap<>();
      entries.stream().filter(e -> e.schoolId() == schoolId && e.status() == SendStatus.K).forEach(e -> {
        senSupport.put(e.pupilId(), e.statusSince());
        RegisterStore.Change start = Objects.requireNonNull(began.get(e.pupilId() + "/" + e.statusSince()));
        needs.put(e.pupilId(), Objects.requireNonNull(start.primaryNeed()));
        reasons.put(e.pupilId(), start.reason());
      });
      trust.put("demo.senSupportSince." + schoolId, senSupport);
      trust.put("demo.senSupportNeed." + schoolId, needs);
      trust.put("demo.senSupportReason." + schoolId, reasons);
    }
    dualRegistrations(trust, hostId, unitCandidates, random, today);
  }

  private RegisterStore.@Nullable Entry pupil(long pupilId, long schoolId, boolean primary, String by, Random random,
      LocalDate today, List<RegisterStore.Change> history) {
    double draw = random.nextDouble();
    double ehcPlans = primary ? 0.050 : 0.045;
    double senSupport = primary ? 0.132 : 0.120;
    double leftRegister = 0.02;
    if (draw < ehcPlans) {
      String[] needs = needs(EHC_PLAN_NEEDS, primary, random);
      LocalDate onSupport = today.minusDays(400 + random.nextInt(700));
      LocalDate plan = onSupport.plusDays(180 + random.nextInt(200));
      if (plan.isAfter(today.minusDays(14))) {
        plan = today.minusDays(14);
      }
      history.add(change(pupilId, schoolId, SendStatus.K, needs[0], null, onSupport,
          "Added to SEN support after two assess-plan-do-review cycles and a meeting with parents", null, null, by,
          random));
      history.add(change(pupilId, schoolId, SendStatus.E, needs[0], needs[1], plan,
          "Final EHC plan issued by the local authority", null, null, by, random));
      return new RegisterStore.Entry(pupilId, schoolId, SendStatus.E, needs[0], needs[1], plan, null, null, 0, plan);
    }
    if (draw < ehcPlans + senSupport) {
      String[] needs = needs(SEN_SUPPORT_NEEDS, primary, random);
      LocalDate since = today.minusDays(20 + random.nextInt(1070));
      if (random.nextInt(4) == 0 && !"NSA".equals(needs[0])) {
        // Support began as "not yet assessed"; the type of need was recorded after a specialist assessment.
        history.add(change(pupilId, schoolId, SendStatus.K, "NSA", null, since,
            "Added to SEN support after a cause for concern and an early discussion with parents", null, null, by,
            random));
        LocalDate assessed = since.plusDays(60 + random.nextInt(120));
        if (assessed.isAfter(today)) {
          assessed = today;
        }
        history.add(change(pupilId, schoolId, SendStatus.K, needs[0], needs[1], assessed,
            "Type of need recorded after assessment by an external professional", null, null, by, random));
        return new RegisterStore.Entry(pupilId, schoolId, SendStatus.K, needs[0], needs[1], since, null, null, 0,
            assessed);
      }
      history.add(change(pupilId, schoolId, SendStatus.K, needs[0], needs[1], since,
          "Added to SEN support: less than expected progress despite high-quality teaching", null, null, by, random));
      return new RegisterStore.Entry(pupilId, schoolId, SendStatus.K, needs[0], needs[1], since, null, null, 0,
          since);
    }
    if (draw < ehcPlans + senSupport + leftRegister) {
      String[] needs = needs(SEN_SUPPORT_NEEDS, primary, random);
      LocalDate since = today.minusDays(400 + random.nextInt(600));
      LocalDate left = today.minusDays(10 + random.nextInt(360));
      LocalDate until = Monitoring.until(left, Monitoring.DEFAULT_MONTHS);
      history.add(change(pupilId, schoolId, SendStatus.K, needs[0], null, since,
          "Added to SEN support after assessment of reading and spelling", null, null, by, random));
      history.add(change(pupilId, schoolId, SendStatus.N, null, null, left,
          "Outcomes met at the review; progress now in line with peers without additional provision", left, until,
          by, random));
      return new RegisterStore.Entry(pupilId, schoolId, SendStatus.N, null, null, left, left, until, 0, left);
    }
    return null;
  }

  private static RegisterStore.Change change(long pupilId, long schoolId, SendStatus status, @Nullable String primary,
      @Nullable String secondary, LocalDate on, String reason, @Nullable LocalDate review,
      @Nullable LocalDate monitorUntil, String by, Random random) {
    return new RegisterStore.Change(pupilId, schoolId, status, primary, secondary, on, reason, review, monitorUntil,
        null, by, on.atTime(9 + random.nextInt(8), random.nextInt(60)).toInstant(ZoneOffset.UTC));
  }

  /** A primary need and, for about a third of pupils, a different secondary need (never NSA). */
  private static String[] needs(Map<String, Double> shares, boolean primary, Random random) {
    String first = pick(shares, primary, random, null);
    String second = null;
    if (!"NSA".equals(first) && random.nextInt(3) == 0) {
      second = pick(shares, primary, random, first);
    }
    return new String[] {first, second};
  }

  private static String pick(Map<String, Double> shares, boolean primary, Random random, @Nullable String except) {
    Map<String, Double> weighted = new LinkedHashMap<>();
    shares.forEach((code, share) -> {
      if (code.equals(except) || (except != null && code.equals("NSA"))) {
        return;
      }
      // Phase pattern (reference facts 4.2): SLCN commoner in primary; SpLD about twice as common and SEMH
      // higher in secondary.
      double factor = switch (code) {
        case "SLCN" -> primary ? 1.3 : 0.5;
        case "SPLD" -> primary ? 0.7 : 1.4;
        case "SEMH" -> primary ? 0.9 : 1.25;
        default -> 1.0;
      };
      weighted.put(code, share * factor);
    });
    double total = weighted.values().stream().mapToDouble(Double::doubleValue).sum();
    double draw = random.nextDouble() * total;
    for (Map.Entry<String, Double> entry : weighted.entrySet()) {
      draw -= entry.getValue();
      if (draw <= 0) {
        return entry.getKey();
      }
    }
    return weighted.keySet().iterator().next();
  }

  /** Up to ten pupils a unit, admitted at termly panels; one earlier placement has ended. */
  private void dualRegistrations(DemoTrust trust, long hostId, List<long[]> candidates, Random random,
      LocalDate today) {
    if (candidates.isEmpty()) {
      return;
    }
    String host = organisation.school(hostId).orElseThrow().name();
    String unit = host.split(" ")[0] + " SLU";
    int places = Math.min(candidates.size(), Math.max(6, trust.size().pupils() / 2000));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < places; i++) {
      long[] c = candidates.get(i * candidates.size() / places);
      LocalDate since = LocalDate.ofEpochDay(c[2]);
      LocalDate panel = since.plusDays(30 + random.nextInt(60));
      if (panel.isAfter(today.minusDays(20))) {
        panel = today.minusDays(20);
      }
      LocalDate starts = panel.plusDays(14);
      LocalDate ends = i == places - 1 && places > 1 ? today.minusDays(5) : null;
      rows.add(new Object[] {c[0], c[1], hostId, "SPEECH_AND_LANGUAGE_UNIT", unit, Date.valueOf(starts),
          ends == null ? null : Date.valueOf(ends), Date.valueOf(panel)});
    }
    jdbc.batchUpdate("""
        insert into dual_registration (pupil_id, school_id, host_school_id, kind, provision_name, starts_on, ends_on,
          panel_date)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
  }

  private static Map<String, Double> weights(Object... pairs) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return map;
  }
}
