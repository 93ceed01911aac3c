package org.senda.support.internal;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.organisation.Organisation;
import org.senda.web.ConcurrentEdit;
import org.senda.web.Option;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Support settings: the plans' name, the review interval, meetings a year, and the school's glossary terms. */
@Controller
@RequestMapping("/schools/{schoolId}/support/settings")
class SupportSettingsController {

  static final List<Option> INTERVALS = Arrays.stream(ReviewInterval.values())
      .map(i -> new Option(i.name(), i.title())).toList();

  private final SupportSettingsService service;
  private final Organisation organisation;

  SupportSettingsController(SupportSettingsService service, Organisation organisation) {
    this.service = service;
    this.organisation = organisation;
  }

  @GetMapping
  String page(@PathVariable long schoolId, Model model) {
    return page(model, schoolId, SettingsForm.of(service.settings(schoolId)), null, TermForm.empty(), null);
  }

  @PostMapping
  String save(@PathVariable long schoolId, @ModelAttribute SettingsForm settingsForm, BindingResult errors,
      Model model, RedirectAttributes flash) {
    service.require(schoolId);
    settingsForm.reject(errors);
    if (!errors.hasErrors()) {
      try {
        service.save(schoolId, settingsForm.version() == null ? -1 : settingsForm.version(),
            settingsForm.planName(), settingsForm.interval(), settingsForm.meetings());
        flash.addFlashAttribute("success", "Settings saved");
        return "redirect:/schools/" + schoolId + "/support/settings";
      } catch (OptimisticLockingFailureException e) {
        errors.reject("concurrent", ConcurrentEdit.MESSAGE);
        SupportSettings.Settings latest = service.settings(schoolId);
        model.addAttribute("latest", latest);
        settingsForm = new SettingsForm(settingsForm.planName(), settingsForm.reviewInterval(),
            settingsForm.meetingsPerYear(), latest.version());
      }
    }
    return page(model, schoolId, settingsForm, errors, TermForm.empty(), null);
  }

  @PostMapping("/terms")
  String addTerm(@PathVariable long schoolId, @ModelAttribute TermForm termForm, BindingResult errors, Model model,
      RedirectAttributes flash) {
    service.require(schoolId);
    termForm.reject(errors);
    if (!errors.hasErrors()) {
      if (service.add(schoolId, termForm.term(), termForm.suggestion())) {
        flash.addFlashAttribute("success", "Term added to your glossary");
        return "redirect:/schools/" + schoolId + "/support/settings";
      }
      errors.rejectValue("term", "duplicate", "Your glossary already has this term: change it instead");
    }
    return page(model, schoolId, SettingsForm.of(service.settings(schoolId)), null, termForm, errors);
  }

  @GetMapping("/terms/{termId}")
  String editTerm(@PathVariable long schoolId, @PathVariable long termId, Model model) {
    Glossary.Entry entry = service.term(schoolId, termId);
    return termPage(model, schoolId, entry, new TermForm(entry.term(), entry.suggestion(), entry.version()), null);
  }

  @PostMapping("/terms/{termId}")
  String updateTerm(@PathVariable long schoolId, @PathVariable long termId, @ModelAttribute TermForm termForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    Glossary.Entry entry = service.term(schoolId, termId);
    termForm.reject(errors);
    if (!errors.hasErrors()) {
      try {
        if (service.update(schoolId, termId, termForm.version() == null ? -1 : termForm.version(), termForm.term(),
            termForm.suggestion())) {
          flash.addFlashAttribute("success", "Term changed");
          return "redirect:/schools/" + schoolId + "/support/settings";
        }
        errors.rejectValue("term", "duplicate", "Your glossary already has this term");
      } catch (OptimisticLockingFailureException e) {
        errors.reject("concurrent", ConcurrentEdit.MESSAGE);
        Glossary.Entry latest = service.term(schoolId, termId);
        model.addAttribute("latest", latest);
        termForm = new TermForm(termForm.term(), termForm.suggestion(), latest.version());
      }
    }
    return termPage(model, schoolId, entry, termForm, errors);
  }

  @PostMapping("/terms/{termId}/remove")
  String removeTerm(@PathVariable long schoolId, @PathVariable long termId,
      @RequestParam(required = false) @Nullable Integer version, RedirectAttributes flash) {
    Glossary.Entry entry = service.term(schoolId, termId);
    try {
      service.remove(schoolId, termId, version == null ? -1 : version);
      flash.addFlashAttribute("success", "‘" + entry.term() + "’ removed from your glossary");
    } catch (OptimisticLockingFailureException e) {
      flash.addFlashAttribute("important", ConcurrentEdit.MESSAGE);
    }
    return "redirect:/schools/" + schoolId + "/support/settings";
  }

  private String page(Model model, long schoolId, SettingsForm settingsForm, @Nullable BindingResult settingsErrors,
      TermForm termForm, @Nullable BindingResult termErrors) {
    model.addAttribute("settingsForm", settingsForm);
    keepErrors(model, "settingsForm", settingsForm, settingsErrors);
    model.addAttribute("termForm", termForm);
    keepErrors(model, "termForm", termForm, termErrors);
    List<Glossary.Entry> entries = service.terms(schoolId);
    model.addAttribute("schoolTerms", entries.stream().filter(e -> e.schoolId() != null).toList());
    model.addAttribute("sendaTerms", entries.stream().filter(e -> e.schoolId() == null).toList());
    model.addAttribute("intervals", INTERVALS);
    common(model, schoolId);
    return "support/settings";
  }

  private String termPage(Model model, long schoolId, Glossary.Entry entry, TermForm form,
      @Nullable BindingResult errors) {
    model.addAttribute("entry", entry);
    model.addAttribute("termForm", form);
    keepErrors(model, "termForm", form, errors);
    common(model, schoolId);
    return "support/term-form";
  }

  private static void keepErrors(Model model, String name, Object form, @Nullable BindingResult errors) {
    if (errors != null) {
      var shown = new BeanPropertyBindingResult(form, name);
      shown.addAllErrors(errors);
      model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, shown);
    }
  }

  private void common(Model model, long schoolId) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("schoolName", organisation.school(schoolId).orElseThrow().name());
  }
}
