package org.senda.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The sign-in page: email, password and security code on one form, so a failure never says which was wrong. */
@Controller
class SignInController {

  static final String REFUSED =
      "The email address, password or security code is not right. Check them and try again.";

  private final SignIn signIn;
  private final SessionSignIn sessions;

  SignInController(SignIn signIn, SessionSignIn sessions) {
    this.signIn = signIn;
    this.sessions = sessions;
  }

  @GetMapping("/sign-in")
  String form(Model model) {
    if (SessionSignIn.signedInUser() != null) {
      return "redirect:/";
    }
    model.addAttribute("signInForm", SignInForm.empty());
    return "access/sign-in";
  }

  @PostMapping("/sign-in")
  String signIn(@Valid @ModelAttribute SignInForm signInForm, BindingResult errors, HttpServletRequest request,
      HttpServletResponse response) {
    if (errors.hasErrors()) {
      return "access/sign-in";
    }
    SignIn.Outcome outcome =
        signIn.attempt(signInForm.email(), signInForm.password(), signInForm.code(), request.getRemoteAddr());
    return switch (outcome) {
      case SignIn.Outcome.SignedIn(long accountId) -> {
        if (sessions.signIn(accountId, request, response)) {
          yield "redirect:/";
        }
        errors.reject("refused", REFUSED);
        yield "access/sign-in";
      }
      case SignIn.Outcome.MustEnrol(long accountId) -> {
        sessions.pendingEnrolment(accountId, signInForm.email(), request, response);
        yield "redirect:/mfa/enrol";
      }
      case SignIn.Outcome.Refused() -> {
        errors.reject("refused", REFUSED);
        yield "access/sign-in";
      }
    };
  }
}
