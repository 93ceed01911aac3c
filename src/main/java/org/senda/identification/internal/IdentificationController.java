package org.senda.identification.internal;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.identification.ProgressCriterion;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.pupils.PupilSummary;
import org.senda.web.Option;
import org.senda.web.Pagination;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SENCO's identification page: who is flagged and why, with each flag explained and dismissible. */
@Controller
@RequestMapping("/schools/{schoolId}/identification")
class IdentificationController {

  /** Flagged pupils per page: a large school has hundreds, and the filters narrow them further. */
  static final int PAGE_SIZE = 50;

  private final Permissions permissions;
  private final VisiblePupils visible;
  private final ProgressFlags flags;
  private final FlagDismissals dismissals;
  private final AssessmentSetup setup;
  private final Organisation organisation;
  private final Standings standings;
  private final NoticeLetters letters;
  private final Audit audit;

  IdentificationController(
      Permissions permissions, VisiblePupils visible, ProgressFlags flags, FlagDismissals dismissals,
      AssessmentSetup setup, Organisation organisation, Standings standings, NoticeLetters letters, Audit audit) {
    this.permissions = permissions;
    this.visible = visible;
    this.flags = flags;
    this.dismissals = dismissals;
    this.setup = setup;
    this.organisation = organisation;
    this.standings = standings;
    this.letters = letters;
    this.audit = audit;
  }

  @GetMapping
  String page(@PathVariable long schoolId, @ModelAttribute("filter") IdentificationFilter filter, Model model) {
    var canSee = visible.in(schoolId);
    SchoolSummary school = organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
    Set<String> dismissed = dismissals.of(schoolId);
    List<ProgressFlags.Flag> flagged = flags.flags(
        schoolId, permissions.current().trustSchoolIds(), filter.subjectOrNull(), canSee);
    // Read on every view: a pupil's place on the register, their plan's review and their concerns change no flag.
    Map<Long, Standings.Standing> standing = flagged.isEmpty() ? Map.of() : standings.of(schoolId);
    List<FlaggedPupil> rows = new ArrayList<>();
    for (ProgressFlags.Flag flag : flagged) {
      String point = flag.explanation().points().getLast();
      Standings.Standing stands = standing.getOrDefault(flag.pupilId(), Standings.Standing.NONE);
      if (filter.matches(flag, stands)
          && !dismissed.contains(FlagDismissals.key(flag.pupilId(), flag.subject(), point))) {
        rows.add(new FlaggedPupil(flag, stands));
      }
    }
    audit.record(AuditAction.VIEW, "progress-flags", null, schoolId, "identification page");
    List<Option> subjects = new ArrayList<>(List.of(new Option("", "All subjects")));
    setup.subjects(schoolId).values().forEach(s -> subjects.add(new Option(s.code(), s.name())));
    List<Option> criteria = new ArrayList<>(List.of(new Option("", "All criteria")));
    Arrays.stream(ProgressCriterion.values()).forEach(c -> criteria.add(new Option(c.name(), c.title())));
    List<Option> yearGroups = new ArrayList<>(List.of(new Option("", "All year groups")));
    organisation.yearGroups(schoolId).forEach(y -> yearGroups.add(new Option(y.name(), y.name())));
    model.addAttribute("school", school);
    boolean canManage = permissions.can(schoolId, Permission.MANAGE_SEND);
    model.addAttribute("canManage", canManage);
    // The SENCO's reminder of the SEN support notices still to post to parents without an email address.
    model.addAttribute("lettersToPost", canManage ? letters.countToPost(schoolId) : 0);
    int pages = Pagination.pages(rows.size(), PAGE_SIZE);
    int current = Pagination.current(filter.page(), pages);
    List<FlaggedPupil> shown = rows.subList((current - 1) * PAGE_SIZE, Math.min(rows.size(), current * PAGE_SIZE));
    model.addAttribute("flagged", rows.size());
    model.addAttribute("firstShown", (current - 1) * PAGE_SIZE + 1);
    model.addAttribute("rows", shown);
    model.addAttribute("pagination", Pagination.of(current, pages, n -> filter.href(schoolId, n)));
    model.addAttribute("subjectOptions", subjects);
    model.addAttribute("criterionOptions", criteria);
    model.addAttribute("yearGroupOptions", yearGroups);
    model.addAttribute("ealOptions", List.of(new Option("", "All pupils"), new Option("yes", "EAL only"),
        new Option("no", "Not EAL")));
    model.addAttribute("registerOptions", IdentificationFilter.REGISTER_OPTIONS);
    return "identification/flags";
  }

  /** A row of the page: the flag, and where the pupil stands on the register and with their plan and concerns. */
  record FlaggedPupil(ProgressFlags.Flag flag, Standings.Standing standing) {}

  @GetMapping("/pupils/{pupilId}/{subject}")
  String explanation(
      @PathVariable long schoolId, @PathVariable long pupilId, @PathVariable String subject, Model model) {
    PupilSummary pupil = pupilIn(schoolId, pupilId);
    ProgressFlags.Flag flag = flags.explain(schoolId, permissions.current().trustSchoolIds(), subject, pupilId)
        .orElseThrow(() -> new AccessRefused("no scores for pupil " + pupilId + " in " + subject));
    audit.record(AuditAction.VIEW, "progress-flag", pupilId, schoolId, subject);
    if (!model.containsAttribute("dismissForm")) {
      model.addAttribute("dismissForm", new DismissForm(null, flag.explanation().points().getLast()));
    }
    fill(model, schoolId, pupil, flag);
    return "identification/explanation";
  }

  @PostMapping("/pupils/{pupilId}/{subject}/dismiss")
  String dismiss(
      @PathVariable long schoolId, @PathVariable long pupilId, @PathVariable String subject,
      @Valid @ModelAttribute("dismissForm") DismissForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = pupilIn(schoolId, pupilId);
    ProgressFlags.Flag flag = flags.explain(schoolId, permissions.current().trustSchoolIds(), subject, pupilId)
        .orElseThrow(() -> new AccessRefused("no scores for pupil " + pupilId + " in " + subject));
    String point = flag.explanation().points().getLast();
    if (errors.hasErrors()) {
      fill(model, schoolId, pupil, flag);
      return "identification/explanation";
    }
    dismissals.dismiss(schoolId, flag, point, java.util.Objects.requireNonNull(form.reason()),
        permissions.current().email());
    flash.addFlashAttribute("success", "Flag dismissed for " + pupil.name() + " in " + subject);
    return "redirect:/schools/" + schoolId + "/identification";
  }

  private PupilSummary pupilIn(long schoolId, long pupilId) {
    return visible.pupilIn(schoolId, pupilId);
  }

  private void fill(Model model, long schoolId, PupilSummary pupil, ProgressFlags.Flag flag) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("pupil", pupil);
    model.addAttribute("flag", flag);
    model.addAttribute("dismissal", flag.criteria().isEmpty() ? null
        : dismissals.of(schoolId, pupil.id(), flag.subject(), flag.explanation().points().getLast()).orElse(null));
    model.addAttribute("chart", ProgressChart.svg("chart-" + flag.subject(),
        pupil.name() + ": " + flag.subject() + " scores against the year group median", flag.explanation()));
    model.addAttribute("canManage", permissions.can(schoolId, Permission.MANAGE_SEND));
  }
}
