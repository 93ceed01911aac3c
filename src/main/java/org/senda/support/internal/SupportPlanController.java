package org.senda.support.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilSummary;
import org.senda.support.ReviewEvidence;
import org.senda.support.ReviewEvidenceItem;
import org.senda.web.ConcurrentEdit;
import org.senda.web.Option;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Plan pages: write a plan with the SMART and plain-language checks beside it, read it with its history. */
@Controller
@RequestMapping("/schools/{schoolId}")
class SupportPlanController {

  /** A SMART finding as the page shows it: which outcome, and the suggestion. */
  record FindingRow(String field, String where, String message, boolean blocking) {}

  static final List<Option> WAVES = List.of(
      new Option("1", "Wave 1: quality-first teaching in class"),
      new Option("2", "Wave 2: small-group support"),
      new Option("3", "Wave 3: individual, specialist support"));

  static final List<Option> STATUSES = List.of(
      new Option("DRAFT", "Save as a draft (gaps allowed)"),
      new Option("ACTIVE", "Make the plan active (every outcome must be SMART)"));

  private final SupportPlanService plans;
  private final SupportSettings settings;
  private final Organisation organisation;
  private final Glossary glossary;
  private final SupportPdfs pdfs;
  private final List<ReviewEvidence> evidence;

  SupportPlanController(SupportPlanService plans, SupportSettings settings, Organisation organisation,
      Glossary glossary, SupportPdfs pdfs, List<ReviewEvidence> evidence) {
    this.pdfs = pdfs;
    this.evidence = evidence;
    this.plans = plans;
    this.settings = settings;
    this.organisation = organisation;
    this.glossary = glossary;
  }

  @GetMapping("/pupils/{pupilId}/support-plans/new")
  String newPlan(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = plans.requireWritable(pupilId).requireSchool(schoolId);
    PlanDraft empty = new PlanDraft(null, plans.defaultReviewDate(schoolId, plans.today()), PlanStatus.DRAFT, null,
        List.of(), List.of());
    return form(model, schoolId, pupil, null, PlanForm.of(empty, null));
  }

  @PostMapping("/pupils/{pupilId}/support-plans")
  String create(@PathVariable long schoolId, @PathVariable long pupilId, @ModelAttribute PlanForm planForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    PupilSummary pupil = plans.requireWritable(pupilId).requireSchool(schoolId);
    planForm.rejectBadDates(errors);
    if (!errors.hasErrors()) {
      try {
        long id = plans.create(pupilId, planForm.draft());
        flash.addFlashAttribute("success", planForm.planStatus() == PlanStatus.ACTIVE ? "Plan made active"
            : "Draft plan saved");
        return "redirect:/schools/" + schoolId + "/support-plans/" + id;
      } catch (PlanInvalid e) {
        reject(errors, e.findings());
      }
    }
    return form(model, schoolId, pupil, null, planForm.withRows(), errors);
  }

  @GetMapping("/support-plans/{planId}/edit")
  String edit(@PathVariable long schoolId, @PathVariable long planId, Model model) {
    PlanDetail plan = plan(schoolId, plans.writable(planId));
    PupilSummary pupil = plans.requireWritable(plan.pupilId());
    return form(model, schoolId, pupil, plan, PlanForm.of(plan.currentDraft(), plan.version()));
  }

  @PostMapping("/support-plans/{planId}")
  String update(@PathVariable long schoolId, @PathVariable long planId, @ModelAttribute PlanForm planForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    PlanDetail plan = plan(schoolId, plans.writable(planId));
    PupilSummary pupil = plans.requireWritable(plan.pupilId());
    planForm.rejectBadDates(errors);
    if (!errors.hasErrors()) {
      try {
        plans.update(planId, planForm.version() == null ? -1 : planForm.version(), planForm.draft());
        flash.addFlashAttribute("success", "Plan saved");
        return "redirect:/schools/" + schoolId + "/support-plans/" + planId;
      } catch (PlanInvalid e) {
        reject(errors, e.findings());
      } catch (OptimisticLockingFailureException e) {
        errors.reject("concurrent", ConcurrentEdit.MESSAGE);
        PlanDetail latest = plans.writable(planId);
        model.addAttribute("latest", latest);
        PlanForm kept = new PlanForm(planForm.wave(), planForm.reviewDate(), planForm.status(), planForm.strengths(),
            planForm.needCommunication(), planForm.needCognition(), planForm.needSemh(), planForm.needSensory(),
            planForm.outcomes(), latest.version());
        return form(model, schoolId, pupil, latest, kept.withRows(), errors);
      }
    }
    return form(model, schoolId, pupil, plan, planForm.withRows(), errors);
  }

  /** The SMART and plain-language checks for the form as typed so far (htmx, as the person types). */
  @PostMapping("/support-plans/check")
  String check(@PathVariable long schoolId, @ModelAttribute PlanForm planForm, Model model) {
    model.addAttribute("findings", findingRows(SmartOutcomeCheck.check(planForm.draft(), plans.today())));
    model.addAttribute("plain", PlainLanguage.check(planForm.parentFacingText(), glossary.terms(schoolId)));
    return "support/plan-form :: checks";
  }

  @GetMapping("/support-plans/{planId}/pdf")
  org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable long schoolId, @PathVariable long planId) {
    plan(schoolId, plans.readForExport(planId));
    return SupportPdfs.response(pdfs.plan(planId));
  }

  @GetMapping("/pupils/{pupilId}/passport/pdf")
  org.springframework.http.ResponseEntity<byte[]> passportPdf(@PathVariable long schoolId,
      @PathVariable long pupilId) {
    plans.pupil(pupilId).requireSchool(schoolId);
    return SupportPdfs.response(pdfs.passport(pupilId));
  }

  @GetMapping("/support-plans/{planId}")
  String view(@PathVariable long schoolId, @PathVariable long planId, Model model) {
    PlanDetail plan = plan(schoolId, plans.read(planId));
    PupilSummary pupil = plans.pupil(plan.pupilId());
    model.addAttribute("plan", plan);
    model.addAttribute("pupil", pupil);
    model.addAttribute("canWrite", plans.canWrite(schoolId));
    model.addAttribute("reviewOverdue", plan.status() == PlanStatus.ACTIVE && plan.current().reviewDate() != null
        && plan.current().reviewDate().isBefore(plans.today()));
    common(model, schoolId);
    return "support/plan";
  }

  static final List<Option> RESULTS = java.util.Arrays.stream(OutcomeResult.values())
      .map(r -> new Option(r.name(), r.title())).toList();

  static final List<Option> DECISIONS = java.util.Arrays.stream(ReviewDecision.values())
      .map(d -> new Option(d.name(), d.title())).toList();

  @GetMapping("/support-plans/{planId}/review")
  String reviewForm(@PathVariable long schoolId, @PathVariable long planId, Model model) {
    PlanDetail plan = plan(schoolId, plans.writable(planId));
    return review(model, schoolId, plan, ReviewForm.start(plan, plans.today()));
  }

  @PostMapping("/support-plans/{planId}/review")
  String recordReview(@PathVariable long schoolId, @PathVariable long planId, @ModelAttribute ReviewForm reviewForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    PlanDetail plan = plan(schoolId, plans.writable(planId));
    reviewForm.rejectBadDates(errors);
    try {
      if (!errors.hasErrors()) {
        plans.review(planId, reviewForm.version() == null ? -1 : reviewForm.version(), reviewForm.draft());
        flash.addFlashAttribute("success", "Review recorded");
        return "redirect:/schools/" + schoolId + "/support-plans/" + planId;
      }
    } catch (PlanInvalid e) {
      for (Finding f : e.findings()) {
        String field = f.field().replace("outcomes[", "results[").replace("].outcomeId", "].result");
        if (field.equals("outcomes") || field.equals("plan")) {
          errors.reject(field, f.message());
        } else if (errors.getFieldErrorCount(field) == 0) {
          errors.rejectValue(field, field, f.message());
        }
      }
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      plan = plans.writable(planId);
    }
    return review(model, schoolId, plan, reviewForm);
  }

  private String review(Model model, long schoolId, PlanDetail plan, ReviewForm form) {
    model.addAttribute("plan", plan);
    model.addAttribute("pupil", plans.pupil(plan.pupilId()));
    model.addAttribute("reviewForm", form);
    model.addAttribute("advice", evidence.stream()
        .flatMap(e -> e.since(plan.pupilId(), plan.current().openedOn()).stream())
        .sorted(java.util.Comparator.comparing(ReviewEvidenceItem::receivedOn)).toList());
    model.addAttribute("resultOptions", RESULTS);
    model.addAttribute("decisions", DECISIONS);
    common(model, schoolId);
    return "support/review-form";
  }

  private String form(Model model, long schoolId, PupilSummary pupil, @Nullable PlanDetail plan, PlanForm form) {
    return form(model, schoolId, pupil, plan, form, null);
  }

  /**
   * The form page. The form shown may be a new object (empty outcome rows added), which would drop the binding
   * result from the model, so the errors are put back under the form's name.
   */
  private String form(Model model, long schoolId, PupilSummary pupil, @Nullable PlanDetail plan, PlanForm form,
      @Nullable BindingResult errors) {
    model.addAttribute("planForm", form);
    if (errors != null) {
      var shown = new org.springframework.validation.BeanPropertyBindingResult(form, "planForm");
      shown.addAllErrors(errors);
      model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "planForm", shown);
    }
    model.addAttribute("pupil", pupil);
    model.addAttribute("plan", plan);
    model.addAttribute("waves", WAVES);
    model.addAttribute("statuses", STATUSES);
    model.addAttribute("findings", findingRows(SmartOutcomeCheck.check(form.draft(), plans.today())));
    model.addAttribute("plain", PlainLanguage.check(form.parentFacingText(), glossary.terms(schoolId)));
    common(model, schoolId);
    String planName = settings.of(schoolId).planName();
    model.addAttribute("heading", plan == null ? "New " + planName.toLowerCase(java.util.Locale.UK)
        : "Edit " + planName.toLowerCase(java.util.Locale.UK));
    return "support/plan-form";
  }

  private void common(Model model, long schoolId) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("schoolName", organisation.school(schoolId).orElseThrow().name());
    model.addAttribute("planName", settings.of(schoolId).planName());
  }

  static List<FindingRow> findingRows(List<Finding> findings) {
    List<FindingRow> rows = new ArrayList<>();
    for (Finding f : findings) {
      String where = "The plan";
      if (f.field().startsWith("outcomes[")) {
        int index = Integer.parseInt(f.field().substring(9, f.field().indexOf(']')));
        where = "Outcome " + (index + 1);
      }
      rows.add(new FindingRow(f.field(), where, f.message(), f.blocking()));
    }
    return rows;
  }

  static void reject(BindingResult errors, List<Finding> findings) {
    for (Finding f : findings) {
      if (f.field().equals("outcomes") || f.field().equals("status") || f.field().equals("plan")) {
        errors.reject(f.field(), f.message());
      } else if (errors.getFieldErrorCount(f.field()) == 0) {
        errors.rejectValue(f.field(), f.field(), f.message());
      }
    }
  }


  private static PlanDetail plan(long schoolId, PlanDetail plan) {
    if (plan.schoolId() != schoolId) {
      throw new AccessRefused("plan " + plan.id() + " in school " + schoolId);
    }
    return plan;
  }
}
