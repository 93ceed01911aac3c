package org.senda.register.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.ActionForbidden;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolStructure;
import org.senda.organisation.SchoolSummary;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilFlag;
import org.senda.pupils.PupilScope;
import org.senda.register.BroadArea;
import org.senda.register.NeedType;
import org.senda.register.SendStatus;
import org.senda.web.Option;
import org.senda.web.Pagination;
import org.senda.web.SchoolChoices;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register page of a school (filters, sortable columns, counts, pages), its CSV and XLSX exports and the census
 * view. Pupils are listed within the person's need to know, in the same SQL statement as the counts; people who see
 * aggregates only (governors, the trust SEND lead) get the counts without names.
 */
@Controller
@RequestMapping("/schools/{schoolId}/register")
class RegisterController {

  static final int PAGE_SIZE = 50;
  static final int CENSUS_PAGE_SIZE = 100;
  private static final Map<String, String> COLUMNS = columns();

  private final Permissions permissions;
  private final PupilAccess pupilAccess;
  private final Organisation organisation;
  private final RegisterQueries queries;
  private final NeedTypes needTypes;
  private final CurrentPlanConditions plans;
  private final Audit audit;
  private final Clock clock;

  RegisterController(Permissions permissions, PupilAccess pupilAccess, Organisation organisation,
      RegisterQueries queries, NeedTypes needTypes, CurrentPlanConditions plans, Audit audit, Clock clock) {
    this.permissions = permissions;
    this.pupilAccess = pupilAccess;
    this.organisation = organisation;
    this.queries = queries;
    this.needTypes = needTypes;
    this.plans = plans;
    this.audit = audit;
    this.clock = clock;
  }

  private static Map<String, String> columns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("name", "Pupil");
    columns.put("year", "Year");
    columns.put("class", "Class");
    columns.put("status", "Status");
    columns.put("need", "Needs");
    return columns;
  }

  @GetMapping
  @Transactional
  String register(@PathVariable long schoolId, @ModelAttribute RegisterFilterForm form, Model model) {
    permissions.requireSchool(schoolId);
    model.addAttribute("school", school(schoolId, model));
    LocalDate today = LocalDate.now(clock);
    if (!seesPupils(schoolId)) {
      permissions.require(schoolId, Permission.VIEW_AGGREGATES);
      model.addAttribute("summary", queries.summary(schoolId, today));
      model.addAttribute("needNames", needTypes.catalogue().byCode());
      audit.record(AuditAction.VIEW, "register-summary", null, schoolId, "page");
      return "register/summary";
    }
    RegisterFilter filter = form.filter(PAGE_SIZE);
    PupilScope scope = pupilAccess.scope(schoolId);
    RegisterQueries.RegisterPage result = queries.page(schoolId, scope, scope.kind() == PupilScope.Kind.ALL, filter,
        today, plans.hasCurrentPlan("r.id"), true);
    audit.record(AuditAction.VIEW, "register", null, schoolId, filter.describe());
    String path = "/schools/" + schoolId + "/register";
    model.addAttribute("filter", filter);
    model.addAttribute("result", result);
    model.addAttribute("counts", result.counts());
    model.addAttribute("areas", List.of(BroadArea.values()));
    model.addAttribute("sortLinks", RegisterPages.sortLinks(path, filter, COLUMNS));
    model.addAttribute("pagination",
        Pagination.of(filter.page(), (int) result.pages(), n -> RegisterPages.pageHref(path, filter, n)));
    model.addAttribute("csvHref", RegisterPages.href(path + "/export.csv", filter.parameters()));
    model.addAttribute("xlsxHref", RegisterPages.href(path + "/export.xlsx", filter.parameters()));
    model.addAttribute("plansRecorded", plans.recorded());
    model.addAttribute("canManage", permissions.can(schoolId, Permission.MANAGE_SEND));
    filterOptions(schoolId, model, today);
    return "register/register";
  }

  private void filterOptions(long schoolId, Model model, LocalDate today) {
    SchoolStructure structure = organisation.structure(schoolId);
    List<Option> years = new ArrayList<>(List.of(new Option("", "All year groups")));
    structure.yearGroups().forEach(y -> years.add(new Option(y.code(), y.name())));
    List<Option> classes = new ArrayList<>(List.of(new Option("", "All classes")));
    structure.classes().forEach(c -> classes.add(new Option(String.valueOf(c.id()), c.name())));
    List<Option> needs = new ArrayList<>(List.of(new Option("", "All needs")));
    needTypes.catalogue().validOn(today).forEach(n -> needs.add(new Option(n.code(), n.code() + " - " + n.name())));
    List<Option> areas = new ArrayList<>(List.of(new Option("", "All broad areas")));
    for (BroadArea area : BroadArea.values()) {
      areas.add(new Option(area.name(), area.title()));
    }
    model.addAttribute("yearOptions", years);
    model.addAttribute("classOptions", classes);
    model.addAttribute("needOptions", needs);
    model.addAttribute("areaOptions", areas);
    model.addAttribute("statusOptions", List.of(
        new Option("register", "On the register (K and E)"), new Option("K", "K - SEN support"),
        new Option("E", "E - EHC plan"), new Option("monitoring", "Monitoring after leaving the register"),
        new Option("N", "N - No SEN"), new Option("all", "All pupils")));
    model.addAttribute("flagOptions", List.of(new Option(PupilFlag.EAL.name(), PupilFlag.EAL.title()),
        new Option(PupilFlag.PUPIL_PREMIUM.name(), PupilFlag.PUPIL_PREMIUM.title()),
        new Option(PupilFlag.LOOKED_AFTER.name(), PupilFlag.LOOKED_AFTER.title())));
    model.addAttribute("needNames", needTypes.catalogue().byCode());
  }

  @GetMapping("/export.csv")
  @Transactional
  ResponseEntity<byte[]> exportCsv(@PathVariable long schoolId, @ModelAttribute RegisterFilterForm form) throws IOException {
    List<List<String>> table = exportTable(schoolId, form.filter(PAGE_SIZE), "csv");
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      for (List<String> row : table) {
        printer.printRecord(row);
      }
    }
    return download(out.toString().getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv",
        StandardCharsets.UTF_8), fileName(schoolId, "csv"));
  }

  @GetMapping("/export.xlsx")
  @Transactional
  ResponseEntity<byte[]> exportXlsx(@PathVariable long schoolId, @ModelAttribute RegisterFilterForm form) throws IOException {
    List<List<String>> table = exportTable(schoolId, form.filter(PAGE_SIZE), "xlsx");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      Sheet sheet = workbook.createSheet("SEND register");
      for (int r = 0; r < table.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < table.get(r).size(); c++) {
          row.createCell(c).setCellValue(table.get(r).get(c));
        }
      }
      workbook.write(out);
      workbook.dispose();
    }
    return download(out.toByteArray(),
        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        fileName(schoolId, "xlsx"));
  }

  private List<List<String>> exportTable(long schoolId, RegisterFilter filter, String format) {
    permissions.requireSchool(schoolId);
    if (!seesPupils(schoolId)) {
      throw new ActionForbidden("register export of school " + schoolId);
    }
    LocalDate today = LocalDate.now(clock);
    PupilScope scope = pupilAccess.scope(schoolId);
    RegisterQueries.RegisterPage result = queries.page(schoolId, scope, scope.kind() == PupilScope.Kind.ALL, filter,
        today, plans.hasCurrentPlan("r.id"), false);
    audit.record(AuditAction.EXPORT, "register", null, schoolId,
        format + " " + result.rows().size() + " pupils; " + filter.describe());
    Map<String, NeedType> names = needTypes.catalogue().byCode();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("UPN", "Name", "Year group", "Class", "SEN status", "Primary need", "Secondary need",
        "Broad area", "Monitoring until", "Flags", "Dual registration"));
    for (RegisterRow row : result.rows()) {
      table.add(List.of(row.upn(), row.name(), row.yearName(), nullToEmpty(row.className()), row.status().name(),
          needText(names, row.primaryNeed()), needText(names, row.secondaryNeed()),
          row.broadArea() == null ? "" : row.broadArea().title(),
          row.monitoring() && row.monitorUntil() != null ? row.monitorUntil().toString() : "",
          String.join("; ", row.flags().stream().sorted().map(PupilFlag::title).toList()),
          nullToEmpty(row.dualRegistration())));
    }
    return table;
  }

  private static String needText(Map<String, NeedType> names, @Nullable String code) {
    return code == null ? "" : code + " - " + (names.containsKey(code) ? names.get(code).name() : code);
  }

  private static String nullToEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  private String fileName(long schoolId, String extension) {
    return "send-register-" + schoolId + "-" + LocalDate.now(clock) + "." + extension;
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  @GetMapping("/census")
  @Transactional
  String census(@PathVariable long schoolId,
      @RequestParam(required = false, defaultValue = "register") String status,
      @RequestParam(required = false, defaultValue = "1") int page, Model model) {
    permissions.requireSchool(schoolId);
    SchoolSummary school = organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
    if (!seesPupils(schoolId)) {
      throw new ActionForbidden("census view of school " + schoolId);
    }
    LocalDate today = LocalDate.now(clock);
    String chosen = "all".equals(status) ? "all" : "register";
    RegisterFilter filter = new RegisterFilter(null, null, null, chosen, null, null, Set.of(), false, "name", false,
        page, CENSUS_PAGE_SIZE);
    // The census is the return of this school's roll: pupils hosted for other schools are on their own school's.
    RegisterQueries.RegisterPage result = queries.page(schoolId, pupilAccess.scope(schoolId), false, filter, today,
        java.util.Optional.empty(), true);
    audit.record(AuditAction.VIEW, "register-census", null, schoolId, filter.describe());
    String path = "/schools/" + schoolId + "/register/census";
    model.addAttribute("school", school);
    model.addAttribute("filter", filter);
    model.addAttribute("result", result);
    model.addAttribute("census", CensusDates.next(today));
    model.addAttribute("pagination",
        Pagination.of(filter.page(), (int) result.pages(), n -> RegisterPages.pageHref(path, filter, n)));
    model.addAttribute("needNames", needTypes.catalogue().byCode());
    return "register/census";
  }

  /**
   * The school's id and name. The layout has already read the schools the person can switch between (the model's
   * {@code visibleSchools}); taking the name from there spares the register page a statement.
   */
  private SchoolChoices.Choice school(long schoolId, Model model) {
    return SchoolChoices.fromModel(model, schoolId).orElseGet(() -> {
      SchoolSummary school = organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
      return new SchoolChoices.Choice(school.id(), school.name());
    });
  }

  private boolean seesPupils(long schoolId) {
    return permissions.can(schoolId, Permission.VIEW_ALL_PUPILS)
        || permissions.can(schoolId, Permission.VIEW_OWN_PUPILS);
  }

  static String statusTitle(SendStatus status) {
    return status.title();
  }
}
