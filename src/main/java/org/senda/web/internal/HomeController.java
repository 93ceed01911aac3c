package org.senda.web.internal;

import java.util.List;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The start page after sign-in, the school switcher and the accessibility statement. */
@Controller
class HomeController {

  private final Permissions permissions;
  private final Organisation organisation;

  HomeController(Permissions permissions, Organisation organisation) {
    this.permissions = permissions;
    this.organisation = organisation;
  }

  @GetMapping("/")
  String home(Model model) {
    SendaUser user = permissions.current();
    List<SchoolSummary> schools = organisation.schools(user.visibleSchoolIds());
    if (schools.size() == 1 && user.trustRoles().isEmpty()) {
      return "redirect:/schools/" + schools.getFirst().id();
    }
    model.addAttribute("schools", schools);
    model.addAttribute("trustName", organisation.trustName(user.trustId()).orElse(""));
    return "web/home";
  }

  /** The school switcher in the header: a plain GET form, so it works without JavaScript. */
  @GetMapping("/schools/switch")
  String switchSchool(@RequestParam long schoolId) {
    permissions.requireSchool(schoolId);
    return "redirect:/schools/" + schoolId;
  }

  @GetMapping("/accessibility")
  String accessibility() {
    return "web/accessibility";
  }
}
