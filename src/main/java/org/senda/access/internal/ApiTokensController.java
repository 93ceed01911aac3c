package org.senda.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Personal API tokens: create one (shown once, never again), see them all with when each was last used, and
 * revoke any. A new token is shown in the response to the form, not after a redirect, so that it is never kept in
 * the session.
 */
@Controller
class ApiTokensController {

  record ApiTokenForm(@Nullable String name, @Nullable String lifetimeDays) {}

  record TokenView(long id, String name, String prefix, String created, String expires, String lastUsed,
      String status, boolean active) {}

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

  private final Permissions permissions;
  private final ApiTokens tokens;
  private final Clock clock;

  ApiTokensController(Permissions permissions, ApiTokens tokens, Clock clock) {
    this.permissions = permissions;
    this.tokens = tokens;
    this.clock = clock;
  }

  @GetMapping("/account/api-tokens")
  String list(Model model) {
    SendaUser user = permissions.current();
    model.addAttribute("apiTokenForm", new ApiTokenForm("", "90"));
    return page(user, model);
  }

  @PostMapping("/account/api-tokens")
  String create(@ModelAttribute ApiTokenForm apiTokenForm, BindingResult errors, Model model,
      HttpServletRequest request) {
    SendaUser user = permissions.current();
    String name = apiTokenForm.name() == null ? "" : apiTokenForm.name().strip();
    if (name.isEmpty()) {
      errors.rejectValue("name", "missing", "Enter a name for the token");
    } else if (name.length() > 100) {
      errors.rejectValue("name", "long", "Name must be 100 characters or fewer");
    }
    String days = apiTokenForm.lifetimeDays() == null ? "" : apiTokenForm.lifetimeDays().strip();
    int lifetime = 0;
    if (days.isEmpty()) {
      errors.rejectValue("lifetimeDays", "missing", "Enter how many days the token should last");
    } else if (!days.matches("\\d{1,6}")) {
      errors.rejectValue("lifetimeDays", "number", "Number of days must be a whole number, like 90");
    } else {
      lifetime = Integer.parseInt(days);
      if (lifetime < 1 || lifetime > 365) {
        errors.rejectValue("lifetimeDays", "range", "Number of days must be between 1 and 365");
      }
    }
    if (errors.hasErrors()) {
      return page(user, model);
    }
    ApiTokens.IssuedToken issued = tokens.issueFor(user.accountId(), user.email(), name, Duration.ofDays(lifetime),
        request.getRemoteAddr());
    model.addAttribute("issued", issued);
    model.addAttribute("issuedExpires", DAY.format(issued.expiresAt().atZone(clock.getZone())));
    model.addAttribute("issuedName", name);
    model.addAttribute("apiTokenForm", new ApiTokenForm("", "90"));
    return page(user, model);
  }

  @PostMapping("/account/api-tokens/{tokenId}/revoke")
  String revoke(@PathVariable long tokenId, HttpServletRequest request, RedirectAttributes flash) {
    SendaUser user = permissions.current();
    if (!tokens.revoke(user.accountId(), user.email(), tokenId, request.getRemoteAddr())) {
      throw new AccessRefused("api token " + tokenId);
    }
    flash.addFlashAttribute("success", "Token revoked. It no longer works.");
    return "redirect:/account/api-tokens";
  }

  private String page(SendaUser user, Model model) {
    Instant now = clock.instant();
    List<TokenView> rows = tokens.of(user.accountId()).stream()
        .map(t -> new TokenView(t.id(), t.name(), t.prefix(), DAY.format(t.createdAt().atZone(clock.getZone())),
            DAY.format(t.expiresAt().atZone(clock.getZone())),
            t.lastUsedAt() == null ? "Never" : DAY_AND_TIME.format(t.lastUsedAt().atZone(clock.getZone()))
                .replace("AM", "am").replace("PM", "pm"),
            t.status(now), t.active(now)))
        .toList();
    model.addAttribute("tokens", rows);
    return "access/api-tokens";
  }
}
