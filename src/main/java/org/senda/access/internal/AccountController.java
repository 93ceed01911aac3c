package org.senda.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.senda.access.AccessEvent;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Your account: who you are and your roles in each school; sign out everywhere; new recovery codes or a new
 * authenticator app (each needs a current code, so that someone at an unlocked computer cannot take the account).
 */
@Controller
class AccountController {

  private final Permissions permissions;
  private final AccountQueries queries;
  private final AccountSessions sessions;
  private final SignIn signIn;
  private final MfaEnrolment enrolment;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AccountController(Permissions permissions, AccountQueries queries, AccountSessions sessions, SignIn signIn,
      MfaEnrolment enrolment, ApplicationEventPublisher events, Clock clock) {
    this.permissions = permissions;
    this.queries = queries;
    this.sessions = sessions;
    this.signIn = signIn;
    this.enrolment = enrolment;
    this.events = events;
    this.clock = clock;
  }

  @GetMapping("/account")
  String account(Model model) {
    SendaUser user = permissions.current();
    model.addAttribute("user", user);
    AccountQueries.AccountSummary account = queries.summary(user.accountId(), clock.instant());
    model.addAttribute("account", account);
    model.addAttribute("mfaSince", account.mfaEnrolledAt() == null ? null
        : ApiTokensController.DAY.format(account.mfaEnrolledAt().atZone(clock.getZone())));
    model.addAttribute("sessionCount", sessions.count(user.accountId()));
    return "access/account";
  }

  @PostMapping("/account/sign-out-everywhere")
  String signOutEverywhere(HttpServletRequest request) {
    SendaUser user = permissions.current();
    HttpSession current = request.getSession(false);
    if (current != null) {
      current.invalidate();
    }
    int others = sessions.endAll(user.accountId());
    SecurityContextHolder.clearContext();
    events.publishEvent(new AccessEvent(AccessEvent.Kind.SIGNED_OUT_EVERYWHERE, user.email(), user.accountId(),
        request.getRemoteAddr(), (others + 1) + " sessions ended"));
    return "redirect:/sign-in?signedOutEverywhere";
  }

  @GetMapping("/account/recovery-codes")
  String recoveryCodesForm(Model model) {
    permissions.current();
    model.addAttribute("codeForm", CodeForm.empty());
    model.addAttribute("purpose", "recovery-codes");
    return "access/confirm-code";
  }

  @PostMapping("/account/recovery-codes")
  String newRecoveryCodes(@ModelAttribute CodeForm codeForm, BindingResult errors, Model model,
      HttpServletRequest request) {
    SendaUser user = permissions.current();
    if (!confirmed(user, codeForm, errors)) {
      model.addAttribute("purpose", "recovery-codes");
      return "access/confirm-code";
    }
    model.addAttribute("codes", enrolment.replaceRecoveryCodes(user.accountId(), user.email(),
        request.getRemoteAddr()));
    model.addAttribute("firstTime", false);
    return "access/recovery-codes";
  }

  @GetMapping("/account/authenticator")
  String authenticatorForm(Model model) {
    permissions.current();
    model.addAttribute("codeForm", CodeForm.empty());
    model.addAttribute("purpose", "authenticator");
    return "access/confirm-code";
  }

  @PostMapping("/account/authenticator")
  String changeAuthenticator(@ModelAttribute CodeForm codeForm, BindingResult errors, Model model,
      HttpSession session) {
    SendaUser user = permissions.current();
    if (!confirmed(user, codeForm, errors)) {
      model.addAttribute("purpose", "authenticator");
      return "access/confirm-code";
    }
    session.removeAttribute(MfaController.SECRET);
    session.setAttribute(MfaController.REENROL, user.accountId());
    return "redirect:/mfa/enrol";
  }

  private boolean confirmed(SendaUser user, CodeForm codeForm, BindingResult errors) {
    String problem = codeForm.appCodeProblem();
    if (problem != null) {
      errors.rejectValue("code", "invalid", problem);
      return false;
    }
    if (!signIn.confirmCurrentCode(user.accountId(), codeForm.typed())) {
      errors.rejectValue("code", "wrong", "The security code is not right. Enter the code your app shows now");
      return false;
    }
    return true;
  }
}
