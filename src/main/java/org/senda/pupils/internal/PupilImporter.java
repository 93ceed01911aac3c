package org.senda.pupils.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolClass;
import org.senda.organisation.YearGroup;
import org.senda.pupils.PupilImportColumn;
import org.senda.pupils.PupilImportColumns;
import org.senda.pupils.PupilImportError;
import org.senda.pupils.PupilImportRow;
import org.senda.pupils.PupilRecordsChanged;
import org.senda.pupils.UpnCheck;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports pupils from a file exported by the school's MIS: maps the headers (with common MIS aliases), validates
 * every row with every module's columns, and only when no row has an error creates or updates the pupils (matched
 * by UPN) and applies the other modules' columns, in one transaction with batch statements: all or nothing.
 */
@Component
public class PupilImporter {

  static final List<PupilImportColumn> COLUMNS = List.of(
      new PupilImportColumn("upn", true, List.of("UPN", "Unique Pupil Number", "Pupil UPN"),
          "Unique pupil number: 13 characters, starting with the check letter", "A123456789012"),
      new PupilImportColumn("forename", true,
          List.of("Legal Forename", "Forename", "First name", "Firstname", "Given name", "Legal first name"),
          "Legal forename", "Amelia"),
      new PupilImportColumn("surname", true,
          List.of("Legal Surname", "Surname", "Last name", "Lastname", "Family name", "Legal last name"),
          "Legal surname", "Khan"),
      new PupilImportColumn("date_of_birth", true, List.of("DOB", "Date of Birth", "Birth date", "Birthdate"),
          "Date of birth, for example 2017-03-14 or 14/03/2017", "2017-03-14"),
      new PupilImportColumn("year_group", true,
          List.of("NC Year", "Year", "Year Group", "NC Year Actual", "National Curriculum Year", "Curriculum Year"),
          "National curriculum year: N1, N2, R, 1 to 13 (or Y1, Year 1)", "3"),
      new PupilImportColumn("class", false,
          List.of("Reg Group", "Registration Group", "Class", "Form", "Tutor Group", "Reg"),
          "Registration group or class, as named in Senda", ""),
      new PupilImportColumn("preferred_forename", false,
          List.of("Preferred Forename", "Preferred first name", "Known as", "Chosen name"), "Preferred forename", ""),
      new PupilImportColumn("preferred_surname", false, List.of("Preferred Surname", "Preferred last name"),
          "Preferred surname", ""),
      new PupilImportColumn("sex", false, List.of("Gender", "Sex"), "M or F", "F"),
      new PupilImportColumn("admission_date", false, List.of("Admission Date", "Date of Admission", "Entry Date"),
          "Date the pupil joined the school", ""),
      new PupilImportColumn("eal", false,
          List.of("EAL", "English as an additional language", "First language not English"), "Yes or No", "No"),
      new PupilImportColumn("pupil_premium", false,
          List.of("Pupil Premium", "PP", "Pupil Premium Indicator", "Disadvantaged"), "Yes or No", "Yes"),
      new PupilImportColumn("free_school_meals", false, List.of("FSM", "Free School Meals", "FSM Eligible"),
          "Yes or No", "Yes"),
      new PupilImportColumn("looked_after", false,
          List.of("Looked After", "LAC", "CLA", "In Care", "Looked After Child", "Child Looked After"),
          "Yes or No", "No"),
      new PupilImportColumn("medical_condition", false, List.of("Medical", "Medical Flag", "Medical Condition"),
          "Yes or No", "No"),
      new PupilImportColumn("young_carer", false, List.of("Young Carer"), "Yes or No", "No"),
      new PupilImportColumn("service_child", false, List.of("Service Child", "Service Children", "Service Family"),
          "Yes or No", "No"));

  private static final List<String> FLAG_COLUMNS = List.of("eal", "pupil_premium", "free_school_meals",
      "looked_after", "medical_condition", "young_carer", "service_child");

  private final Permissions permissions;
  private final Organisation organisation;
  private final List<PupilImportColumns> contributors;
  private final JdbcTemplate jdbc;
  private final Audit audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  PupilImporter(Permissions permissions, Organisation organisation, List<PupilImportColumns> contributors,
      JdbcTemplate jdbc, Audit audit, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.permissions = permissions;
    this.organisation = organisation;
    this.contributors = contributors;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every column the import reads: the pupil's own, then other modules' (the template's columns). */
  public List<PupilImportColumn> columns() {
    List<PupilImportColumn> all = new ArrayList<>(COLUMNS);
    contributors.forEach(c -> all.addAll(c.columns()));
    return all;
  }

  /** Reads, validates and (unless a dry run) imports a file; nothing is written when any row has an error. */
  @Transactional
  public PupilImportResult run(long schoolId, byte[] file, String filename, boolean dryRun) {
    return run(schoolId, file, filename, dryRun, null);
  }

  /**
   * As {@link #run(long, byte[], String, boolean)}; with {@code previewed} given (what the preview showed), nothing
   * is written either when the pupils it would update are no longer as they were then: the result says so and shows
   * the new preview.
   */
  @Transactional
  public PupilImportResult run(long schoolId, byte[] file, String filename, boolean dryRun,
      @Nullable String previewed) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    ImportTable table = ImportFileReader.read(file, filename);
    if (!table.errors().isEmpty()) {
      return failed(table.errors(), List.of(), dryRun);
    }
    return run(schoolId, table, dryRun, previewed);
  }

  private PupilImportResult run(long schoolId, ImportTable table, boolean dryRun, @Nullable String previewed) {
    ImportHeaders headers = ImportHeaders.read(table, columns());
    Map<Integer, String> columnAt = headers.columnAt();
    List<PupilImportResult.MappedHeader> mapping = headers.mapping();
    List<PupilImportError> errors = new ArrayList<>(headers.errors());
    if (!errors.isEmpty()) {
      return failed(errors, mapping, dryRun);
    }

    List<YearGroup> years = organisation.yearGroups(schoolId);
    List<SchoolClass> classes = organisation.classes(schoolId);
    Map<String, long[]> existing = new HashMap<>();
    jdbc.query("select id, upn, version from pupil where school_id = ?",
        rs -> {
          existing.put(rs.getString("upn"), new long[] {rs.getLong("id"), rs.getLong("version")});
        },
        schoolId);

    LocalDate today = LocalDate.now(clock);
    Map<String, Integer> firstRowOfUpn = new HashMap<>();
    List<ParsedRow> parsed = new ArrayList<>();
    for (ImportHeaders.Line line : headers.lines(table)) {
      int rowNumber = line.number();
      Map<String, String> values = line.values();
      List<PupilImportError> rowErrors = new ArrayList<>();
      ParsedRow row = parse(rowNumber, values, years, classes, today, rowErrors);
      if (row != null) {
        Integer first = firstRowOfUpn.putIfAbsent(row.upn(), rowNumber);
        if (first != null) {
          rowErrors.add(new PupilImportError(rowNumber, "upn", row.upn(),
              "UPN " + row.upn() + " is also on row " + first,
              "Each pupil must appear once: delete one of the two rows or correct the UPN"));
        }
      }
      long[] match = row == null ? null : existing.get(row.upn());
      PupilImportRow importRow = new PupilImportRow(rowNumber, match == null ? null : match[0], match == null,
          values);
      for (PupilImportColumns contributor : contributors) {
        rowErrors.addAll(contributor.validate(importRow));
      }
      errors.addAll(rowErrors);
      if (row != null && rowErrors.isEmpty()) {
        parsed.add(row.with(importRow, match == null ? null : match[0]));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(PupilImportError::row));
      return failed(errors, mapping, dryRun);
    }
    int created = (int) parsed.stream().filter(r -> r.pupilId() == null).count();
    int updated = parsed.size() - created;
    List<PupilImportResult.PreviewRow> preview = parsed.stream()
        .map(r -> new PupilImportResult.PreviewRow(r.row(), r.upn(), r.forename() + " " + r.surname(),
            r.year().name(), r.schoolClass() == null ? null : r.schoolClass().name(), r.pupilId() == null))
        .toList();
    String fingerprint = parsed.stream()
        .map(r -> r.row() + ":" + (r.pupilId() == null ? "new" : r.pupilId() + "@" + existing.get(r.upn())[1]))
        .collect(java.util.stream.Collectors.joining(","));
    boolean changed = previewed != null && !previewed.equals(fingerprint);
    if (dryRun || changed) {
      return new PupilImportResult(created, updated, List.of(), preview, mapping, true, fingerprint, changed);
    }
    write(schoolId, parsed, columnAt, existing);
    audit.record(AuditAction.IMPORT, "pupil-import", null, schoolId,
        "created=" + created + ", updated=" + updated);
    return new PupilImportResult(created, updated, List.of(), preview, mapping, false, fingerprint, false);
  }

  private static PupilImportResult failed(List<PupilImportError> errors,
      List<PupilImportResult.MappedHeader> mapping, boolean dryRun) {
    return new PupilImportResult(0, 0, List.copyOf(errors), List.of(), mapping, dryRun, null, false);
  }

  /** A row with its values checked and read, or null when a value the match needs (the UPN) is unusable. */
  record ParsedRow(int row, String upn, String forename, String surname, LocalDate dateOfBirth, YearGroup year,
      @Nullable SchoolClass schoolClass, Map<String, String> values, @Nullable Long pupilId,
      @Nullable PupilImportRow importRow) {

    ParsedRow with(PupilImportRow importRow, @Nullable Long pupilId) {
      return new ParsedRow(row, upn, forename, surname, dateOfBirth, year, schoolClass, values, pupilId, importRow);
    }
  }

  private static @Nullable ParsedRow parse(int row, Map<String, String> values, List<YearGroup> years,
      List<SchoolClass> classes, LocalDate today, List<PupilImportError> errors) {
    String upn = values.get("upn");
    if (upn == null) {
      errors.add(new PupilImportError(row, "upn", null, "Enter a UPN",
          "Copy the pupil's unique pupil number from the MIS"));
    } else {
      upn = upn.replace(" ", "").toUpperCase(Locale.ROOT);
      Optional<String> problem = UpnCheck.problem(upn);
      if (problem.isPresent()) {
        String fix = problem.get().contains("check letter")
            ? "Check each character against the MIS: one of them has been typed or copied wrongly"
            : "Copy the pupil's unique pupil number again from the MIS";
        errors.add(new PupilImportError(row, "upn", values.get("upn"), problem.get(), fix));
        upn = null;
      }
    }
    String forename = values.get("forename");
    if (forename == null) {
      errors.add(new PupilImportError(row, "forename", null, "Enter a forename", "Add the pupil's legal forename"));
    }
    String surname = values.get("surname");
    if (surname == null) {
      errors.add(new PupilImportError(row, "surname", null, "Enter a surname", "Add the pupil's legal surname"));
    }
    tooLong(row, values, errors, "forename", "surname", "preferred_forename", "preferred_surname");
    LocalDate dateOfBirth = null;
    String dob = values.get("date_of_birth");
    if (dob == null) {
      errors.add(new PupilImportError(row, "date_of_birth", null, "Enter a date of birth",
          "Add the date of birth, for example 2017-03-14 or 14/03/2017"));
    } else {
      dateOfBirth = ImportValues.date(dob).orElse(null);
      if (dateOfBirth == null) {
        errors.add(new PupilImportError(row, "date_of_birth", dob, "Date of birth must be a real date",
            "Write the date as 2017-03-14 or 14/03/2017"));
      } else if (!dateOfBirth.isBefore(today)) {
        errors.add(new PupilImportError(row, "date_of_birth", dob, "Date of birth must be in the past",
            "Check the date of birth in the MIS; the day and month may be the wrong way round"));
        dateOfBirth = null;
      }
    }
    YearGroup year = null;
    String yearValue = values.get("year_group");
    if (yearValue == null) {
      errors.add(new PupilImportError(row, "year_group", null, "Enter a year group",
          "Add the national curriculum year, for example R, 1 or Y7"));
    } else {
      year = yearGroup(yearValue, years);
      if (year == null) {
        errors.add(new PupilImportError(row, "year_group", yearValue,
            "Year group " + yearValue + " is not a year group of this school",
            "Use one of: " + String.join(", ", years.stream().map(YearGroup::code).toList())));
      }
    }
    SchoolClass schoolClass = null;
    String className = values.get("class");
    if (className != null) {
      schoolClass = classes.stream().filter(c -> c.name().equalsIgnoreCase(className)).findFirst().orElse(null);
      if (schoolClass == null) {
        errors.add(new PupilImportError(row, "class", className, "Class " + className + " is not a class of this school",
            "Use the class name as it is in Senda, or leave the cell blank"));
      } else if (year != null && schoolClass.yearGroupId() != year.id()) {
        errors.add(new PupilImportError(row, "class", className,
            "Class " + className + " is not in " + year.name(),
            "Check the year group and class of this pupil in the MIS"));
      }
    }
    String sex = values.get("sex");
    if (sex != null && ImportValues.sex(sex) == null) {
      errors.add(new PupilImportError(row, "sex", sex, "Sex must be M or F", "Write M or F, or leave it blank"));
    }
    String admission = values.get("admission_date");
    if (admission != null && ImportValues.date(admission).isEmpty()) {
      errors.add(new PupilImportError(row, "admission_date", admission, "Admission date must be a real date",
          "Write the date as 2021-09-03 or 03/09/2021"));
    }
    for (String flag : FLAG_COLUMNS) {
      String value = values.get(flag);
      if (value != null && ImportValues.flag(value).isEmpty()) {
        errors.add(new PupilImportError(row, flag, value, flag + " must be Yes or No",
            "Write Yes or No (or Y, N, true, false, 1, 0), or leave it blank"));
      }
    }
    if (upn == null || forename == null || surname == null || dateOfBirth == null || year == null) {
      return null;
    }
    return new ParsedRow(row, upn, forename, surname, dateOfBirth, year, schoolClass, values, null, null);
  }

  private static void tooLong(int row, Map<String, String> values, List<PupilImportError> errors, String... names) {
    for (String name : names) {
      String value = values.get(name);
      if (value != null && value.length() > 100) {
        errors.add(new PupilImportError(row, name, value.substring(0, 20) + "...",
            name + " must be 100 characters or fewer", "Shorten the name"));
      }
    }
  }

  /** The school's year group by code ("Y3"), name ("Year 3") or national curriculum year ("3", "R", "N2"). */
  static @Nullable YearGroup yearGroup(String value, List<YearGroup> years) {
    String text = value.trim();
    for (YearGroup year : years) {
      if (year.code().equalsIgnoreCase(text) || year.name().equalsIgnoreCase(text)) {
        return year;
      }
    }
    Optional<Integer> offset = YearGroupAges.offset(text);
    if (offset.isEmpty()) {
      return null;
    }
    for (YearGroup year : years) {
      if (YearGroupAges.offset(year.code()).equals(offset)) {
        return year;
      }
    }
    return null;
  }

  private void write(long schoolId, List<ParsedRow> rows, Map<Integer, String> columnAt,
      Map<String, long[]> existing) {
    SendaUser user = permissions.current();
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    for (ParsedRow row : rows) {
      Map<String, String> v = row.values();
      Boolean[] flags = FLAG_COLUMNS.stream().map(f -> v.get(f) == null ? null : ImportValues.flag(v.get(f)).get())
          .toArray(Boolean[]::new);
      String sex = v.get("sex") == null ? null : ImportValues.sex(v.get("sex"));
      LocalDate admission = v.get("admission_date") == null ? null : ImportValues.date(v.get("admission_date")).get();
      Long classId = row.schoolClass() == null ? null : row.schoolClass().id();
      if (row.pupilId() == null) {
        Object[] values = new Object[] {schoolId, row.upn(), row.forename(), row.surname(), v.get("preferred_forename"),
          v.get("preferred_surname"), row.dateOfBirth(), sex, row.year().id(), classId, admission,
          f(flags[0]), f(flags[1]), f(flags[2]), f(flags[3]), f(flags[4]), f(flags[5]), f(flags[6])};
        inserts.add(values);
      } else {
        updates.add(new Object[] {row.forename(), row.surname(), v.get("preferred_forename"),
          v.get("preferred_surname"), row.dateOfBirth(), sex, row.year().id(), classId, admission,
          flags[0], flags[1], flags[2], flags[3], flags[4], flags[5], flags[6], row.pupilId(), schoolId,
          existing.get(row.upn())[1]});
      }
    }
    if (!inserts.isEmpty()) {
      jdbc.batchUpdate("""
          insert into pupil (school_id, upn, legal_forename, legal_surname, preferred_forename, preferred_surname,
            date_of_birth, sex, year_group_id, class_id, admission_date, eal, pupil_premium, free_school_meals,
            looked_after, medical_condition, young_carer, service_child)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
    }
    if (!updates.isEmpty()) {
      int[] counts = jdbc.batchUpdate("""
          update pupil set legal_forename = ?, legal_surname = ?,
            preferred_forename = coalesce(?, preferred_forename), preferred_surname = coalesce(?, preferred_surname),
            date_of_birth = ?, sex = coalesce(?, sex), year_group_id = ?, class_id = coalesce(?, class_id),
            admission_date = coalesce(?, admission_date), eal = coalesce(?, eal),
            pupil_premium = coalesce(?, pupil_premium), free_school_meals = coalesce(?, free_school_meals),
            looked_after = coalesce(?, looked_after), medical_condition = coalesce(?, medical_condition),
            young_carer = coalesce(?, young_carer), service_child = coalesce(?, service_child),
            version = version + 1
          where id = ? and school_id = ? and version = ?""", updates);
      // a pupil changed by someone else since it was read: roll back the whole import rather than overwrite it
      for (int count : counts) {
        if (count == 0) {
          throw new HeldImport.ChangedDuringImport();
        }
      }
    }
    Map<String, Long> ids = new HashMap<>();
    if (!inserts.isEmpty()) {
      jdbc.query("select id, upn from pupil where school_id = ?",
          rs -> {
            ids.put(rs.getString("upn"), rs.getLong("id"));
          },
          schoolId);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Object[]> events = new ArrayList<>();
    List<PupilImportRow> applied = new ArrayList<>();
    for (ParsedRow row : rows) {
      boolean created = row.pupilId() == null;
      long id = created ? ids.get(row.upn()) : row.pupilId();
      events.add(new Object[] {id, schoolId, now.toLocalDate(), now, created ? "IMPORTED" : "IMPORT_UPDATED",
        created ? "Record created by import from the MIS" : "Record updated by import from the MIS", user.email()});
      applied.add(java.util.Objects.requireNonNull(row.importRow()).forPupil(id, created));
    }
    jdbc.batchUpdate("""
        insert into pupil_record_event (pupil_id, school_id, occurred_on, occurred_at, kind, summary, actor)
        values (?, ?, ?, ?, ?, ?, ?)""", events);
    for (PupilImportColumns contributor : contributors) {
      contributor.applyAll(schoolId, applied);
    }
    this.events.publishEvent(new PupilRecordsChanged(schoolId));
  }

  private static boolean f(@Nullable Boolean value) {
    return value != null && value;
  }
}
