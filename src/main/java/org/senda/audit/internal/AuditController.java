package org.senda.audit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Accounts;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.web.DateParts;
import org.senda.web.Option;
import org.senda.web.Pagination;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log page: the headteacher searches their school's entries, the trust SEND lead the trust's; both can
 * check that the log has not been altered. Looking at the log and checking it are recorded in the log too.
 */
@Controller
class AuditController {

  private static final String RECORD_TYPE = "audit_log";
  private static final Expression SCHOOL_ID = new SpelExpressionParser().parseExpression("id");
  private static final Expression SCHOOL_NAME = new SpelExpressionParser().parseExpression("name");

  private final Permissions permissions;
  private final AuditQueries queries;
  private final AuditChain chain;
  private final Audit audit;

  AuditController(Permissions permissions, AuditQueries queries, AuditChain chain, Audit audit) {
    this.permissions = permissions;
    this.queries = queries;
    this.chain = chain;
    this.audit = audit;
  }

  /** Where the page is and whose entries it shows. */
  private record View(String base, String place, AuditQueries.Scope scope, @Nullable Long schoolId,
      Map<Long, String> schoolNames) {}

  @GetMapping("/schools/{schoolId}/audit")
  String school(
      @PathVariable long schoolId, @ModelAttribute AuditSearchForm auditSearchForm, BindingResult errors,
      Model model) {
    permissions.require(schoolId, Permission.VIEW_AUDIT);
    Map<Long, String> names = visibleSchoolNames(model);
    String name = names.get(schoolId);
    if (name == null) {
      throw new AccessRefused("school " + schoolId);
    }
    View view = new View("/schools/" + schoolId + "/audit", name,
        new AuditQueries.Scope(Set.of(schoolId), false), schoolId, Map.of(schoolId, name));
    return show(view, auditSearchForm, errors, model);
  }

  @GetMapping("/audit")
  String trust(@ModelAttribute AuditSearchForm auditSearchForm, BindingResult errors, Model model) {
    SendaUser user = permissions.requireAcrossTrust(Permission.VIEW_AUDIT);
    Map<Long, String> names = new LinkedHashMap<>();
    visibleSchoolNames(model).forEach((id, name) -> {
      if (user.trustSchoolIds().contains(id)) {
        names.put(id, name);
      }
    });
    Long chosen = parseId(auditSearchForm.school()).filter(names::containsKey).orElse(null);
    // Sign-ins and other account events belong to no school: the trust SEND lead sees them with the trust's.
    AuditQueries.Scope scope = chosen == null
        ? new AuditQueries.Scope(Set.copyOf(user.trustSchoolIds()), true)
        : new AuditQueries.Scope(Set.of(chosen), false);
    List<Option> schoolOptions = new ArrayList<>();
    schoolOptions.add(new Option("", "All schools and sign-ins"));
    names.forEach((id, name) -> schoolOptions.add(new Option(String.valueOf(id), name)));
    model.addAttribute("schoolOptions", schoolOptions);
    return show(new View("/audit", "All schools", scope, null, names), auditSearchForm, errors, model);
  }

  /**
   * The names of the schools the person can see, from what the layout has already put in every page's model (the
   * header's school switcher). Read that way, the audit module does not depend on the organisation module, which
   * itself records its reads in the audit log.
   */
  private static Map<Long, String> visibleSchoolNames(Model model) {
    Map<Long, String> names = new LinkedHashMap<>();
    if (model.getAttribute("visibleSchools") instanceof Iterable<?> schools) {
      for (Object school : schools) {
        Long id = SCHOOL_ID.getValue(school, Long.class);
        String name = SCHOOL_NAME.getValue(school, String.class);
        if (id != null && name != null) {
          names.put(id, name);
        }
      }
    }
    return names;
  }

  @PostMapping("/schools/{schoolId}/audit/verification")
  String verifySchool(@PathVariable long schoolId, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.VIEW_AUDIT);
    flash.addFlashAttribute("verification", verify(schoolId));
    return "redirect:/schools/" + schoolId + "/audit#verification";
  }

  @PostMapping("/audit/verification")
  String verifyTrust(RedirectAttributes flash) {
    permissions.requireAcrossTrust(Permission.VIEW_AUDIT);
    flash.addFlashAttribute("verification", verify(null));
    return "redirect:/audit#verification";
  }

  private ChainVerification verify(@Nullable Long schoolId) {
    ChainVerification result = chain.verify();
    audit.record(AuditAction.VERIFY, RECORD_TYPE, null, schoolId, summary(result));
    return result;
  }

  static String summary(ChainVerification result) {
    return result.intact()
        ? "intact, " + result.entries() + " entries"
        : "broken at entry " + result.firstBrokenEntry() + ", " + result.entries() + " entries";
  }

  private String show(View view, AuditSearchForm form, BindingResult errors, Model model) {
    model.addAttribute("base", view.base());
    model.addAttribute("place", view.place());
    model.addAttribute("trustView", view.schoolId() == null);
    model.addAttribute("schoolNames", view.schoolNames());
    model.addAttribute("actionOptions", actionOptions());
    LocalDate from = date(form.from(), "from", "the start date", errors);
    LocalDate to = date(form.to(), "to", "the end date", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.addError(new FieldError("auditSearchForm", "to", form.to(), false, null, null,
          "The end date must be the same as or after the start date"));
    }
    AuditAction action = parseAction(form.action());
    if (!blank(form.action()) && action == null) {
      errors.addError(new FieldError("auditSearchForm", "action", form.action(), false, null, null,
          "Select an action from the list"));
    }
    model.addAttribute("hasErrors", errors.hasErrors());
    if (errors.hasErrors()) {
      return "audit/log";
    }
    var criteria = new AuditQueries.Criteria(view.scope(), email(form.email()), trimmed(form.recordType()),
        trimmed(form.recordId()), action, from, to);
    AuditQueries.AuditPage page = queries.search(criteria, form.pageNumber());
    audit.record(AuditAction.VIEW, RECORD_TYPE, null, view.schoolId(), describe(form, page.page()));
    model.addAttribute("results", page);
    model.addAttribute("pagination", Pagination.of(page.page(), page.pages(), n -> href(view.base(), form, n)));
    return "audit/log";
  }

  private static @Nullable LocalDate date(@Nullable DateParts parts, String field, String what, BindingResult errors) {
    if (parts == null || parts.isBlank()) {
      return null;
    }
    Optional<String> problem = parts.problem(what);
    if (problem.isPresent()) {
      errors.addError(new FieldError("auditSearchForm", field, parts, false, null, null, problem.get()));
      return null;
    }
    return parts.toDate().orElse(null);
  }

  private static List<Option> actionOptions() {
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Any action"));
    Arrays.stream(AuditAction.values()).forEach(a -> options.add(new Option(a.name(), a.title())));
    return options;
  }

  private static @Nullable AuditAction parseAction(@Nullable String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return AuditAction.valueOf(value.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Optional<Long> parseId(@Nullable String value) {
    try {
      return blank(value) ? Optional.empty() : Optional.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The same search on another page: every criterion kept in the link. */
  private static String href(String base, AuditSearchForm form, int page) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
    add(uri, "email", form.email());
    add(uri, "recordType", form.recordType());
    add(uri, "recordId", form.recordId());
    add(uri, "action", form.action());
    add(uri, "school", form.school());
    DateParts from = form.from();
    DateParts to = form.to();
    if (from != null && !from.isBlank()) {
      add(uri, "from.day", from.day());
      add(uri, "from.month", from.month());
      add(uri, "from.year", from.year());
    }
    if (to != null && !to.isBlank()) {
      add(uri, "to.day", to.day());
      add(uri, "to.month", to.month());
      add(uri, "to.year", to.year());
    }
    uri.queryParam("page", page);
    return uri.encode().build().toUriString();
  }

  private static void add(UriComponentsBuilder uri, String name, @Nullable String value) {
    if (!blank(value)) {
      uri.queryParam(name, value.trim());
    }
  }

  /** What was searched for, for the log's own entry: the criteria, never the entries found. */
  private static String describe(AuditSearchForm form, int page) {
    StringJoiner text = new StringJoiner(", ", "searched the log: ", "");
    text.setEmptyValue("");
    if (!blank(form.email())) text.add("person " + form.email().trim());
    if (!blank(form.recordType())) text.add("record type " + form.recordType().trim());
    if (!blank(form.recordId())) text.add("record " + form.recordId().trim());
    if (!blank(form.action())) text.add("action " + form.action().trim());
    if (!blank(form.school())) text.add("school " + form.school().trim());
    if (form.from() != null && !form.from().isBlank()) text.add("from " + form.from().toDate().orElseThrow());
    if (form.to() != null && !form.to().isBlank()) text.add("to " + form.to().toDate().orElseThrow());
    String criteria = text.toString();
    return (criteria.isEmpty() ? "opened the log" : criteria) + ", page " + page;
  }

  private static @Nullable String email(@Nullable String value) {
    return blank(value) ? null : Accounts.normalise(value);
  }

  private static @Nullable String trimmed(@Nullable String value) {
    return blank(value) ? null : value.trim();
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
