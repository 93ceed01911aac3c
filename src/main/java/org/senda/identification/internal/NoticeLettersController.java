package org.senda.identification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.pupils.PostalAddress;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.Pupils;
import org.senda.web.ConcurrentEdit;
import org.senda.web.LetterPostedForm;
import org.senda.web.PostedDate;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * The SENCO's letters to post: the formal notice that SEN support has started, for each parent with parental
 * responsibility who has no email address (Children and Families Act 2014 s.68; Code of Practice 6.43). The school's
 * list of letters still to post, and recording the day a letter was posted. Like the concern it belongs to, only for
 * those who manage SEND in the school (403 otherwise; 404 outside their schools) and may see the pupil.
 */
@Controller
class NoticeLettersController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** Where the person came from, and goes back to once the letter is recorded as posted. */
  static final String FROM_LIST = "list";

  private final Permissions permissions;
  private final VisiblePupils visible;
  private final Concerns concerns;
  private final NoticeLetters letters;
  private final Pupils pupils;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  NoticeLettersController(Permissions permissions, VisiblePupils visible, Concerns concerns, NoticeLetters letters,
      Pupils pupils, Organisation organisation, Audit audit, Clock clock) {
    this.permissions = permissions;
    this.visible = visible;
    this.concerns = concerns;
    this.letters = letters;
    this.pupils = pupils;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  /** A row of the letters still to post, with the parent's postal address (null when the school has none). */
  record Row(NoticeLetters.ToPost toPost, PupilSummary pupil, @Nullable PostalAddress address) {}

  @GetMapping("/schools/{schoolId}/identification/letters")
  @Transactional
  String toPost(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    var canSee = visible.in(schoolId);
    List<NoticeLetters.ToPost> found = letters.toPost(schoolId);
    Map<Long, PupilSummary> byId = pupils.byIds(found.stream().map(l -> l.letter().pupilId()).distinct().toList());
    Map<Long, PostalAddress> addresses = pupils.addresses(found.stream().map(l -> l.letter().contactId())
        .filter(java.util.Objects::nonNull).toList());
    model.addAttribute("school", school(schoolId));
    model.addAttribute("rows", found.stream()
        .filter(l -> byId.containsKey(l.letter().pupilId()) && canSee.test(l.letter().pupilId()))
        .map(l -> new Row(l, byId.get(l.letter().pupilId()),
            l.letter().contactId() == null ? null : addresses.get(l.letter().contactId())))
        .toList());
    model.addAttribute("canEditContacts", permissions.can(schoolId, Permission.IMPORT_PUPILS));
    audit.record(AuditAction.VIEW, "parent-notice-letter", null, schoolId, "letters to post");
    return "identification/letters";
  }

  @GetMapping("/schools/{schoolId}/concerns/{concernId}/letters/{letterId}")
  @Transactional
  String postedForm(@PathVariable long schoolId, @PathVariable long concernId, @PathVariable long letterId,
      @RequestParam(required = false) @Nullable String from, Model model) {
    Checked checked = check(schoolId, concernId, letterId);
    NoticeLetters.Letter letter = checked.letter();
    audit.record(AuditAction.VIEW, "parent-notice-letter", letterId, schoolId, "concern " + concernId);
    model.addAttribute("postedForm", LetterPostedForm.of(letter.postedOn(), LocalDate.now(clock), letter.version()));
    return postedForm(model, checked, letter, from);
  }

  @PostMapping("/schools/{schoolId}/concerns/{concernId}/letters/{letterId}")
  String recordPosted(@PathVariable long schoolId, @PathVariable long concernId, @PathVariable long letterId,
      @RequestParam(required = false) @Nullable String from,
      @ModelAttribute("postedForm") LetterPostedForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    Checked checked = check(schoolId, concernId, letterId);
    NoticeLetters.Letter letter = checked.letter();
    LocalDate postedOn = new PostedDate(LocalDate.now(clock), letter.writtenOn(),
        DAY.format(letter.writtenOn()) + ", the day the letter was written").check(form, errors).orElse(null);
    if (postedOn == null) {
      return postedForm(model, checked, letter, from);
    }
    try {
      letters.recordPosted(letter, postedOn, form.version(), permissions.current());
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      // The form keeps the date typed; its hidden version is the letter's latest, so that saving again applies it.
      return postedForm(model, checked, check(schoolId, concernId, letterId).letter(), from);
    }
    flash.addFlashAttribute("success", "Letter to " + letter.parentName() + " recorded as posted on "
        + DAY.format(postedOn) + ".");
    return FROM_LIST.equals(from) ? "redirect:/schools/" + schoolId + "/identification/letters"
        : "redirect:/schools/" + schoolId + "/concerns/" + concernId;
  }

  private record Checked(Concerns.Concern concern, PupilSummary pupil, NoticeLetters.Letter letter) {}

  private Checked check(long schoolId, long concernId, long letterId) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    Concerns.Concern concern = concerns.find(concernId).filter(c -> c.schoolId() == schoolId)
        .orElseThrow(() -> new AccessRefused("concern " + concernId + " in school " + schoolId));
    PupilSummary pupil = visible.pupilIn(schoolId, concern.pupilId());
    NoticeLetters.Letter letter = letters.find(letterId)
        .filter(l -> l.concernId() == concernId && l.schoolId() == schoolId)
        .orElseThrow(() -> new AccessRefused("letter " + letterId + " of concern " + concernId));
    return new Checked(concern, pupil, letter);
  }

  private String postedForm(Model model, Checked checked, NoticeLetters.Letter letter, @Nullable String from) {
    model.addAttribute("school", school(checked.concern().schoolId()));
    model.addAttribute("pupil", checked.pupil());
    model.addAttribute("concern", checked.concern());
    model.addAttribute("letter", letter);
    model.addAttribute("from", FROM_LIST.equals(from) ? FROM_LIST : "");
    return "identification/letter-posted";
  }

  private SchoolSummary school(long schoolId) {
    return organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
  }
}
