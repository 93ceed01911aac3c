package org.senda.organisation.internal;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.organisation.Phase;
import org.senda.web.Option;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/** The school details form (adding a school and editing one) and its checks. */
@Component
class SchoolForms {

  record SchoolForm(String name, String urn, String dfeNumber, String phase, String localAuthority,
      String extraYears, Integer version) {

    static SchoolForm empty() {
      return new SchoolForm("", "", "", "", "", "NONE", 0);
    }

    static SchoolForm of(OrganisationPages.SchoolRecord school) {
      return new SchoolForm(school.name(), school.urn(), school.dfeNumber(), school.phase().name(),
          school.localAuthority(), "NONE", school.version());
    }
  }

  private final OrganisationPages pages;

  SchoolForms(OrganisationPages pages) {
    this.pages = pages;
  }

  static List<Option> phases() {
    return Arrays.stream(Phase.values()).map(p -> new Option(p.name(), p.title())).toList();
  }

  static List<Option> extraYears() {
    return List.of(new Option("NONE", "Neither"), new Option("NURSERY", "A nursery class"),
        new Option("SIXTH_FORM", "A sixth form"));
  }

  /** Checks the form; returns the details to save when there is no error. */
  OrganisationStore.@Nullable SchoolDetails check(SchoolForm form, BindingResult errors, long schoolId,
      boolean creating) {
    FormChecks.text(errors, "name", form.name(), 200, "Enter the name of the school",
        "The name of the school must be 200 characters or fewer");
    String urn = FormChecks.trim(form.urn());
    if (urn.isEmpty()) {
      FormChecks.reject(errors, "urn", form.urn(), "Enter the school's URN");
    } else if (!FormChecks.isUrn(urn)) {
      FormChecks.reject(errors, "urn", form.urn(), "The URN must be 6 digits, like 137294");
    } else if (pages.taken("urn", urn, schoolId)) {
      FormChecks.reject(errors, "urn", form.urn(), "Another school already has this URN");
    }
    var dfe = FormChecks.dfeNumber(form.dfeNumber());
    if (FormChecks.blank(form.dfeNumber())) {
      FormChecks.reject(errors, "dfeNumber", form.dfeNumber(), "Enter the school's DfE number");
    } else if (dfe.isEmpty()) {
      FormChecks.reject(errors, "dfeNumber", form.dfeNumber(),
          "The DfE number must be the 3-digit local authority code and the 4-digit establishment number, like 855/2143");
    } else if (pages.taken("dfe_number", dfe.get(), schoolId)) {
      FormChecks.reject(errors, "dfeNumber", form.dfeNumber(), "Another school already has this DfE number");
    }
    Phase phase = Arrays.stream(Phase.values()).filter(p -> p.name().equals(form.phase())).findFirst().orElse(null);
    if (phase == null) {
      FormChecks.reject(errors, "phase", form.phase(), "Select the phase of education");
    }
    FormChecks.text(errors, "localAuthority", form.localAuthority(), 100, "Enter the local authority",
        "The local authority must be 100 characters or fewer");
    if (creating && extraYears().stream().noneMatch(o -> o.value().equals(form.extraYears()))) {
      FormChecks.reject(errors, "extraYears", form.extraYears(),
          "Select whether the school has a nursery class or a sixth form");
    }
    if (!creating && form.version() == null) {
      errors.reject("version", org.senda.web.ConcurrentEdit.MESSAGE);
    }
    if (errors.hasErrors() || phase == null || dfe.isEmpty()) {
      return null;
    }
    return new OrganisationStore.SchoolDetails(form.name().trim(), urn, dfe.get(), phase,
        form.localAuthority().trim());
  }
}
