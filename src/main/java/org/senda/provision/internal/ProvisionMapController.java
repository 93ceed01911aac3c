package org.senda.provision.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolCalendar;
import org.senda.organisation.SchoolClass;
import org.senda.organisation.SchoolSummary;
import org.senda.web.Option;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Provision maps (the school's and a class's for a term, a pupil's over their whole time at the school), each
 * printable and exportable to XLSX, and the effectiveness of interventions for a school and across the trust.
 */
@Controller
class ProvisionMapController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ProvisionMaps maps;
  private final ProvisionEffectiveness effectiveness;
  private final Permissions permissions;
  private final Organisation organisation;
  private final Audit audit;

  ProvisionMapController(ProvisionMaps maps, ProvisionEffectiveness effectiveness, Permissions permissions,
      Organisation organisation, Audit audit) {
    this.maps = maps;
    this.effectiveness = effectiveness;
    this.permissions = permissions;
    this.organisation = organisation;
    this.audit = audit;
  }

  static List<Option> termOptions(SchoolCalendar calendar) {
    return calendar.terms().stream().sorted(java.util.Comparator.comparing(
            org.senda.organisation.Term::startsOn).reversed())
        .map(t -> new Option(String.valueOf(t.id()), t.name() + " " + t.academicYear())).toList();
  }

  private SchoolSummary school(long schoolId, Model model) {
    permissions.requireSchool(schoolId);
    SchoolSummary school = organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
    model.addAttribute("school", school);
    return school;
  }

  // --- The school's map and a class's

  @GetMapping("/schools/{schoolId}/provision/map")
  String map(@PathVariable long schoolId, @RequestParam(required = false) @Nullable Long term, Model model) {
    school(schoolId, model);
    ProvisionMaps.ProvisionMap map = maps.map(schoolId, term);
    model.addAttribute("map", map);
    model.addAttribute("terms", termOptions(organisation.calendar(schoolId)));
    model.addAttribute("classes", organisation.classes(schoolId));
    model.addAttribute("className", null);
    model.addAttribute("xlsxHref", "/schools/" + schoolId + "/provision/map.xlsx?term=" + map.termId());
    return "provision/map";
  }

  @GetMapping("/schools/{schoolId}/provision/map/classes/{classId}")
  String classMap(@PathVariable long schoolId, @PathVariable long classId,
      @RequestParam(required = false) @Nullable Long term, Model model) {
    school(schoolId, model);
    SchoolClass schoolClass = schoolClass(schoolId, classId);
    ProvisionMaps.ProvisionMap map = maps.classMap(schoolId, classId, term);
    model.addAttribute("map", map);
    model.addAttribute("terms", termOptions(organisation.calendar(schoolId)));
    model.addAttribute("classes", List.of());
    model.addAttribute("className", schoolClass.name());
    model.addAttribute("xlsxHref", "/schools/" + schoolId + "/provision/map/classes/" + classId + ".xlsx?term="
        + map.termId());
    return "provision/map";
  }

  private SchoolClass schoolClass(long schoolId, long classId) {
    return organisation.classes(schoolId).stream().filter(c -> c.id() == classId).findFirst()
        .orElseThrow(() -> new AccessRefused("class " + classId));
  }

  @GetMapping("/schools/{schoolId}/provision/map.xlsx")
  ResponseEntity<byte[]> mapXlsx(@PathVariable long schoolId, @RequestParam(required = false) @Nullable Long term)
      throws IOException {
    ProvisionMaps.ProvisionMap map = maps.map(schoolId, term);
    audit.record(AuditAction.EXPORT, "provision-map", map.termId(), schoolId, "xlsx " + map.groups().size()
        + " groups");
    return xlsx(mapTable(map), "Provision map",
        "provision-map-" + schoolId + "-" + map.academicYear().replace('/', '-') + "-" + map.termId() + ".xlsx");
  }

  @GetMapping("/schools/{schoolId}/provision/map/classes/{classId}.xlsx")
  ResponseEntity<byte[]> classMapXlsx(@PathVariable long schoolId, @PathVariable long classId,
      @RequestParam(required = false) @Nullable Long term) throws IOException {
    schoolClass(schoolId, classId);
    ProvisionMaps.ProvisionMap map = maps.classMap(schoolId, classId, term);
    audit.record(AuditAction.EXPORT, "provision-map", map.termId(), schoolId, "xlsx class " + classId);
    return xlsx(mapTable(map), "Provision map", "provision-map-class-" + classId + "-" + map.termId() + ".xlsx");
  }

  private static List<List<Object>> mapTable(ProvisionMaps.ProvisionMap map) {
    List<List<Object>> table = new ArrayList<>();
    table.add(List.of("Intervention", "Area of need", "Start", "End", "Sessions a week", "Minutes a session",
        "Weekly times", "Room", "Staff", "Pupils", "Pupil names", "Sessions delivered in term", "Cost in term (£)",
        "Cost per pupil (£)", "Kind", "Lessons (in-class support)"));
    for (ProvisionMaps.MapEntry g : map.groups()) {
      table.add(List.of(g.intervention(), area(g.areaOfNeed()), g.startDate().toString(), g.endDate().toString(),
          g.sessionsPerWeek(), g.minutesPerSession(), g.when(), g.room() == null ? "" : g.room(),
          String.join("; ", g.staff().stream().map(ProvisionMaps.StaffJson::name).toList()), g.pupils().size(),
          String.join("; ", g.pupils().stream().map(p -> p.name() + " (" + p.yearGroup() + ")").toList()),
          g.sessionsDeliveredInTerm(), g.costInTerm(), g.costPerPupil(), g.kindTitle(), text(g.lessons())));
    }
    return table;
  }

  static String area(String name) {
    try {
      return AreaOfNeed.valueOf(name).title();
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  // --- A pupil's history

  @GetMapping("/schools/{schoolId}/pupils/{pupilId}/provision")
  String history(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    school(schoolId, model);
    ProvisionMaps.History history = maps.history(pupilId);
    requireSchool(schoolId, history);
    model.addAttribute("history", history);
    Map<String, List<ProvisionMaps.HistoryEntry>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
    history.provision().forEach(e -> byYear.computeIfAbsent(academicYear(e.startDate()), k -> new ArrayList<>())
        .add(e));
    model.addAttribute("byYear", byYear);
    return "provision/history";
  }

  /** maps.history checked need to know; the path's school must also be the pupil's. */
  private static void requireSchool(long schoolId, ProvisionMaps.History history) {
    if (history.schoolId() != schoolId) {
      throw new AccessRefused("pupil " + history.pupilId());
    }
  }

  @GetMapping("/schools/{schoolId}/pupils/{pupilId}/provision.xlsx")
  ResponseEntity<byte[]> historyXlsx(@PathVariable long schoolId, @PathVariable long pupilId) throws IOException {
    permissions.requireSchool(schoolId);
    ProvisionMaps.History history = maps.history(pupilId);
    requireSchool(schoolId, history);
    List<List<Object>> table = new ArrayList<>();
    table.add(List.of("Academic year", "Intervention", "Area of need", "Start", "End", "Staff", "Pupils in group",
        "Sessions delivered", "Sessions attended", "Sessions cancelled", "Measure", "Entry", "Exit", "Exit target",
        "Impact review", "Cost of group (£)", "Pupil's share (£)", "Kind"));
    for (ProvisionMaps.HistoryEntry e : history.provision()) {
      table.add(List.of(academicYear(e.startDate()), e.intervention(), area(e.areaOfNeed()),
          e.startDate().toString(), e.endDate().toString(),
          String.join("; ", e.staff().stream().map(ProvisionMaps.StaffJson::name).toList()), e.pupilsInGroup(),
          e.sessionsDelivered(), e.sessionsAttended(), e.sessionsCancelled(), text(e.measure()),
          number(e.entryMeasure()), number(e.exitMeasure()), number(e.exitTarget()), text(e.impactSummary()),
          e.groupCost(), e.costShare(), e.delivery() + (e.lessons() == null ? "" : " in " + e.lessons())));
    }
    audit.record(AuditAction.EXPORT, "pupil", pupilId, schoolId, "provision history xlsx");
    return xlsx(table, "Provision history", "provision-history-" + pupilId + ".xlsx");
  }

  /** The academic year a date falls in, September to August, e.g. "2025/26". */
  static String academicYear(LocalDate date) {
    int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
    return start + "/" + String.format("%02d", (start + 1) % 100);
  }

  private static Object text(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static Object number(@Nullable BigDecimal value) {
    return value == null ? "" : value;
  }

  private static ResponseEntity<byte[]> xlsx(List<List<Object>> table, String sheetName, String fileName)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      Sheet sheet = workbook.createSheet(sheetName);
      for (int r = 0; r < table.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < table.get(r).size(); c++) {
          Object value = table.get(r).get(c);
          if (value instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else {
            row.createCell(c).setCellValue(String.valueOf(value));
          }
        }
      }
      workbook.write(out);
      workbook.dispose();
    }
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(out.toByteArray());
  }

  // --- Effectiveness

  /** A bar of the chart: its label, its length as a share of the longest (0-100) and the figure shown. */
  record Bar(String label, double percent, String figure, boolean small) {}

  /** Bars of each line's average gain, the longest for the largest gain. */
  static List<Bar> gainBars(List<? extends ProvisionEffectiveness.Line> lines) {
    BigDecimal max = lines.stream().map(l -> l.figures().averageGain()).filter(java.util.Objects::nonNull)
        .max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
    if (max.signum() <= 0) {
      max = BigDecimal.ONE;
    }
    List<Bar> bars = new ArrayList<>();
    for (ProvisionEffectiveness.Line line : lines) {
      ProvisionEffectiveness.Row r = line.figures();
      BigDecimal gain = r.averageGain() == null ? BigDecimal.ZERO : r.averageGain().max(BigDecimal.ZERO);
      bars.add(new Bar(line.label(), gain.doubleValue() * 100 / max.doubleValue(),
          r.averageGain() == null ? "no measures" : r.averageGain().toPlainString(), r.smallSample()));
    }
    return bars;
  }

  @GetMapping("/schools/{schoolId}/provision/effectiveness")
  String effectiveness(@PathVariable long schoolId, Model model) {
    school(schoolId, model);
    List<ProvisionEffectiveness.Row> rows = effectiveness.forSchool(schoolId);
    model.addAttribute("rows", rows);
    model.addAttribute("bars", gainBars(rows));
    return "provision/effectiveness";
  }

  /**
   * The trust's figures for each intervention and each school's; with {@code intervention}, also that intervention
   * side by side in each school that has run it (404 for one the trust's schools have not run).
   */
  @GetMapping("/trust/provision/effectiveness")
  String trustEffectiveness(@RequestParam(required = false) @Nullable Long intervention, Model model) {
    permissions.requireAcrossTrust(Permission.VIEW_AGGREGATES);
    List<SchoolSummary> schools = organisation.schools(permissions.current().trustSchoolIds()).stream()
        .sorted(java.util.Comparator.comparing(SchoolSummary::name)).toList();
    ProvisionEffectiveness.TrustEffectiveness result = effectiveness.forTrust(schools);
    model.addAttribute("result", result);
    model.addAttribute("bars", gainBars(result.trust()));
    model.addAttribute("compared", null);
    if (intervention != null) {
      ProvisionEffectiveness.Row compared = result.trust().stream()
          .filter(r -> r.interventionId() == intervention).findFirst()
          .orElseThrow(() -> new AccessRefused("intervention " + intervention));
      List<ProvisionEffectiveness.SchoolRow> across = result.across(intervention);
      model.addAttribute("compared", compared);
      model.addAttribute("across", across);
      model.addAttribute("acrossBars", gainBars(across));
    }
    model.addAttribute("trustName", organisation.trustName(permissions.current().trustId()).orElse("Trust"));
    model.addAttribute("keepsCatalogue", permissions.current().trustRoles().contains(org.senda.access.Role.TRUST_SEND_LEAD));
    return "provision/trust-effectiveness";
  }
}
