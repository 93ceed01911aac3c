package org.senda.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "I have forgotten my password": ask for a link by email (the answer is the same whether or not the address has
 * an account), then choose a new password through the link. Invitations use the same link page.
 */
@Controller
class PasswordResetController {

  record ResetRequestForm(@Nullable String email) {}

  record NewPasswordForm(@Nullable String password, @Nullable String confirmation) {}

  private final PasswordResets resets;

  PasswordResetController(PasswordResets resets) {
    this.resets = resets;
  }

  @GetMapping("/password-reset")
  String form(Model model) {
    model.addAttribute("resetRequestForm", new ResetRequestForm(""));
    return "access/password-reset";
  }

  @PostMapping("/password-reset")
  String request(@ModelAttribute ResetRequestForm resetRequestForm, BindingResult errors,
      HttpServletRequest request) {
    String email = resetRequestForm.email() == null ? "" : resetRequestForm.email().strip();
    if (email.isEmpty()) {
      errors.rejectValue("email", "missing", "Enter your email address");
    } else if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
      errors.rejectValue("email", "format", "Enter an email address in the correct format, like name@example.com");
    }
    if (errors.hasErrors()) {
      return "access/password-reset";
    }
    resets.request(email, request.getRemoteAddr());
    return "redirect:/password-reset/sent";
  }

  @GetMapping("/password-reset/sent")
  String sent() {
    return "access/password-reset-sent";
  }

  @GetMapping("/password-reset/{token}")
  String choose(@PathVariable String token, Model model) {
    var link = resets.find(token);
    if (link.isEmpty()) {
      return "access/password-link-expired";
    }
    model.addAttribute("newPasswordForm", new NewPasswordForm("", ""));
    model.addAttribute("invitation", link.get().purpose() == PasswordLinkRequested.Purpose.INVITE);
    return "access/password-choose";
  }

  @PostMapping("/password-reset/{token}")
  String save(@PathVariable String token, @ModelAttribute NewPasswordForm newPasswordForm, BindingResult errors,
      Model model, HttpServletRequest request) {
    var link = resets.find(token);
    if (link.isEmpty()) {
      return "access/password-link-expired";
    }
    String problem = PasswordRules.problem(newPasswordForm.password(), link.get().email());
    if (problem != null) {
      errors.rejectValue("password", "weak", problem);
    } else if (newPasswordForm.confirmation() == null || newPasswordForm.confirmation().isEmpty()) {
      errors.rejectValue("confirmation", "missing", "Enter your new password again");
    } else if (!newPasswordForm.confirmation().equals(newPasswordForm.password())) {
      errors.rejectValue("confirmation", "different", "Enter the same password in both boxes");
    }
    if (errors.hasErrors()) {
      model.addAttribute("invitation", link.get().purpose() == PasswordLinkRequested.Purpose.INVITE);
      return "access/password-choose";
    }
    if (!resets.choosePassword(token, newPasswordForm.password(), request.getRemoteAddr())) {
      return "access/password-link-expired";
    }
    return "redirect:/sign-in?passwordChanged";
  }
}
