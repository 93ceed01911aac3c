package org.senda.identification.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.identification.PlanReviews;
import org.senda.web.Option;

/** The identification page's filters and page number, as typed in the query string (all optional). */
record IdentificationFilter(
    @Nullable String subject, @Nullable String criterion, @Nullable String yearGroup, @Nullable String eal,
    @Nullable String register, @Nullable String page) {

  /** Not on the register: the pupils the SENCO may need to identify (Code of Practice 6.14-6.21). */
  static final String NOT_ON_REGISTER = "not-on";
  /** On SEN support or with an EHC plan: the pupils whose support may need to change. */
  static final String ON_REGISTER = "on";
  /** On the register, and the latest review of their current plan found it not working. */
  static final String PLAN_NOT_WORKING = "plan-not-working";

  /** The register filter's choices; anything else typed in the address shows every flagged pupil. */
  static final List<Option> REGISTER_OPTIONS = List.of(
      new Option("", "All flagged pupils"),
      new Option(NOT_ON_REGISTER, "Not on the register"),
      new Option(ON_REGISTER, "On SEN support or with an EHC plan"),
      new Option(PLAN_NOT_WORKING, "On the register, plan not working"));

  boolean matches(ProgressFlags.Flag flag, Standings.Standing standing) {
    return (blank(criterion) || flag.criteria().stream().anyMatch(c -> c.name().equals(criterion)))
        && (blank(yearGroup) || flag.yearGroup().equals(yearGroup))
        && (blank(eal) || flag.eal() == "yes".equals(eal))
        && matchesRegister(standing);
  }

  private boolean matchesRegister(Standings.Standing standing) {
    return switch (register == null ? "" : register) {
      case NOT_ON_REGISTER -> !standing.status().onRegister();
      case ON_REGISTER -> standing.status().onRegister();
      case PLAN_NOT_WORKING -> standing.planReview() == PlanReviews.Finding.NOT_WORKING;
      default -> true;
    };
  }

  @Nullable String subjectOrNull() {
    return blank(subject) ? null : subject;
  }

  /** The link to page {@code number} of the list with these filters. */
  String href(long schoolId, int number) {
    var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/schools/{school}/identification");
    for (String[] param : new String[][] {
        {"subject", subject}, {"criterion", criterion}, {"yearGroup", yearGroup}, {"eal", eal},
        {"register", register}}) {
      if (!blank(param[1])) {
        uri.queryParam(param[0], param[1]);
      }
    }
    uri.queryParam("page", number);
    return uri.buildAndExpand(schoolId).encode().toUriString();
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
