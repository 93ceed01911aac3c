package org.senda.web.internal;

import org.senda.access.Permissions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The school switcher and the accessibility statement (the start page, "/", belongs to organisation). */
@Controller
class HomeController {

  private final Permissions permissions;

  HomeController(Permissions permissions) {
    this.permissions = permissions;
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
