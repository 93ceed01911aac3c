package org.senda.register.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.access.ActionForbidden;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilScope;
import org.senda.pupils.PupilSummary;
import org.senda.register.SendStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register over the JSON API (a stable contract): the pupil list of a school with SEN status, needs and flags;
 * a pupil's status history; recording a change; a school's counts.
 */
@RestController
@RequestMapping("/api/v1")
class RegisterApiController {

  /** One pupil in the list. */
  record PupilItem(long id, String upn, String name, String yearGroup, String sendStatus, List<String> needs,
      List<String> flags, boolean monitoring, @Nullable String dualRegistration) {}

  record PupilList(List<PupilItem> items, long total, int page, int size) {}

  record NeedBody(@Nullable String code, @Nullable Integer rank) {}

  /** A change as posted; effectiveDate defaults to today and reviewDate (when leaving) to the effective date. */
  record ChangeBody(@Nullable String status, @Nullable List<NeedBody> needs, @Nullable String reason,
      @Nullable LocalDate effectiveDate, @Nullable LocalDate reviewDate, @Nullable LocalDate monitorUntil) {}

  record HistoryItem(String status, LocalDate effectiveDate, String reason, String changedBy, Instant changedAt,
      List<String> needs, @Nullable LocalDate reviewDate, @Nullable LocalDate monitorUntil, @Nullable String note) {}

  record SummaryBody(long schoolId, long pupils, Map<String, Long> byStatus, Map<String, Long> byNeed,
      Map<String, Long> bySecondaryNeed, long monitoring) {}

  private final Permissions permissions;
  private final PupilAccess pupilAccess;
  private final RegisterAccess registerAccess;
  private final RegisterQueries queries;
  private final RegisterChanges changes;
  private final CurrentPlanConditions plans;
  private final Audit audit;
  private final Clock clock;

  RegisterApiController(Permissions permissions, PupilAccess pupilAccess, RegisterAccess registerAccess,
      RegisterQueries queries, RegisterChanges changes, CurrentPlanConditions plans, Audit audit, Clock clock) {
    this.permissions = permissions;
    this.pupilAccess = pupilAccess;
    this.registerAccess = registerAccess;
    this.queries = queries;
    this.changes = changes;
    this.plans = plans;
    this.audit = audit;
    this.clock = clock;
  }

  /** Pages start at 1; governors and others who see aggregates only are refused (403). */
  @GetMapping("/schools/{schoolId}/pupils")
  @Transactional
  PupilList pupils(@PathVariable long schoolId, @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(required = false, defaultValue = "all") String status,
      @RequestParam(required = false, defaultValue = "1") int page,
      @RequestParam(required = false, defaultValue = "50") int size) {
    permissions.requireSchool(schoolId);
    if (!permissions.can(schoolId, Permission.VIEW_ALL_PUPILS)
        && !permissions.can(schoolId, Permission.VIEW_OWN_PUPILS)) {
      throw new ActionForbidden("pupil list of school " + schoolId);
    }
    PupilScope scope = pupilAccess.scope(schoolId);
    RegisterFilter filter = new RegisterFilter(q, year, null, status, null, null, Set.of(), false, "name", false,
        page, size);
    RegisterQueries.RegisterPage result = queries.page(schoolId, scope, scope.kind() == PupilScope.Kind.ALL, filter,
        LocalDate.now(clock), Optional.empty(), true);
    audit.record(AuditAction.VIEW, "pupil-list", null, schoolId, "api " + filter.describe());
    return new PupilList(result.rows().stream().map(RegisterApiController::item).toList(), result.counts().total(),
        result.page(), result.size());
  }

  private static PupilItem item(RegisterRow row) {
    return new PupilItem(row.id(), row.upn(), row.name(), row.yearCode(), row.status().name(), row.needs(),
        row.flags().stream().sorted().map(Enum::name).toList(), row.monitoring(), row.dualRegistration());
  }

  @GetMapping("/pupils/{pupilId}/send-status/history")
  @Transactional
  List<HistoryItem> history(@PathVariable long pupilId) {
    PupilSummary pupil = registerAccess.requireRegisterView(pupilId);
    audit.record(AuditAction.VIEW, "send-status", pupilId, pupil.schoolId(), "history (api)");
    return queries.history(pupilId).stream().map(RegisterApiController::historyItem).toList();
  }

  private static HistoryItem historyItem(RegisterQueries.HistoryEntry e) {
    return new HistoryItem(e.status().name(), e.effectiveDate(), e.reason(), e.changedBy(), e.changedAt(), e.needs(),
        e.reviewDate(), e.monitorUntil(), e.note());
  }

  @PostMapping("/pupils/{pupilId}/send-status")
  ResponseEntity<?> change(@PathVariable long pupilId, @RequestBody ChangeBody body) {
    PupilSummary pupil = registerAccess.requireManage(pupilId);
    SendaUser user = permissions.current();
    LocalDate effective = body.effectiveDate() == null ? LocalDate.now(clock) : body.effectiveDate();
    List<StatusChange.Need> needs = body.needs() == null ? List.of()
        : body.needs().stream().map(n -> new StatusChange.Need(n.code(), n.rank())).toList();
    StatusChange change = new StatusChange(body.status(), needs, body.reason(), effective,
        body.reviewDate() == null ? effective : body.reviewDate(), body.monitorUntil(), null);
    RegisterChanges.Outcome outcome = changes.change(pupilId, pupil.schoolId(), change, user.displayName());
    if (!outcome.recorded()) {
      return FieldProblem.unprocessable("The SEN status was not changed: some values are not valid.",
          outcome.problems());
    }
    RegisterQueries.HistoryEntry latest = queries.history(pupilId).getFirst();
    return ResponseEntity.created(URI.create("/api/v1/pupils/" + pupilId + "/send-status/history"))
        .body(historyItem(latest));
  }

  /** Counts only: governors and the trust SEND lead may read it. */
  @GetMapping("/schools/{schoolId}/register/summary")
  @Transactional
  SummaryBody summary(@PathVariable long schoolId) {
    permissions.require(schoolId, Permission.VIEW_AGGREGATES);
    RegisterQueries.Summary summary = queries.summary(schoolId, LocalDate.now(clock));
    audit.record(AuditAction.VIEW, "register-summary", null, schoolId, "api");
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (SendStatus status : SendStatus.values()) {
      byStatus.put(status.name(), summary.byStatus().getOrDefault(status, 0L));
    }
    return new SummaryBody(schoolId, summary.pupils(), byStatus, summary.byPrimaryNeed(), summary.bySecondaryNeed(),
        summary.monitoring());
  }
}
