package org.senda.register.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permissions;
import org.senda.pupils.PupilImportColumn;
import org.senda.pupils.PupilImportColumns;
import org.senda.pupils.PupilImportError;
import org.senda.pupils.PupilImportRow;
import org.senda.register.SendStatus;
import org.springframework.stereotype.Component;

/**
 * The register's columns of the pupil import: SEN status and primary and secondary need, as MIS exports hold them.
 * Historic codes S, A and P are recorded as E and K with a note in the history. A row whose status or needs differ
 * from what Senda holds adds a dated history entry; an unchanged row adds nothing.
 */
@Component
class RegisterImportColumns implements PupilImportColumns {

  static final String STATUS = "sen_status";
  static final String PRIMARY = "primary_need";
  static final String SECONDARY = "secondary_need";
  static final String REASON = "Imported from the school's MIS";

  private final NeedTypes needTypes;
  private final RegisterStore store;
  private final Permissions permissions;
  private final Clock clock;

  RegisterImportColumns(NeedTypes needTypes, RegisterStore store, Permissions permissions, Clock clock) {
    this.needTypes = needTypes;
    this.store = store;
    this.permissions = permissions;
    this.clock = clock;
  }

  @Override
  public List<PupilImportColumn> columns() {
    return List.of(
        new PupilImportColumn(STATUS, false, List.of("SEN status", "SEN provision", "SENprovision", "SEN stage"),
            "N (no SEN), K (SEN support) or E (EHC plan); historic S, A and P are recorded as E, K and K", "K"),
        new PupilImportColumn(PRIMARY, false, List.of("Primary need", "SEN need 1", "SEN type rank 1", "Need 1"),
            "The DfE type of need code of the primary need, e.g. SLCN; NSA only with status K", "SLCN"),
        new PupilImportColumn(SECONDARY, false, List.of("Secondary need", "SEN need 2", "SEN type rank 2", "Need 2"),
            "The DfE type of need code of the secondary need, if any", ""));
  }

  @Override
  public List<PupilImportError> validate(PupilImportRow row) {
    List<PupilImportError> errors = new ArrayList<>();
    String status = row.value(STATUS);
    String primary = row.value(PRIMARY);
    String secondary = row.value(SECONDARY);
    if (status == null && primary == null && secondary == null) {
      return errors;
    }
    if (status == null) {
      errors.add(new PupilImportError(row.row(), STATUS, null, "There is a need but no SEN status",
          "Enter K (SEN support) or E (EHC plan) in the sen_status column"));
      return errors;
    }
    Optional<ImportedStatus> imported = ImportedStatus.read(status);
    if (imported.isEmpty()) {
      errors.add(new PupilImportError(row.row(), STATUS, status, "'" + status + "' is not a SEN status",
          "Use N, K or E (or the historic S, A or P)"));
      return errors;
    }
    if (primary != null && primary.split("[;,/|]").length > 1) {
      errors.add(new PupilImportError(row.row(), PRIMARY, primary, "More than one primary need",
          "Keep one code in primary_need and put the next one in secondary_need"));
      return errors;
    }
    StatusChange change = change(imported.get(), primary, secondary, LocalDate.now(clock));
    for (FieldProblem problem : StatusChangeRules.check(change, needTypes.catalogue(), null, null,
        LocalDate.now(clock))) {
      String column = problem.field().startsWith("needs[1]") ? SECONDARY
          : problem.field().startsWith("needs") ? PRIMARY : STATUS;
      String value = column.equals(SECONDARY) ? secondary : column.equals(PRIMARY) ? primary : status;
      errors.add(new PupilImportError(row.row(), column, value, problem.message(), fix(problem)));
    }
    return errors;
  }

  private static String fix(FieldProblem problem) {
    String message = problem.message();
    if (message.contains("not a DfE type of need code")) {
      return "Use a code from the DfE list: SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH or NSA";
    }
    if (message.startsWith("NSA")) {
      return "Use NSA only for pupils with status K, or record the assessed type of need";
    }
    if (message.contains("no special educational needs")) {
      return "Clear the need columns, or set the status to K or E";
    }
    return "Correct the value in the MIS and export the file again";
  }

  private static StatusChange change(ImportedStatus imported, @Nullable String primary, @Nullable String secondary,
      LocalDate today) {
    List<StatusChange.Need> needs = new ArrayList<>();
    if (primary != null) {
      needs.add(new StatusChange.Need(primary, 1));
    }
    if (secondary != null) {
      needs.add(new StatusChange.Need(secondary, 2));
    }
    return new StatusChange(imported.status().name(), needs, REASON, today, today, null, imported.note());
  }

  @Override
  public void apply(long pupilId, PupilImportRow row) {
    applyAll(-1, List.of(row));
  }

  @Override
  public void applyAll(long schoolId, List<PupilImportRow> rows) {
    List<PupilImportRow> withStatus = rows.stream().filter(r -> r.value(STATUS) != null).toList();
    if (withStatus.isEmpty()) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    Map<Long, RegisterStore.Entry> current = new HashMap<>();
    store.entries(withStatus.stream().map(r -> Objects.requireNonNull(r.pupilId())).toList())
        .forEach(e -> current.put(e.pupilId(), e));
    int months = -1;
    String by = permissions.current().displayName();
    List<RegisterStore.Change> history = new ArrayList<>();
    List<RegisterStore.Entry> entries = new ArrayList<>();
    for (PupilImportRow row : withStatus) {
      long pupilId = Objects.requireNonNull(row.pupilId());
      ImportedStatus imported = ImportedStatus.read(row.value(STATUS)).orElseThrow();
      String primary = upper(row.value(PRIMARY));
      String secondary = upper(row.value(SECONDARY));
      RegisterStore.Entry before = current.get(pupilId);
      long school = before != null ? before.schoolId() : schoolId;
      if (before != null && before.status() == imported.status() && Objects.equals(before.primaryNeed(), primary)
          && Objects.equals(before.secondaryNeed(), secondary)) {
        continue;
      }
      if (before == null && imported.status() == SendStatus.N) {
        continue;
      }
      boolean leaving = before != null && before.status().onRegister() && imported.status() == SendStatus.N;
      if (leaving && months < 0) {
        months = store.monitoringMonths(school);
      }
      LocalDate until = leaving ? Monitoring.until(today, months) : null;
      history.add(new RegisterStore.Change(pupilId, school, imported.status(), primary, secondary, today, REASON,
          leaving ? today : null, until, imported.note(), by, clock.instant()));
      boolean statusChanged = before == null || before.status() != imported.status();
      entries.add(new RegisterStore.Entry(pupilId, school, imported.status(), primary, secondary,
          statusChanged ? today : before.statusSince(), leaving ? today : before == null ? null : before.leftOn(),
          leaving ? until : imported.status().onRegister() || before == null ? null : before.monitorUntil(), 0,
          today));
    }
    store.deleteEntries(entries.stream().map(RegisterStore.Entry::pupilId).toList());
    store.recordAll(history, entries);
  }

  private static @Nullable String upper(@Nullable String code) {
    return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
  }
}
