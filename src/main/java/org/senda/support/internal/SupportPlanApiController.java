package org.senda.support.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.register.BroadArea;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Support plans and their reviews over the JSON API (bearer tokens; need to know as on the pages). */
@RestController
@RequestMapping("/api/v1")
class SupportPlanApiController {

  record OutcomeJson(@Nullable Long id, @Nullable String description, @Nullable String measure,
      @Nullable String baseline, @Nullable String target, @Nullable LocalDate targetDate,
      @Nullable List<String> strategies, @Nullable String provisionWhat, @Nullable String provisionWho,
      @Nullable String provisionHowOften, @Nullable String provisionWhere) {

    OutcomeDraft draft() {
      return new OutcomeDraft(description, measure, baseline, target, targetDate, strategies, provisionWhat,
          provisionWho, provisionHowOften, provisionWhere);
    }

    static OutcomeJson of(PlanDetail.Outcome o) {
      return new OutcomeJson(o.id(), o.description(), o.measure(), o.baseline(), o.target(), o.targetDate(),
          o.strategies(), o.provisionWhat(), o.provisionWho(), o.provisionHowOften(), o.provisionWhere());
    }
  }

  record NeedJson(BroadArea area, String description) {}

  record PlanRequest(@Nullable List<OutcomeJson> outcomes, @Nullable Integer wave, @Nullable LocalDate reviewDate,
      @Nullable PlanStatus status, @Nullable String strengths, @Nullable List<NeedJson> needs,
      @Nullable Integer version) {

    PlanDraft draft() {
      return new PlanDraft(wave, reviewDate, status == null ? PlanStatus.DRAFT : status, strengths,
          needs == null ? List.of() : needs.stream().map(n -> new NeedDraft(n.area(), n.description())).toList(),
          outcomes == null ? List.of() : outcomes.stream().map(OutcomeJson::draft).toList());
    }
  }

  record ResultJson(long outcomeId, OutcomeResult result, @Nullable String evidence) {}

  record ReviewJson(long id, LocalDate heldOn, @Nullable String whatWorked, @Nullable String pupilView,
      @Nullable String parentsView, ReviewDecision decision, @Nullable String decisionReason,
      List<ResultJson> outcomes) {}

  record CycleJson(int number, @Nullable Integer wave, @Nullable String strengths, LocalDate openedOn,
      @Nullable LocalDate reviewDate, @Nullable LocalDate closedOn, List<NeedJson> needs, List<OutcomeJson> outcomes,
      @Nullable ReviewJson review) {}

  record PlanJson(long id, long pupilId, PlanStatus status, int version, int currentCycle, @Nullable Integer wave,
      @Nullable LocalDate reviewDate, @Nullable String strengths, List<NeedJson> needs, List<OutcomeJson> outcomes,
      List<CycleJson> cycles) {}

  record ReviewRequest(@Nullable LocalDate heldOn, @Nullable List<ReviewDraft.Result> outcomes,
      @Nullable String whatWorked, @Nullable String pupilView, @Nullable String parentsView,
      @Nullable ReviewDecision decision, @Nullable String decisionReason, @Nullable LocalDate nextReviewDate,
      @Nullable List<OutcomeJson> nextOutcomes, @Nullable Integer version) {}

  private final SupportPlanService plans;
  private final SupportPdfs pdfs;

  SupportPlanApiController(SupportPlanService plans, SupportPdfs pdfs) {
    this.plans = plans;
    this.pdfs = pdfs;
  }

  @GetMapping("/support-plans/{planId}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable long planId) {
    return SupportPdfs.response(pdfs.plan(planId));
  }

  @PostMapping("/pupils/{pupilId}/support-plans")
  ResponseEntity<Map<String, Object>> create(@PathVariable long pupilId, @RequestBody PlanRequest request) {
    long id = plans.create(pupilId, request.draft());
    return ResponseEntity.created(URI.create("/api/v1/support-plans/" + id))
        .body(Map.of("id", id, "status", request.draft().status()));
  }

  @GetMapping("/support-plans/{planId}")
  PlanJson get(@PathVariable long planId) {
    return json(plans.read(planId));
  }

  @PutMapping("/support-plans/{planId}")
  PlanJson update(@PathVariable long planId, @RequestBody PlanRequest request,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    PlanDetail plan = plans.writable(planId);
    int version = request.version() != null ? request.version()
        : ifMatch != null ? Integer.parseInt(ifMatch.replace("\"", "").strip()) : plan.version();
    plans.update(planId, version, request.draft());
    return json(plans.read(planId));
  }

  @PostMapping("/support-plans/{planId}/reviews")
  ResponseEntity<Map<String, Object>> review(@PathVariable long planId, @RequestBody ReviewRequest request) {
    PlanDetail plan = plans.writable(planId);
    ReviewDraft draft = new ReviewDraft(request.heldOn() == null ? null : request.heldOn(),
        request.outcomes() == null ? List.of() : request.outcomes(), request.whatWorked(), request.pupilView(),
        request.parentsView(), request.decision(), request.decisionReason(), request.nextReviewDate(),
        request.nextOutcomes() == null ? null : request.nextOutcomes().stream().map(OutcomeJson::draft).toList());
    long reviewId = plans.review(planId, request.version() == null ? plan.version() : request.version(), draft);
    PlanDetail after = plans.read(planId);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of(
        "id", reviewId, "planId", planId, "closedCycle", plan.currentCycle(),
        "currentCycle", after.currentCycle(), "status", after.status()));
  }

  @ExceptionHandler(PlanInvalid.class)
  ProblemDetail invalid(PlanInvalid e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
        "Some values are missing or not valid. Nothing was saved.");
    problem.setTitle("Invalid request");
    problem.setType(URI.create("about:blank"));
    problem.setProperty("errors", e.findings().stream()
        .map(f -> Map.of("field", f.field(), "message", f.message()))
        .toList());
    return problem;
  }

  static PlanJson json(PlanDetail plan) {
    PlanDetail.Cycle current = plan.current();
    List<CycleJson> cycles = plan.cycles().stream().map(SupportPlanApiController::cycle).toList();
    return new PlanJson(plan.id(), plan.pupilId(), plan.status(), plan.version(), plan.currentCycle(),
        current.wave(), current.reviewDate(), current.strengths(),
        current.needs().stream().map(n -> new NeedJson(n.area(), n.description())).toList(),
        current.outcomes().stream().map(OutcomeJson::of).toList(), cycles);
  }

  private static CycleJson cycle(PlanDetail.Cycle c) {
    PlanDetail.Review r = c.review();
    return new CycleJson(c.number(), c.wave(), c.strengths(), c.openedOn(), c.reviewDate(), c.closedOn(),
        c.needs().stream().map(n -> new NeedJson(n.area(), n.description())).toList(),
        c.outcomes().stream().map(OutcomeJson::of).toList(),
        r == null ? null : new ReviewJson(r.id(), r.heldOn(), r.whatWorked(), r.pupilView(), r.parentsView(),
            r.decision(), r.decisionReason(),
            r.results().stream().map(x -> new ResultJson(x.outcomeId(), x.result(), x.evidence())).toList()));
  }
}
