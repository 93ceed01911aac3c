package org.senda.pupils.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.PermissionMatrix;
import org.senda.access.SendaUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Shows the header's "Find a pupil" search on every page of a school in which the person may see pupils by name.
 * No query for staff whose role decides it; one for a person who may hold a grant.
 */
@ControllerAdvice(annotations = Controller.class)
class PupilSearchAdvice {

  private final AccessGrants grants;
  private final Clock clock;

  PupilSearchAdvice(AccessGrants grants, Clock clock) {
    this.grants = grants;
    this.clock = clock;
  }

  @ModelAttribute
  void pupilSearch(Model model, HttpServletRequest request) {
    // JSON answers have no header search.
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return;
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof SendaUser user)) {
      return;
    }
    Long schoolId = schoolInView(request);
    if (schoolId == null || user.rolesIn(schoolId).isEmpty()) {
      return;
    }
    var roles = user.rolesIn(schoolId);
    boolean sees = PermissionMatrix.grants(roles, Permission.VIEW_ALL_PUPILS)
        || PermissionMatrix.grants(roles, Permission.VIEW_OWN_PUPILS)
        || grants.active(user, schoolId, LocalDate.now(clock));
    if (sees) {
      model.addAttribute("pupilSearch", Boolean.TRUE);
    }
  }

  private static @Nullable Long schoolInView(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables instanceof Map<?, ?> map && map.get("schoolId") instanceof String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
