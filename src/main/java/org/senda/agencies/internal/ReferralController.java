package org.senda.agencies.internal;

import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.ActionForbidden;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.pupils.PostalAddress;
import org.senda.pupils.PupilContact;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.Pupils;
import org.senda.web.ConcurrentEdit;
import org.senda.web.DateParts;
import org.senda.web.LetterPostedForm;
import org.senda.web.Option;
import org.senda.web.PostedDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SENCO's pages for referrals: the school's open referrals (with those waiting too long for an answer), writing
 * a referral from the pupil page, recording the parents' consent, moving the referral on (sending it emails the
 * parents their copy), and keeping the professional's report and advice.
 */
@Controller
class ReferralController {

  private final AgencyAccess access;
  private final AgencyDirectory directory;
  private final Referrals referrals;
  private final ReferralLetters letters;
  private final ReferralCopy copy;
  private final Pupils pupils;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;
  private final int overdueWeeks;

  ReferralController(AgencyAccess access, AgencyDirectory directory, Referrals referrals, ReferralLetters letters,
      ReferralCopy copy, Pupils pupils, Organisation organisation, Audit audit, Clock clock,
      @Value("${senda.agencies.overdue-weeks:6}") int overdueWeeks) {
    this.access = access;
    this.directory = directory;
    this.referrals = referrals;
    this.letters = letters;
    this.copy = copy;
    this.pupils = pupils;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
    this.overdueWeeks = overdueWeeks;
  }

  /** A row of the school's list of referrals. */
  record Row(Referrals.Referral referral, PupilSummary pupil, boolean overdue, long weeksWaiting) {}

  @GetMapping("/schools/{schoolId}/referrals")
  @Transactional
  String list(@PathVariable long schoolId, @RequestParam(required = false) @Nullable String status,
      @RequestParam(defaultValue = "false") boolean overdue, Model model) {
    access.requireSchoolReferrals(schoolId);
    ReferralStatus filter = ReferralStatus.parse(status).orElse(null);
    LocalDate today = LocalDate.now(clock);
    List<Referrals.Referral> found = referrals.inSchool(schoolId, filter);
    var byId = pupils.byIds(found.stream().map(Referrals.Referral::pupilId).distinct().toList());
    List<Row> rows = found.stream()
        .filter(r -> byId.containsKey(r.pupilId()))
        .map(r -> new Row(r, byId.get(r.pupilId()), r.overdue(today, overdueWeeks),
            r.sentOn() == null ? 0 : java.time.temporal.ChronoUnit.WEEKS.between(r.sentOn(), today)))
        .filter(r -> !overdue || r.overdue())
        .toList();
    model.addAttribute("school", school(schoolId));
    model.addAttribute("rows", rows);
    model.addAttribute("status", filter == null ? "" : filter.name());
    model.addAttribute("overdue", overdue);
    model.addAttribute("overdueWeeks", overdueWeeks);
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Open referrals"));
    Arrays.stream(ReferralStatus.values()).forEach(s -> options.add(new Option(s.name(), s.title())));
    model.addAttribute("statusOptions", options);
    audit.record(AuditAction.VIEW, "referral", null, schoolId,
        "list" + (filter == null ? "" : " " + filter.name()) + (overdue ? " overdue" : ""));
    return "agencies/referrals";
  }

  @GetMapping("/schools/{schoolId}/pupils/{pupilId}/referrals/new")
  String newForm(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = writable(schoolId, pupilId);
    model.addAttribute("referralForm", new ReferralForm(null, null, null));
    return referralForm(model, schoolId, pupil);
  }

  @PostMapping("/schools/{schoolId}/pupils/{pupilId}/referrals")
  String create(@PathVariable long schoolId, @PathVariable long pupilId,
      @Valid @ModelAttribute("referralForm") ReferralForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    PupilSummary pupil = writable(schoolId, pupilId);
    AgencyDirectory.Agency agency = agency(schoolId, form.agencyId()).orElse(null);
    if (agency == null && !errors.hasFieldErrors("agencyId")) {
      errors.rejectValue("agencyId", "unknown", "Select the service or professional from the list");
    }
    if (errors.hasErrors() || agency == null) {
      return referralForm(model, schoolId, pupil);
    }
    Referrals.Referral referral = referrals.create(pupil, access.current(), agency, form.reason(), form.questions(),
        null, false, LocalDate.now(clock));
    flash.addFlashAttribute("success", "Referral saved as a draft. Record the parents' consent before you send it.");
    return "redirect:" + base(schoolId, referral.id());
  }

  @GetMapping("/schools/{schoolId}/referrals/{referralId}")
  @Transactional
  String referral(@PathVariable long schoolId, @PathVariable long referralId, Model model) {
    Checked checked = readable(schoolId, referralId);
    audit.record(AuditAction.VIEW, "referral", referralId, schoolId, "pupil " + checked.pupil().id());
    model.addAttribute("history", referrals.history(referralId));
    model.addAttribute("reports", referrals.reports(referralId));
    model.addAttribute("letters", letters.ofReferral(referralId));
    model.addAttribute("canWrite", access.canWriteReferrals(schoolId));
    model.addAttribute("overdue", checked.referral().overdue(LocalDate.now(clock), overdueWeeks));
    model.addAttribute("overdueWeeks", overdueWeeks);
    return fill(model, checked, "agencies/referral");
  }

  /** The parents' copy as a PDF, as it was emailed to them. */
  @GetMapping("/schools/{schoolId}/referrals/{referralId}/copy.pdf")
  @Transactional
  ResponseEntity<byte[]> copyPdf(@PathVariable long schoolId, @PathVariable long referralId) {
    Checked checked = readable(schoolId, referralId);
    byte[] pdf = copy.pdf(checked.referral(), checked.pupil(), school(schoolId).name());
    audit.record(AuditAction.EXPORT, "referral", referralId, schoolId, "parents' copy PDF");
    return pdf(pdf, "referral-" + referralId + ".pdf");
  }

  /** The school's letters to parents without an email address that are still to post, for the SENCO. */
  @GetMapping("/schools/{schoolId}/referrals/letters")
  @Transactional
  String lettersToPost(@PathVariable long schoolId, Model model) {
    access.requireSchoolReferrals(schoolId);
    List<ReferralLetters.ToPost> found = letters.toPost(schoolId);
    var byId = pupils.byIds(found.stream().map(l -> l.letter().pupilId()).distinct().toList());
    var addresses = pupils.addresses(found.stream().map(l -> l.letter().contactId())
        .filter(java.util.Objects::nonNull).toList());
    model.addAttribute("school", school(schoolId));
    model.addAttribute("rows", found.stream().filter(l -> byId.containsKey(l.letter().pupilId()))
        .map(l -> new LetterRow(l, byId.get(l.letter().pupilId()),
            l.letter().contactId() == null ? null : addresses.get(l.letter().contactId()))).toList());
    model.addAttribute("canEditContacts", access.canEditContacts(schoolId));
    audit.record(AuditAction.VIEW, "referral-letter", null, schoolId, "letters to post");
    return "agencies/letters";
  }

  /** A row of the letters still to post, with the parent's postal address (null when the school has none). */
  record LetterRow(ReferralLetters.ToPost toPost, PupilSummary pupil, @Nullable PostalAddress address) {}

  /** The parents' copy as a letter addressed to one parent without an email address, to print and post. */
  @GetMapping("/schools/{schoolId}/referrals/{referralId}/letters/{letterId}.pdf")
  @Transactional
  ResponseEntity<byte[]> letterPdf(@PathVariable long schoolId, @PathVariable long referralId,
      @PathVariable long letterId) {
    Checked checked = readable(schoolId, referralId);
    ReferralLetters.Letter letter = letter(checked, letterId);
    // The parent's postal address as it is now (they may have moved since the referral was sent).
    PostalAddress address = letter.contactId() == null ? null
        : pupils.addresses(List.of(letter.contactId())).get(letter.contactId());
    byte[] pdf = copy.pdf(checked.referral(), checked.pupil(), school(schoolId).name(), letter.parentName(),
        address);
    audit.record(AuditAction.EXPORT, "referral-letter", letterId, schoolId, "referral " + referralId + " PDF");
    return pdf(pdf, "referral-" + referralId + "-letter-" + letterId + ".pdf");
  }

  @GetMapping("/schools/{schoolId}/referrals/{referralId}/letters/{letterId}")
  String postedForm(@PathVariable long schoolId, @PathVariable long referralId, @PathVariable long letterId,
      Model model) {
    Checked checked = writableReferral(schoolId, referralId);
    ReferralLetters.Letter letter = letter(checked, letterId);
    model.addAttribute("postedForm", LetterPostedForm.of(letter.postedOn(), LocalDate.now(clock), letter.version()));
    return postedForm(model, checked, letter);
  }

  @PostMapping("/schools/{schoolId}/referrals/{referralId}/letters/{letterId}")
  String recordPosted(@PathVariable long schoolId, @PathVariable long referralId, @PathVariable long letterId,
      @ModelAttribute("postedForm") LetterPostedForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    Checked checked = writableReferral(schoolId, referralId);
    ReferralLetters.Letter letter = letter(checked, letterId);
    LocalDate postedOn = new PostedDate(LocalDate.now(clock), checked.referral().sentOn(),
        "the day the referral was sent").check(form, errors).orElse(null);
    if (postedOn == null) {
      return postedForm(model, checked, letter);
    }
    try {
      letters.recordPosted(letter, postedOn, form.version(), access.current());
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      // The form keeps the date typed; its hidden version is the letter's latest, so that saving again applies it.
      return postedForm(model, checked, letter(checked, letterId));
    }
    flash.addFlashAttribute("success", "Letter to " + letter.parentName() + " recorded as posted.");
    return "redirect:" + base(schoolId, referralId);
  }

  @GetMapping("/schools/{schoolId}/referrals/{referralId}/consent")
  String consentForm(@PathVariable long schoolId, @PathVariable long referralId, Model model) {
    Checked checked = writableReferral(schoolId, referralId);
    Referrals.Referral r = checked.referral();
    String contact = r.consentContactId() != null ? String.valueOf(r.consentContactId())
        : r.hasConsent() ? ConsentForm.OTHER : null;
    model.addAttribute("consentForm", new ConsentForm(contact, r.consentGivenBy(), r.consentRelationship(),
        DateParts.of(r.consentOn()), r.consentHow() == null ? null : r.consentHow().name(),
        r.consentScope().stream().map(Enum::name).toList(), r.version()));
    return consentForm(model, checked);
  }

  @PostMapping("/schools/{schoolId}/referrals/{referralId}/consent")
  String recordConsent(@PathVariable long schoolId, @PathVariable long referralId,
      @ModelAttribute("consentForm") ConsentForm form, BindingResult errors, Model model, RedirectAttributes flash) {
    Checked checked = writableReferral(schoolId, referralId);
    List<PupilContact> parents = parents(checked.pupil().id());
    PupilContact contact = parents.stream().filter(c -> String.valueOf(c.id()).equals(form.contact())).findFirst()
        .orElse(null);
    if (form.contact() == null || form.contact().isBlank()) {
      errors.rejectValue("contact", "required", "Select who gave consent");
    } else if (contact == null && !ConsentForm.OTHER.equals(form.contact())) {
      errors.rejectValue("contact", "unknown", "Select who gave consent from the list");
    }
    String givenBy = contact != null ? contact.name() : form.givenBy();
    String relationship = contact != null ? contact.relationship() : form.relationship();
    DateParts givenOn = form.givenOn() == null ? DateParts.of(null) : form.givenOn();
    Optional<String> dateProblem = givenOn.problem("the date consent was given");
    List<ReferralInvalid.Problem> problems = ConsentRule.check(
        ConsentForm.OTHER.equals(form.contact()) || contact != null ? givenBy : "-",
        ConsentForm.OTHER.equals(form.contact()) || contact != null ? relationship : "-",
        givenOn.toDate().orElse(null), form.how(), form.scopeOrEmpty(), LocalDate.now(clock));
    for (ReferralInvalid.Problem p : problems) {
      String field = p.field().substring("consent.".length());
      if ("givenOn".equals(field) && dateProblem.isPresent()) {
        errors.rejectValue("givenOn", "date", dateProblem.get());
      } else {
        errors.rejectValue(field, "consent", p.message());
      }
    }
    if (errors.hasErrors()) {
      return consentForm(model, checked);
    }
    ConsentRule.Given given = new ConsentRule.Given(contact == null ? null : contact.id(), givenBy, relationship,
        givenOn.toDate().orElseThrow(), Consent.How.valueOf(form.how()),
        form.scopeOrEmpty().stream().map(Consent.Scope::valueOf).collect(java.util.stream.Collectors.toSet()));
    try {
      referrals.recordConsent(checked.referral(), given, form.version(), access.current());
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      return consentForm(model, writableReferral(schoolId, referralId));
    } catch (ReferralInvalid invalid) {
      invalid.problems().forEach(p -> errors.reject(p.field(), p.message()));
      return consentForm(model, checked);
    }
    flash.addFlashAttribute("success", "Parents' consent recorded.");
    return "redirect:" + base(schoolId, referralId);
  }

  @GetMapping("/schools/{schoolId}/referrals/{referralId}/status")
  String statusForm(@PathVariable long schoolId, @PathVariable long referralId, Model model) {
    Checked checked = writableReferral(schoolId, referralId);
    model.addAttribute("statusForm", new StatusForm(null, DateParts.of(LocalDate.now(clock)), null,
        checked.referral().version()));
    return statusForm(model, checked);
  }

  @PostMapping("/schools/{schoolId}/referrals/{referralId}/status")
  String changeStatus(@PathVariable long schoolId, @PathVariable long referralId,
      @ModelAttribute("statusForm") StatusForm form, BindingResult errors, Model model, RedirectAttributes flash) {
    Checked checked = writableReferral(schoolId, referralId);
    ReferralStatus to = ReferralStatus.parse(form.status()).orElse(null);
    if (to == null) {
      errors.rejectValue("status", "required", "Select the new status");
    }
    DateParts on = form.changedOn() == null ? DateParts.of(null) : form.changedOn();
    on.problem("the date").ifPresent(m -> errors.rejectValue("changedOn", "date", m));
    if (form.note() != null && form.note().length() > 1000) {
      errors.rejectValue("note", "size", "The note must be 1000 characters or fewer");
    }
    if (errors.hasErrors() || to == null) {
      return statusForm(model, checked);
    }
    try {
      referrals.changeStatus(checked.referral(), to, on.toDate().orElseThrow(), form.note(), form.version(),
          access.current());
    } catch (ReferralInvalid invalid) {
      invalid.problems().forEach(p -> errors.rejectValue(
          "changedOn".equals(p.field()) ? "changedOn" : "status", p.field(), p.message()));
      return statusForm(model, checked);
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      return statusForm(model, writableReferral(schoolId, referralId));
    }
    flash.addFlashAttribute("success", to == ReferralStatus.SENT
        ? "Referral marked as sent. The parents are being emailed a copy; those without an email address get a letter to post."
        : "Referral marked as " + to.title().toLowerCase(java.util.Locale.ROOT) + ".");
    return "redirect:" + base(schoolId, referralId);
  }

  @GetMapping("/schools/{schoolId}/referrals/{referralId}/reports/new")
  String reportForm(@PathVariable long schoolId, @PathVariable long referralId, Model model) {
    Checked checked = writableReferral(schoolId, referralId);
    model.addAttribute("reportForm", new ReportForm(DateParts.of(null), null, null));
    return reportForm(model, checked);
  }

  @PostMapping("/schools/{schoolId}/referrals/{referralId}/reports")
  String addReport(@PathVariable long schoolId, @PathVariable long referralId,
      @ModelAttribute("reportForm") ReportForm form, BindingResult errors, Model model, RedirectAttributes flash)
      throws IOException {
    Checked checked = writableReferral(schoolId, referralId);
    DateParts received = form.receivedOn() == null ? DateParts.of(null) : form.receivedOn();
    received.problem("the date the report or advice was received")
        .ifPresent(m -> errors.rejectValue("receivedOn", "date", m));
    LocalDate receivedOn = received.toDate().orElse(null);
    if (receivedOn != null && receivedOn.isAfter(LocalDate.now(clock))) {
      errors.rejectValue("receivedOn", "future", "The date received must be today or in the past");
    }
    if (form.adviceSummary() == null || form.adviceSummary().isBlank()) {
      errors.rejectValue("adviceSummary", "required", "Enter a summary of the professional's advice");
    } else if (form.adviceSummary().length() > 4000) {
      errors.rejectValue("adviceSummary", "size", "The summary must be 4000 characters or fewer");
    }
    byte[] bytes = null;
    String filename = null;
    MultipartFile file = form.file();
    if (file != null && !file.isEmpty()) {
      bytes = file.getBytes();
      ReportFiles.problem(bytes).ifPresent(m -> errors.rejectValue("file", "file", m));
      filename = safeName(file.getOriginalFilename());
    }
    if (errors.hasErrors() || receivedOn == null) {
      return reportForm(model, checked);
    }
    referrals.addReport(checked.referral(), receivedOn, form.adviceSummary(), filename, bytes, access.current());
    flash.addFlashAttribute("success", bytes == null ? "Advice recorded." : "Report and advice recorded.");
    return "redirect:" + base(schoolId, referralId);
  }

  /** A professional's report: only for those who see every pupil of the school and may see this pupil. */
  @GetMapping("/schools/{schoolId}/referral-reports/{reportId}")
  @Transactional
  ResponseEntity<byte[]> report(@PathVariable long schoolId, @PathVariable long reportId) {
    access.requireSchoolReferrals(schoolId);
    Referrals.ReportFile file = referrals.reportFile(reportId).filter(f -> f.schoolId() == schoolId)
        .orElseThrow(() -> new AccessRefused("report " + reportId));
    access.requireReferralRead(file.pupilId());
    audit.record(AuditAction.EXPORT, "referral-report", reportId, schoolId, "pupil " + file.pupilId());
    return pdf(file.bytes(), file.filename());
  }

  private record Checked(Referrals.Referral referral, PupilSummary pupil) {}

  private Checked readable(long schoolId, long referralId) {
    access.requireSchoolReferrals(schoolId);
    Referrals.Referral referral = referrals.find(referralId).filter(r -> r.schoolId() == schoolId)
        .orElseThrow(() -> new AccessRefused("referral " + referralId + " in school " + schoolId));
    return new Checked(referral, access.requireReferralRead(referral.pupilId()));
  }

  private Checked writableReferral(long schoolId, long referralId) {
    Checked checked = readable(schoolId, referralId);
    if (!access.canWriteReferrals(schoolId)) {
      throw new ActionForbidden("referral " + referralId);
    }
    return checked;
  }

  private PupilSummary writable(long schoolId, long pupilId) {
    access.requireSchoolReferrals(schoolId);
    PupilSummary pupil = access.requireReferralWrite(pupilId);
    return pupil.requireSchool(schoolId);
  }

  private Optional<AgencyDirectory.Agency> agency(long schoolId, @Nullable String agencyId) {
    if (agencyId == null || !agencyId.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    long trustId = school(schoolId).trustId();
    return directory.find(Long.parseLong(agencyId)).filter(a -> a.active() && a.visibleIn(schoolId, trustId));
  }

  private List<PupilContact> parents(long pupilId) {
    return pupils.contacts(pupilId).stream().filter(PupilContact::parentalResponsibility).toList();
  }

  private String referralForm(Model model, long schoolId, PupilSummary pupil) {
    SchoolSummary school = school(schoolId);
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Select the service or professional"));
    directory.list(schoolId, school.trustId(), null, false)
        .forEach(a -> options.add(new Option(String.valueOf(a.id()), a.serviceTypeTitle() + ": " + a.label())));
    model.addAttribute("agencyOptions", options);
    model.addAttribute("school", school);
    model.addAttribute("pupil", pupil);
    return "agencies/referral-form";
  }

  private String consentForm(Model model, Checked checked) {
    List<Option> who = new ArrayList<>();
    parents(checked.pupil().id()).forEach(c -> who.add(new Option(String.valueOf(c.id()),
        c.name() + " (" + c.relationship() + ")")));
    who.add(new Option(ConsentForm.OTHER, "Someone else with parental responsibility"));
    model.addAttribute("whoOptions", who);
    model.addAttribute("howOptions", Arrays.stream(Consent.How.values()).map(h -> new Option(h.name(), h.title()))
        .toList());
    model.addAttribute("scopeOptions", Arrays.stream(Consent.Scope.values())
        .map(s -> new Option(s.name(), s.title())).toList());
    return fill(model, checked, "agencies/consent-form");
  }

  private ReferralLetters.Letter letter(Checked checked, long letterId) {
    return letters.find(letterId).filter(l -> l.referralId() == checked.referral().id())
        .orElseThrow(() -> new AccessRefused("letter " + letterId + " of referral " + checked.referral().id()));
  }

  private String postedForm(Model model, Checked checked, ReferralLetters.Letter letter) {
    model.addAttribute("letter", letter);
    return fill(model, checked, "agencies/letter-posted");
  }

  private String statusForm(Model model, Checked checked) {
    model.addAttribute("statusOptions", checked.referral().nextStatuses().stream()
        .map(s -> new Option(s.name(), s.title())).toList());
    return fill(model, checked, "agencies/status-form");
  }

  private String reportForm(Model model, Checked checked) {
    model.addAttribute("maxMegabytes", ReportFiles.MAX_BYTES / (1024 * 1024));
    return fill(model, checked, "agencies/report-form");
  }

  private String fill(Model model, Checked checked, String view) {
    model.addAttribute("school", school(checked.referral().schoolId()));
    model.addAttribute("pupil", checked.pupil());
    model.addAttribute("referral", checked.referral());
    return view;
  }

  private SchoolSummary school(long schoolId) {
    return organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
  }

  private static String base(long schoolId, long referralId) {
    return "/schools/" + schoolId + "/referrals/" + referralId;
  }

  static String safeName(@Nullable String name) {
    String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
    base = base.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
    if (base.isEmpty()) {
      base = "report.pdf";
    }
    return base.length() > 200 ? base.substring(base.length() - 200) : base;
  }

  private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename.replace("\"", "") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(bytes);
  }
}
