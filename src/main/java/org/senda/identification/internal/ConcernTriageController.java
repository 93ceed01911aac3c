package org.senda.identification.internal;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilSummary;
import org.senda.register.Register;
import org.senda.register.RegisterChangeRefused;
import org.senda.web.ConcurrentEdit;
import org.senda.web.DateParts;
import org.senda.web.Option;
import org.senda.pupils.PupilContact;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SENCO's pages for a cause for concern: the concern with its discussions, gathering evidence, recording the
 * early discussion with the parents and the decision. Only people who manage SEND in the school (403 otherwise; 404
 * outside their schools) and who may see the pupil (need to know).
 */
@Controller
class ConcernTriageController {

  private final Permissions permissions;
  private final VisiblePupils visible;
  private final Concerns concerns;
  private final ConcernTriage triage;
  private final Register register;
  private final SenSupportNotice notice;
  private final NoticeLetters letters;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  ConcernTriageController(Permissions permissions, VisiblePupils visible, Concerns concerns, ConcernTriage triage,
      Register register, SenSupportNotice notice, NoticeLetters letters, Organisation organisation, Audit audit,
      Clock clock) {
    this.notice = notice;
    this.letters = letters;
    this.permissions = permissions;
    this.visible = visible;
    this.concerns = concerns;
    this.triage = triage;
    this.register = register;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  private record Checked(Concerns.Concern concern, PupilSummary pupil) {}

  private Checked check(long schoolId, long concernId) {
    permissions.requireSchool(schoolId);
    permissions.require(schoolId, Permission.MANAGE_SEND);
    Concerns.Concern concern = concerns.find(concernId).filter(c -> c.schoolId() == schoolId)
        .orElseThrow(() -> new AccessRefused("concern " + concernId + " in school " + schoolId));
    return new Checked(concern, visible.pupilIn(schoolId, concern.pupilId()));
  }

  private String base(long schoolId, long concernId) {
    return "/schools/" + schoolId + "/concerns/" + concernId;
  }

  @GetMapping("/schools/{schoolId}/concerns/{concernId}")
  @Transactional
  String concern(@PathVariable long schoolId, @PathVariable long concernId, Model model) {
    Checked checked = check(schoolId, concernId);
    audit.record(AuditAction.VIEW, "concern", concernId, schoolId, null);
    model.addAttribute("discussions", triage.discussions(concernId));
    boolean senSupport = "START_SEN_SUPPORT".equals(checked.concern().decision());
    model.addAttribute("noticeContacts", senSupport ? notice.recipients(checked.pupil().id()) : List.of());
    model.addAttribute("letters", senSupport ? letters.ofConcern(concernId) : List.of());
    model.addAttribute("decisionTitle", checked.concern().decision() == null ? null
        : ConcernDecision.valueOf(checked.concern().decision()).title());
    model.addAttribute("decisionRecord", checked.concern().decision() == null ? null
        : concerns.decisionRecord(concernId).orElse(null));
    return fill(model, checked, "identification/concern");
  }

  @PostMapping("/schools/{schoolId}/concerns/{concernId}/gather-evidence")
  String gatherEvidence(@PathVariable long schoolId, @PathVariable long concernId, @RequestParam int version,
      RedirectAttributes flash) {
    Checked checked = check(schoolId, concernId);
    try {
      triage.gatherEvidence(checked.concern(), version);
      flash.addFlashAttribute("success", "The concern is now at gathering evidence.");
    } catch (OptimisticLockingFailureException e) {
      flash.addFlashAttribute("success", ConcurrentEdit.MESSAGE);
    }
    return "redirect:" + base(schoolId, concernId);
  }

  /** The formal notice to one contact with parental responsibility, as an accessible PDF. */
  @GetMapping("/schools/{schoolId}/concerns/{concernId}/notice/{contactId}.pdf")
  @Transactional
  ResponseEntity<byte[]> noticePdf(@PathVariable long schoolId, @PathVariable long concernId,
      @PathVariable long contactId) {
    Checked checked = check(schoolId, concernId);
    PupilContact contact = notice.recipients(checked.pupil().id()).stream().filter(c -> c.id() == contactId)
        .findFirst().orElseThrow(() -> new AccessRefused("contact " + contactId));
    SenSupportNotice.Letter letter = notice.letter(concernId, contact)
        .orElseThrow(() -> new AccessRefused("no SEN support notice for concern " + concernId));
    audit.record(AuditAction.EXPORT, "parent-notice", concernId, schoolId, "pdf for contact " + contactId);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sen-support-letter.pdf\"")
        .body(notice.pdf(letter));
  }

  @GetMapping("/schools/{schoolId}/concerns/{concernId}/discussion")
  String discussionForm(@PathVariable long schoolId, @PathVariable long concernId, Model model) {
    Checked checked = check(schoolId, concernId);
    model.addAttribute("discussionForm", new DiscussionForm(DateParts.of(null), null, null, null, null,
        checked.concern().version()));
    return fill(model, checked, "identification/discussion-form");
  }

  @PostMapping("/schools/{schoolId}/concerns/{concernId}/discussion")
  String recordDiscussion(@PathVariable long schoolId, @PathVariable long concernId,
      @Valid @ModelAttribute("discussionForm") DiscussionForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    Checked checked = check(schoolId, concernId);
    DateParts heldOn = form.heldOn() == null ? DateParts.of(null) : form.heldOn();
    heldOn.problem("the date of the discussion").ifPresent(m -> errors.rejectValue("heldOn", "date", m));
    LocalDate date = heldOn.toDate().orElse(null);
    if (date != null && date.isAfter(LocalDate.now(clock))) {
      errors.rejectValue("heldOn", "future", "The date of the discussion must be today or in the past");
    }
    if (checked.concern().status().equals(ConcernStatus.DECIDED.name())) {
      errors.reject("decided", "This concern has been decided: a discussion can no longer be added");
    }
    if (errors.hasErrors() || date == null) {
      return fill(model, checked, "identification/discussion-form");
    }
    try {
      triage.recordDiscussion(checked.concern(), permissions.current(), date, form);
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      return fill(model, checked, "identification/discussion-form");
    }
    flash.addFlashAttribute("success", "Discussion with the parents recorded.");
    return "redirect:" + base(schoolId, concernId);
  }

  @GetMapping("/schools/{schoolId}/concerns/{concernId}/decision")
  String decisionForm(@PathVariable long schoolId, @PathVariable long concernId, Model model) {
    Checked checked = check(schoolId, concernId);
    model.addAttribute("decisionForm", new DecisionForm(null, DateParts.of(null), null, null,
        checked.concern().version()));
    return fillDecision(model, checked);
  }

  @PostMapping("/schools/{schoolId}/concerns/{concernId}/decision")
  String decide(@PathVariable long schoolId, @PathVariable long concernId,
      @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    Checked checked = check(schoolId, concernId);
    ConcernDecision decision = form.decision() == null ? null
        : Arrays.stream(ConcernDecision.values()).filter(d -> d.name().equals(form.decision())).findFirst()
            .orElse(null);
    if (form.decision() != null && !form.decision().isBlank() && decision == null) {
      errors.rejectValue("decision", "unknown", "Select a decision from the list");
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate reviewOn = null;
    if (decision == ConcernDecision.MONITOR) {
      DateParts parts = form.reviewOn() == null ? DateParts.of(null) : form.reviewOn();
      parts.problem("the review date").ifPresent(m -> errors.rejectValue("reviewOn", "date", m));
      reviewOn = parts.toDate().orElse(null);
      if (reviewOn != null && !reviewOn.isAfter(today)) {
        errors.rejectValue("reviewOn", "past", "The review date must be in the future");
      }
    }
    if (decision == ConcernDecision.START_SEN_SUPPORT) {
      if (form.primaryNeed() == null || form.primaryNeed().isBlank()) {
        errors.rejectValue("primaryNeed", "required", "Select the pupil's primary need");
      }
      if (!checked.concern().status().equals(ConcernStatus.PARENT_DISCUSSION.name())) {
        errors.rejectValue("decision", "parents",
            "Record the discussion with the pupil's parents before starting SEN support");
      }
    }
    if (checked.concern().status().equals(ConcernStatus.DECIDED.name())) {
      errors.reject("decided", "This concern has already been decided");
    }
    if (errors.hasErrors() || decision == null) {
      return fillDecision(model, checked);
    }
    try {
      triage.decide(checked.concern(), decision, reviewOn, form.primaryNeed(), form.reason(), form.version());
    } catch (RegisterChangeRefused refused) {
      refused.violations().forEach(v -> errors.rejectValue(
          v.field().startsWith("needs") ? "primaryNeed" : "reason".equals(v.field()) ? "reason" : "decision",
          "register", v.message()));
      return fillDecision(model, checked);
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      return fillDecision(model, checked);
    }
    flash.addFlashAttribute("success", "Decision recorded: " + decision.title().toLowerCase(java.util.Locale.ROOT)
        + (decision == ConcernDecision.START_SEN_SUPPORT ? ". The register shows SEN support." : "."));
    return "redirect:" + base(schoolId, concernId);
  }

  private String fillDecision(Model model, Checked checked) {
    model.addAttribute("decisionOptions", Arrays.stream(ConcernDecision.values())
        .map(d -> new Option(d.name(), d.title())).toList());
    List<Option> needs = new ArrayList<>();
    needs.add(new Option("", "Select the primary need"));
    register.needTypesOn(LocalDate.now(clock)).forEach(n -> needs.add(new Option(n.code(), n.name() + " (" + n.code()
        + ")")));
    model.addAttribute("needOptions", needs);
    return fill(model, checked, "identification/decision-form");
  }

  private String fill(Model model, Checked checked, String view) {
    model.addAttribute("school", organisation.school(checked.concern().schoolId()).orElseThrow());
    model.addAttribute("pupil", checked.pupil());
    model.addAttribute("concern", checked.concern());
    return view;
  }
}
