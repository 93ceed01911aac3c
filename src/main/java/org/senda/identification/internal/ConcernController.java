package org.senda.identification.internal;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import org.senda.access.Permissions;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilSummary;
import org.senda.web.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Raising a cause for concern from the pupil page, and reading it. */
@Controller
class ConcernController {

  private final Permissions permissions;
  private final VisiblePupils visible;
  private final Concerns concerns;
  private final Organisation organisation;

  ConcernController(Permissions permissions, VisiblePupils visible, Concerns concerns, Organisation organisation) {
    this.permissions = permissions;
    this.visible = visible;
    this.concerns = concerns;
    this.organisation = organisation;
  }

  @GetMapping("/schools/{schoolId}/pupils/{pupilId}/concerns/new")
  String form(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = pupilIn(schoolId, pupilId);
    model.addAttribute("concernForm", new ConcernForm(List.of(), null, null, null));
    return fill(model, schoolId, pupil);
  }

  @PostMapping("/schools/{schoolId}/pupils/{pupilId}/concerns")
  String raise(
      @PathVariable long schoolId, @PathVariable long pupilId, @Valid @ModelAttribute("concernForm") ConcernForm form,
      BindingResult errors, Model model, RedirectAttributes flash) {
    PupilSummary pupil = pupilIn(schoolId, pupilId);
    if (errors.hasErrors()) {
      return fill(model, schoolId, pupil);
    }
    concerns.raise(pupil, permissions.current(), form);
    flash.addFlashAttribute("success", "Cause for concern raised. The SENCO has been told.");
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId;
  }

  private PupilSummary pupilIn(long schoolId, long pupilId) {
    return visible.pupilIn(schoolId, pupilId);
  }

  private String fill(Model model, long schoolId, PupilSummary pupil) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("pupil", pupil);
    model.addAttribute("areaOptions", Arrays.stream(AreaOfConcern.values())
        .map(a -> new Option(a.name(), a.title()))
        .toList());
    return "identification/concern-form";
  }
}
