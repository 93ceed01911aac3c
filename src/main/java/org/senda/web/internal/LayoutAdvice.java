package org.senda.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.SendaUser;
import org.senda.web.Navigation;
import org.senda.web.NavigationItem;
import org.senda.web.SchoolChoices;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts what the layout needs into every page's model: the signed-in person, the schools they can switch between,
 * the school in view (the {@code schoolId} path variable) and the navigation links of every module.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

  private final SchoolChoices schools;
  private final List<Navigation> navigation;

  LayoutAdvice(SchoolChoices schools, List<Navigation> navigation) {
    this.schools = schools;
    this.navigation = navigation.stream().sorted(Comparator.comparingInt(Navigation::order)).toList();
  }

  @ModelAttribute
  void layout(Model model, HttpServletRequest request) {
    // @RestController is a @Controller too: JSON answers need no layout, so they skip its queries.
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return;
    }
    SendaUser user = signedIn();
    if (user == null) {
      return;
    }
    Long schoolId = schoolInView(request);
    if (schoolId != null && user.rolesIn(schoolId).isEmpty()) {
      schoolId = null;
    }
    model.addAttribute("currentUser", user);
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("visibleSchools", schools.visibleTo(user));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    List<NavigationItem> items = new ArrayList<>();
    for (Navigation module : navigation) {
      items.addAll(module.items(user, schoolId, path));
    }
    model.addAttribute("navigation", items);
  }

  static @Nullable SendaUser signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof SendaUser user
        && authentication.getAuthorities().stream().anyMatch(a -> "SIGNED_IN".equals(a.getAuthority()))) {
      return user;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
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
