package org.senda.support.internal;

import java.io.IOException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilSummary;
import org.senda.web.ConcurrentEdit;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pupil passport: read by every adult who works with the pupil, written with the pupil by the SENCO. */
@Controller
class PassportController {

  static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg");
  static final long MAX_IMAGE_BYTES = 2 * 1024 * 1024;

  private final PassportService passports;
  private final Organisation organisation;
  private final Glossary glossary;

  PassportController(PassportService passports, Organisation organisation, Glossary glossary) {
    this.passports = passports;
    this.organisation = organisation;
    this.glossary = glossary;
  }

  @GetMapping("/schools/{schoolId}/pupils/{pupilId}/passport")
  String view(@PathVariable long schoolId, @PathVariable long pupilId,
      @RequestParam(required = false) @Nullable Integer version, Model model) {
    PassportService.Read read = passports.read(pupilId, version);
    read.pupil().requireSchool(schoolId);
    model.addAttribute("pupil", read.pupil());
    model.addAttribute("passport", read.passport().orElse(null));
    model.addAttribute("versions", read.versions());
    model.addAttribute("canWrite", passports.canWrite(read.pupil()));
    common(model, schoolId);
    return "support/passport";
  }

  @GetMapping("/schools/{schoolId}/pupils/{pupilId}/passport/edit")
  String edit(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = passports.requireWritable(pupilId).requireSchool(schoolId);
    return form(model, schoolId, pupil, PassportForm.of(passports.current(pupilId).orElse(null)));
  }

  @PostMapping("/schools/{schoolId}/pupils/{pupilId}/passport")
  String save(@PathVariable long schoolId, @PathVariable long pupilId, @ModelAttribute PassportForm passportForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    PupilSummary pupil = passports.requireWritable(pupilId).requireSchool(schoolId);
    if (passportForm.pupilContributedOn() != null && !passportForm.pupilContributedOn().isBlank()) {
      passportForm.pupilContributedOn().problem("the date the pupil last contributed")
          .ifPresent(m -> errors.rejectValue("pupilContributedOn", "date", m));
    }
    if (passportForm.text().isBlank()) {
      errors.reject("empty", "Write at least one section of the passport");
    }
    if (!errors.hasErrors()) {
      try {
        passports.save(pupilId, passportForm.version() == null ? 0 : passportForm.version(), passportForm.draft());
        flash.addFlashAttribute("success", "Passport saved");
        return "redirect:/schools/" + schoolId + "/pupils/" + pupilId + "/passport";
      } catch (OptimisticLockingFailureException e) {
        errors.reject("concurrent", ConcurrentEdit.MESSAGE);
        int latest = passports.current(pupilId).map(Passport::number).orElse(0);
        passportForm = new PassportForm(passportForm.likedAndAdmired(), passportForm.importantToMe(),
            passportForm.howBestToSupportMe(), passportForm.findHard(), passportForm.hopes(),
            passportForm.pupilContributedOn(), latest);
        model.addAttribute("latest", passports.current(pupilId).orElse(null));
      }
    }
    form(model, schoolId, pupil, passportForm);
    var shown = new org.springframework.validation.BeanPropertyBindingResult(passportForm, "passportForm");
    shown.addAllErrors(errors);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "passportForm", shown);
    return "support/passport-form";
  }

  @PostMapping("/schools/{schoolId}/pupils/{pupilId}/passport/check")
  String check(@PathVariable long schoolId, @PathVariable long pupilId, @ModelAttribute PassportForm passportForm,
      Model model) {
    model.addAttribute("plain", PlainLanguage.check(passportForm.text(), glossary.terms(schoolId)));
    model.addAttribute("checkUrl", "/schools/" + schoolId + "/pupils/" + pupilId + "/passport/check");
    return "support/passport-form :: plain";
  }

  @PostMapping("/schools/{schoolId}/pupils/{pupilId}/passport/images")
  String addImage(@PathVariable long schoolId, @PathVariable long pupilId, @RequestParam("image") MultipartFile image,
      @RequestParam(value = "altText", required = false) @Nullable String altText, RedirectAttributes flash)
      throws IOException {
    passports.requireWritable(pupilId).requireSchool(schoolId);
    String problem = null;
    if (image.isEmpty()) {
      problem = "Select a picture";
    } else if (!IMAGE_TYPES.contains(String.valueOf(image.getContentType())) || !isImage(image.getBytes())) {
      problem = "The picture must be a PNG or JPG";
    } else if (image.getSize() > MAX_IMAGE_BYTES) {
      problem = "The picture must be smaller than 2MB";
    } else if (altText == null || altText.isBlank()) {
      problem = "Describe what the picture shows, for people who cannot see it";
    }
    if (problem != null) {
      flash.addFlashAttribute("important", problem);
    } else {
      passports.addImage(pupilId, altText.strip(), image.getContentType(), image.getBytes());
      flash.addFlashAttribute("success", "Picture added");
    }
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId + "/passport";
  }

  @GetMapping("/support/passport-images/{imageId}")
  ResponseEntity<byte[]> image(@PathVariable long imageId) {
    PassportStore.ImageBytes image = passports.image(imageId);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
        .cacheControl(CacheControl.noStore()).body(image.bytes());
  }

  /** PNG or JPEG by their first bytes, whatever the browser said. */
  static boolean isImage(byte[] bytes) {
    boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N'
        && bytes[3] == 'G';
    boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
    return png || jpeg;
  }

  private String form(Model model, long schoolId, PupilSummary pupil, PassportForm form) {
    model.addAttribute("passportForm", form);
    model.addAttribute("pupil", pupil);
    model.addAttribute("plain", PlainLanguage.check(form.text(), glossary.terms(schoolId)));
    model.addAttribute("checkUrl", "/schools/" + schoolId + "/pupils/" + pupil.id() + "/passport/check");
    common(model, schoolId);
    return "support/passport-form";
  }

  private void common(Model model, long schoolId) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("schoolName", organisation.school(schoolId).orElseThrow().name());
  }

}
