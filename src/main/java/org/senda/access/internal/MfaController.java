package org.senda.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.access.SendaUser;
import org.senda.access.Totp;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Setting up the authenticator app: at first sign-in (everyone must), or again from the account page. The new
 * secret waits in the session, sealed, until the person proves with a code that their app holds it; then the ten
 * recovery codes are shown once.
 */
@Controller
class MfaController {

  static final String SECRET = "senda.mfa.secret";
  static final String REENROL = "senda.mfa.reenrol";
  private static final String ISSUER = "Senda";

  private record Enrolling(long accountId, String email, boolean signingIn) {}

  private final MfaEnrolment enrolment;
  private final SessionSignIn sessions;
  private final SignIn signIn;

  MfaController(MfaEnrolment enrolment, SessionSignIn sessions, SignIn signIn) {
    this.enrolment = enrolment;
    this.sessions = sessions;
    this.signIn = signIn;
  }

  @GetMapping("/mfa/enrol")
  String enrol(HttpSession session, Model model) {
    Enrolling who = enrolling(session);
    if (who == null) {
      return "redirect:/sign-in";
    }
    model.addAttribute("codeForm", CodeForm.empty());
    return page(who, session, model);
  }

  @PostMapping("/mfa/enrol")
  String confirm(@ModelAttribute CodeForm codeForm, BindingResult errors, HttpSession session, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    Enrolling who = enrolling(session);
    if (who == null) {
      return "redirect:/sign-in";
    }
    if (!(session.getAttribute(SECRET) instanceof String sealed)) {
      return "redirect:/mfa/enrol";
    }
    String problem = codeForm.appCodeProblem();
    if (problem != null) {
      errors.rejectValue("code", "invalid", problem);
      return page(who, session, model);
    }
    Optional<List<String>> codes =
        enrolment.confirm(who.accountId(), who.email(), sealed, codeForm.typed(), request.getRemoteAddr());
    if (codes.isEmpty()) {
      errors.rejectValue("code", "wrong",
          "The security code is not right. Enter the code your app shows now for Senda");
      return page(who, session, model);
    }
    session.removeAttribute(SECRET);
    session.removeAttribute(REENROL);
    if (who.signingIn() && !sessions.signIn(who.accountId(), request, response)) {
      return "redirect:/sign-in";
    }
    model.addAttribute("codes", codes.get());
    model.addAttribute("firstTime", who.signingIn());
    return "access/recovery-codes";
  }

  /** After single sign-on, when the school's identity provider does not count as the second factor. */
  @GetMapping("/sign-in/code")
  String codeForm(Model model) {
    PendingSignIn pending = SessionSignIn.pendingSignIn();
    if (pending == null || !pending.enrolled()) {
      return "redirect:/sign-in";
    }
    model.addAttribute("codeForm", CodeForm.empty());
    return "access/sign-in-code";
  }

  @PostMapping("/sign-in/code")
  String code(@ModelAttribute CodeForm codeForm, BindingResult errors, HttpServletRequest request,
      HttpServletResponse response) {
    PendingSignIn pending = SessionSignIn.pendingSignIn();
    if (pending == null || !pending.enrolled()) {
      return "redirect:/sign-in";
    }
    if (codeForm.typed().isEmpty()) {
      errors.rejectValue("code", "missing", "Enter the 6-digit code from your authenticator app");
      return "access/sign-in-code";
    }
    SignIn.Outcome outcome = signIn.secondFactor(pending.accountId(), codeForm.typed(), request.getRemoteAddr());
    if (outcome instanceof SignIn.Outcome.SignedIn(long accountId) && sessions.signIn(accountId, request, response)) {
      return "redirect:/";
    }
    errors.rejectValue("code", "wrong", "The security code is not right. Check it and try again");
    return "access/sign-in-code";
  }

  private String page(Enrolling who, HttpSession session, Model model) {
    String sealed = session.getAttribute(SECRET) instanceof String s ? s : null;
    if (sealed == null) {
      sealed = enrolment.newSealedSecret();
      session.setAttribute(SECRET, sealed);
    }
    String secret = enrolment.open(sealed);
    model.addAttribute("qrCode", QrCodeSvg.render(Totp.provisioningUri(ISSUER, who.email(), secret),
        "QR code to add Senda to your authenticator app"));
    model.addAttribute("manualKey", QrCodeSvg.grouped(secret));
    model.addAttribute("email", who.email());
    model.addAttribute("reenrolling", !who.signingIn());
    return "access/mfa-enrol";
  }

  private static @Nullable Enrolling enrolling(HttpSession session) {
    PendingSignIn pending = SessionSignIn.pendingSignIn();
    if (pending != null && !pending.enrolled()) {
      return new Enrolling(pending.accountId(), pending.email(), true);
    }
    SendaUser user = SessionSignIn.signedInUser();
    if (user != null && session.getAttribute(REENROL) instanceof Long accountId && accountId == user.accountId()) {
      return new Enrolling(user.accountId(), user.email(), false);
    }
    return null;
  }
}
