package org.senda.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.senda.access.Accounts;
import org.springframework.validation.BeanPropertyBindingResult;

/** The sign-in page: email, password and security code on one form, so a failure never says which was wrong. */
@Controller
class SignInController {

  static final String REFUSED =
      "The email address, password or security code is not right. Check them and try again.";

  static final String SSO_REFUSED = "There is no Senda account for the school account you used, or it cannot be "
      + "used at the moment. Sign in with your email address and password, or ask your school's Senda administrator.";
  static final String SSO_FAILED = "Signing in with your school account did not work. Try again, or sign in with "
      + "your email address and password.";

  private final SignIn signIn;
  private final SessionSignIn sessions;
  private final SchoolSignOn sso;

  SignInController(SignIn signIn, SessionSignIn sessions, SchoolSignOn sso) {
    this.signIn = signIn;
    this.sessions = sessions;
    this.sso = sso;
  }

  @ModelAttribute
  void singleSignOn(Model model) {
    if (sso.enabled()) {
      model.addAttribute("ssoName", sso.name());
    }
  }

  @GetMapping("/sign-in")
  String form(Model model) {
    if (SessionSignIn.signedInUser() != null) {
      return "redirect:/";
    }
    model.addAttribute("signInForm", SignInForm.empty());
    return "access/sign-in";
  }

  /** Back from the school's identity provider without a sign-in: the sign-in page with a plain message. */
  @GetMapping("/sign-in/sso/{why}")
  String singleSignOnRefused(@PathVariable String why, Model model) {
    SignInForm form = SignInForm.empty();
    BindingResult errors = new BeanPropertyBindingResult(form, "signInForm");
    errors.reject("sso", "refused".equals(why) ? SSO_REFUSED : SSO_FAILED);
    model.addAttribute("signInForm", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "signInForm", errors);
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
        sessions.pending(new PendingSignIn(accountId, Accounts.normalise(signInForm.email()), false), request,
            response);
        yield "redirect:/mfa/enrol";
      }
      case SignIn.Outcome.NeedsCode n -> {
        errors.reject("refused", REFUSED);
        yield "access/sign-in";
      }
      case SignIn.Outcome.Refused() -> {
        errors.reject("refused", REFUSED);
        yield "access/sign-in";
      }
    };
  }
}
