package org.senda.register.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.register.NeedType;
import org.senda.register.SendStatus;

/**
 * Whether a change of SEN status and needs may be recorded, field by field. The census rules: rank 1 is the
 * primary need and rank 2 the secondary need, at most one of each; NSA is valid only with SEN support (K), and as
 * the only need (it says no type has been assessed); a pupil with no SEN (N) has no needs; a pupil with SEN support
 * or an EHC plan has a primary need (NSA when none has been assessed yet). A move onto or off the register needs a
 * reason, and leaving it is a decision taken at a review, after which the pupil is monitored (the schools' SEN
 * policies, condensed in DOMAIN.md "The register"). Source of the census rules: the DfE census guidance as quoted in
 * the reference facts, section 2.2.
 */
final class StatusChangeRules {

  static final int REASON_LENGTH = 1000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private StatusChangeRules() {}

  /**
   * The problems with a change; empty when it may be recorded.
   *
   * @param previous the pupil's status before the change, null when the pupil has none recorded
   * @param lastChange the effective date of the pupil's latest recorded change, if any
   */
  static List<FieldProblem> check(StatusChange change, NeedCatalogue catalogue, @Nullable SendStatus previous,
      @Nullable LocalDate lastChange, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<SendStatus> status = change.status() == null ? Optional.empty() : SendStatus.of(change.status());
    if (change.status() == null || change.status().isBlank()) {
      problems.add(new FieldProblem("status", "Select the SEN status"));
    } else if (status.isEmpty()) {
      problems.add(new FieldProblem("status", "SEN status must be N, K or E"));
    }
    checkNeeds(change, catalogue, status.orElse(null), problems);
    if (change.reason() == null || change.reason().isBlank()) {
      problems.add(new FieldProblem("reason", "Enter the reason for the change"));
    } else if (change.reason().length() > REASON_LENGTH) {
      problems.add(new FieldProblem("reason", "Reason must be " + REASON_LENGTH + " characters or fewer"));
    }
    if (change.effectiveDate().isAfter(today)) {
      problems.add(new FieldProblem("effectiveDate", "The date the change takes effect must be today or in the past"));
    } else if (lastChange != null && change.effectiveDate().isBefore(lastChange)) {
      problems.add(new FieldProblem("effectiveDate", "The date the change takes effect must be on or after "
          + DAY.format(lastChange) + ", the date of the last change"));
    }
    boolean leaving = previous != null && previous.onRegister() && status.orElse(null) == SendStatus.N;
    if (leaving) {
      if (change.reviewDate() == null) {
        problems.add(new FieldProblem("reviewDate",
            "Enter the date of the review that decided the pupil no longer needs SEN provision"));
      } else if (change.reviewDate().isAfter(today)) {
        problems.add(new FieldProblem("reviewDate", "The date of the review must be today or in the past"));
      }
      if (change.monitorUntil() != null && !change.monitorUntil().isAfter(change.effectiveDate())) {
        problems.add(new FieldProblem("monitorUntil", "The end of monitoring must be after the date the pupil leaves"));
      }
    }
    return problems;
  }

  private static void checkNeeds(StatusChange change, NeedCatalogue catalogue, @Nullable SendStatus status,
      List<FieldProblem> problems) {
    List<StatusChange.Need> needs = change.needs();
    if (status == SendStatus.N && !needs.isEmpty()) {
      problems.add(new FieldProblem("needs", "A pupil with no special educational needs (N) has no needs recorded: "
          + "remove the needs or choose K or E"));
      return;
    }
    int primaries = 0;
    int secondaries = 0;
    Set<String> seen = new HashSet<>();
    boolean notAssessed = false;
    for (int i = 0; i < needs.size(); i++) {
      StatusChange.Need need = needs.get(i);
      String field = "needs[" + i + "]";
      if (need.code() == null || need.code().isBlank()) {
        problems.add(new FieldProblem(field + ".code", "Enter the need code"));
      } else {
        Optional<NeedType> type = catalogue.find(need.code());
        if (type.isEmpty()) {
          problems.add(new FieldProblem(field + ".code",
              "'" + need.code().trim() + "' is not a DfE type of need code: use a code such as SLCN, ASD or SEMH"));
        } else if (!type.get().validOn(change.effectiveDate())) {
          problems.add(new FieldProblem(field + ".code",
              type.get().code() + " is not a valid need code on " + DAY.format(change.effectiveDate())));
        } else {
          if (!seen.add(type.get().code())) {
            problems.add(new FieldProblem(field + ".code", "Record each need once"));
          }
          if (NeedType.NOT_ASSESSED.equals(type.get().code())) {
            notAssessed = true;
            if (status != null && status != SendStatus.K) {
              problems.add(new FieldProblem(field + ".code",
                  "NSA (no specialist assessment) can only be used with SEN support (K)"));
            }
          }
        }
      }
      if (need.rank() == null) {
        problems.add(new FieldProblem(field + ".rank", "Enter the rank of the need: 1 for primary, 2 for secondary"));
      } else if (need.rank() == 1) {
        if (++primaries == 2) {
          problems.add(new FieldProblem(field + ".rank", "A pupil can have only one primary need (rank 1)"));
        }
      } else if (need.rank() == 2) {
        if (++secondaries == 2) {
          problems.add(new FieldProblem(field + ".rank", "A pupil can have only one secondary need (rank 2)"));
        }
      } else {
        problems.add(new FieldProblem(field + ".rank", "Rank must be 1 (primary need) or 2 (secondary need)"));
      }
    }
    if (notAssessed && needs.size() > 1) {
      problems.add(new FieldProblem("needs", "NSA means no type of need has been assessed: record it on its own"));
    }
    if (status != null && status.onRegister() && primaries == 0) {
      problems.add(new FieldProblem("needs", secondaries > 0
          ? "Record the primary need (rank 1) as well as the secondary need"
          : "Select the pupil's primary need (NSA if it has not been assessed yet)"));
    }
  }

  /** The needs of a valid change in rank order, codes in upper case. */
  static List<String> rankedCodes(StatusChange change) {
    return change.needs().stream()
        .sorted(java.util.Comparator.comparing(n -> n.rank() == null ? 9 : n.rank()))
        .map(n -> n.code() == null ? "" : n.code().trim().toUpperCase(Locale.ROOT))
        .toList();
  }
}
