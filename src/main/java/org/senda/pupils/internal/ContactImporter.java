package org.senda.pupils.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PostalAddress;
import org.senda.pupils.PupilImportColumn;
import org.senda.pupils.PupilImportError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports parents and carers from a contacts export of the school's MIS, one contact per row. Rows are matched to
 * pupils of the school by UPN, and to a pupil's recorded contacts by name (ignoring case and spacing): a match is
 * updated, anything else is added after the contacts already recorded. Every row is checked as the contact form
 * checks it before anything is written, then all rows are written in one transaction: all or nothing.
 *
 * <p>A column the file has sets its value, a blank cell clearing it; a column the file lacks leaves what is recorded
 * alone. The postal address is one value: any of its columns in the file sets the whole address.
 */
@Component
class ContactImporter {

  static final List<PupilImportColumn> COLUMNS = List.of(
      new PupilImportColumn("upn", true, List.of("UPN", "Pupil UPN", "Unique Pupil Number"),
          "The pupil's unique pupil number, as in the pupil import", "A123456789012"),
      new PupilImportColumn("name", true,
          List.of("Contact Name", "Contact", "Full Name", "Parent Name", "Carer Name", "Contact Full Name"),
          "The parent's or carer's full name", "Sam Khan"),
      new PupilImportColumn("relationship", true,
          List.of("Relationship", "Relationship to Pupil", "Relation", "Contact Relationship", "Relationship Type"),
          "How they are related to the pupil, for example Mother, Father, Grandparent, Foster carer", "Mother"),
      new PupilImportColumn("parental_responsibility", true,
          List.of("Parental Responsibility", "PR", "Has Parental Responsibility"), "Yes or No", "Yes"),
      new PupilImportColumn("phone", false,
          List.of("Telephone", "Phone", "Mobile", "Main Telephone", "Contact Telephone", "Phone Number",
              "Mobile Telephone"),
          "A telephone number", "07700 900982"),
      new PupilImportColumn("email", false, List.of("Email", "Email Address", "E-mail", "Contact Email", "Main Email"),
          "An email address", "sam.khan@example.com"),
      new PupilImportColumn("preferred_language", false,
          List.of("Language", "Home Language", "Preferred Language", "First Language", "Contact Language"),
          "The language they prefer letters in", "English"),
      new PupilImportColumn("address_line_1", false,
          List.of("Address Line 1", "Address 1", "Street", "House and Street", "Address"),
          "First line of the postal address", "12 Station Road"),
      new PupilImportColumn("address_line_2", false, List.of("Address Line 2", "Address 2", "Locality"),
          "Second line of the postal address, if there is one", ""),
      new PupilImportColumn("town", false, List.of("Town", "City", "Town or City", "Post Town"), "Town or city",
          "Leicester"),
      new PupilImportColumn("postcode", false, List.of("Postcode", "Post Code", "Postal Code"), "A UK postcode",
          "LE1 6AB"));

  private static final List<String> ADDRESS_COLUMNS = List.of("address_line_1", "address_line_2", "town",
      "postcode");

  private final Permissions permissions;
  private final JdbcTemplate jdbc;
  private final Audit audit;
  private final Clock clock;

  ContactImporter(Permissions permissions, JdbcTemplate jdbc, Audit audit, Clock clock) {
    this.permissions = permissions;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  List<PupilImportColumn> columns() {
    return COLUMNS;
  }

  /**
   * Reads, checks and (unless a dry run) imports a file; nothing is written when any row has an error. With
   * {@code previewed} given (what the preview showed), nothing is written either when the contacts it would change
   * are no longer as they were then: the result says so and shows the new preview.
   */
  @Transactional
  public ContactImportResult run(long schoolId, byte[] file, String filename, boolean dryRun,
      @Nullable String previewed) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    ImportTable table = ImportFileReader.read(file, filename);
    if (!table.errors().isEmpty()) {
      return ContactImportResult.failed(table.errors(), List.of(), dryRun);
    }
    ImportHeaders headers = ImportHeaders.read(table, COLUMNS);
    if (!headers.errors().isEmpty()) {
      return ContactImportResult.failed(headers.errors(), headers.mapping(), dryRun);
    }
    Map<String, Pupil> pupils = pupils(schoolId);
    List<PupilImportError> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> firstRowOfContact = new HashMap<>();
    for (ImportHeaders.Line line : headers.lines(table)) {
      int rowNumber = line.number();
      Map<String, String> values = line.values();
      List<PupilImportError> rowErrors = new ArrayList<>();
      Row row = parse(rowNumber, values, pupils, rowErrors);
      if (row != null) {
        String key = row.pupil().id() + "/" + key(row.name());
        Integer first = firstRowOfContact.putIfAbsent(key, rowNumber);
        if (first != null) {
          rowErrors.add(new PupilImportError(rowNumber, "name", row.name(),
              row.name() + " is also on row " + first + " for the same pupil",
              "Each parent or carer must appear once for each pupil: delete one of the two rows"));
        }
      }
      errors.addAll(rowErrors);
      if (row != null && rowErrors.isEmpty()) {
        rows.add(row);
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(PupilImportError::row));
      return ContactImportResult.failed(errors, headers.mapping(), dryRun);
    }
    int created = (int) rows.stream().filter(r -> r.existing() == null).count();
    int updated = rows.size() - created;
    List<ContactImportResult.PreviewRow> preview = rows.stream()
        .map(r -> new ContactImportResult.PreviewRow(r.row(), r.pupil().upn(), r.pupil().name(), r.name(),
            r.relationship(), r.existing() == null))
        .toList();
    String fingerprint = fingerprint(rows);
    boolean changed = previewed != null && !previewed.equals(fingerprint);
    if (dryRun || changed) {
      // the preview names the pupils the file's UPNs belong to: a read of pupil records
      audit.record(AuditAction.VIEW, "contact-import", null, schoolId, "preview of " + rows.size() + " rows");
      return new ContactImportResult(created, updated, List.of(), preview, headers.mapping(), true, fingerprint,
          changed);
    }
    write(schoolId, rows, headers);
    audit.record(AuditAction.IMPORT, "contact-import", null, schoolId,
        "created=" + created + ", updated=" + updated);
    return new ContactImportResult(created, updated, List.of(), preview, headers.mapping(), false, fingerprint,
        false);
  }

  /** A pupil of the school with the contacts recorded for them, by name as matched. */
  private record Pupil(long id, String upn, String name, Map<String, Existing> contacts, int lastOrder) {}

  private record Existing(long id, int version) {}

  /** A checked row, with the contact it updates (null: it adds one). */
  private record Row(int row, Pupil pupil, String name, String relationship, boolean parentalResponsibility,
      @Nullable String phone, @Nullable String email, @Nullable String preferredLanguage,
      @Nullable PostalAddress address, @Nullable Existing existing) {}

  private Map<String, Pupil> pupils(long schoolId) {
    Map<Long, Map<String, Existing>> contacts = new HashMap<>();
    Map<Long, Integer> lastOrder = new HashMap<>();
    jdbc.query("""
            select c.id, c.pupil_id, c.name, c.contact_order, c.version from pupil_contact c
            join pupil p on p.id = c.pupil_id where p.school_id = ?""",
        rs -> {
          long pupilId = rs.getLong("pupil_id");
          contacts.computeIfAbsent(pupilId, k -> new HashMap<>())
              .put(key(rs.getString("name")), new Existing(rs.getLong("id"), rs.getInt("version")));
          lastOrder.merge(pupilId, rs.getInt("contact_order"), Math::max);
        },
        schoolId);
    Map<String, Pupil> pupils = new HashMap<>();
    jdbc.query("select id, upn, legal_forename, legal_surname from pupil where school_id = ?",
        rs -> {
          long id = rs.getLong("id");
          pupils.put(rs.getString("upn"), new Pupil(id, rs.getString("upn"),
              rs.getString("legal_forename") + " " + rs.getString("legal_surname"),
              contacts.getOrDefault(id, Map.of()), lastOrder.getOrDefault(id, 0)));
        },
        schoolId);
    return pupils;
  }

  /** A name as contacts are matched: without case and with single spaces. */
  private static String key(String name) {
    return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static @Nullable Row parse(int row, Map<String, String> values, Map<String, Pupil> pupils,
      List<PupilImportError> errors) {
    Pupil pupil = null;
    String upn = values.get("upn");
    if (upn == null) {
      errors.add(new PupilImportError(row, "upn", null, "Enter the pupil's UPN",
          "Copy the pupil's unique pupil number from the MIS"));
    } else {
      pupil = pupils.get(upn.replace(" ", "").toUpperCase(Locale.ROOT));
      if (pupil == null) {
        errors.add(new PupilImportError(row, "upn", upn, "No pupil of this school has UPN " + upn,
            "Import the pupil first, or check the UPN against the MIS"));
      }
    }
    ContactRules.Typed typed = new ContactRules.Typed(values.get("name"), values.get("relationship"),
        values.get("phone"), values.get("email"), values.get("preferred_language"), values.get("address_line_1"),
        values.get("address_line_2"), values.get("town"), values.get("postcode"));
    for (ContactRules.Problem problem : ContactRules.problems(typed)) {
      errors.add(new PupilImportError(row, problem.detail().column(), problem.value(), problem.message(),
          problem.fix()));
    }
    Boolean parentalResponsibility = null;
    String pr = values.get("parental_responsibility");
    if (pr == null) {
      errors.add(new PupilImportError(row, "parental_responsibility", null,
          "Say whether they have parental responsibility", "Write Yes or No"));
    } else {
      parentalResponsibility = ImportValues.flag(pr).orElse(null);
      if (parentalResponsibility == null) {
        errors.add(new PupilImportError(row, "parental_responsibility", pr,
            "Parental responsibility must be Yes or No", "Write Yes or No (or Y, N, true, false, 1, 0)"));
      }
    }
    if (pupil == null || typed.name() == null || typed.relationship() == null || parentalResponsibility == null) {
      return null;
    }
    return new Row(row, pupil, typed.name(), typed.relationship(), parentalResponsibility, typed.phone(),
        typed.email(), typed.preferredLanguage(), ContactRules.address(typed),
        pupil.contacts().get(key(typed.name())));
  }

  /** What the import would change: each row with the contact and version it updates, or that it adds one. */
  private static String fingerprint(List<Row> rows) {
    return rows.stream()
        .map(r -> r.row() + ":" + (r.existing() == null ? "new" : r.existing().id() + "@" + r.existing().version()))
        .collect(Collectors.joining(","));
  }

  private void write(long schoolId, List<Row> rows, ImportHeaders headers) {
    String actor = permissions.current().email();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, Integer> nextOrder = new HashMap<>();
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> events = new ArrayList<>();
    List<Row> updates = new ArrayList<>();
    for (Row r : rows) {
      if (r.existing() != null) {
        updates.add(r);
        events.add(new Object[] {r.pupil().id(), schoolId, now.toLocalDate(), now, "CONTACT_CHANGED",
            "Contact changed: " + r.relationship(), actor});
        continue;
      }
      int order = nextOrder.merge(r.pupil().id(), r.pupil().lastOrder() + 1, (a, b) -> a + 1);
      PostalAddress a = r.address();
      inserts.add(new Object[] {r.pupil().id(), schoolId, r.name(), r.relationship(), r.parentalResponsibility(),
          r.phone(), r.email(), r.preferredLanguage(), a == null ? null : a.line1(), a == null ? null : a.line2(),
          a == null ? null : a.town(), a == null ? null : a.postcode(), order});
      events.add(new Object[] {r.pupil().id(), schoolId, now.toLocalDate(), now, "CONTACT_ADDED",
          "Contact added: " + r.relationship(), actor});
    }
    jdbc.batchUpdate("""
        insert into pupil_contact (pupil_id, school_id, name, relationship, parental_responsibility, phone, email,
          preferred_language, address_line_1, address_line_2, town, postcode, contact_order)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
    update(updates, headers);
    jdbc.batchUpdate("""
        insert into pupil_record_event (pupil_id, school_id, occurred_on, occurred_at, kind, summary, actor)
        values (?, ?, ?, ?, ?, ?, ?)""", events);
  }

  /** Updates the matched contacts with the file's columns only, each only if still at the version matched. */
  private void update(List<Row> rows, ImportHeaders headers) {
    if (rows.isEmpty()) {
      return;
    }
    boolean phone = headers.has("phone");
    boolean email = headers.has("email");
    boolean language = headers.has("preferred_language");
    boolean address = ADDRESS_COLUMNS.stream().anyMatch(headers::has);
    StringBuilder sql = new StringBuilder("update pupil_contact set name = ?, relationship = ?, "
        + "parental_responsibility = ?");
    if (phone) {
      sql.append(", phone = ?");
    }
    if (email) {
      sql.append(", email = ?");
    }
    if (language) {
      sql.append(", preferred_language = ?");
    }
    if (address) {
      sql.append(", address_line_1 = ?, address_line_2 = ?, town = ?, postcode = ?");
    }
    sql.append(", version = version + 1 where id = ? and version = ?");
    List<Object[]> parameters = new ArrayList<>();
    for (Row r : rows) {
      List<Object> p = new ArrayList<>(List.of(r.name(), r.relationship(), r.parentalResponsibility()));
      if (phone) {
        p.add(r.phone());
      }
      if (email) {
        p.add(r.email());
      }
      if (language) {
        p.add(r.preferredLanguage());
      }
      if (address) {
        PostalAddress a = r.address();
        p.add(a == null ? null : a.line1());
        p.add(a == null ? null : a.line2());
        p.add(a == null ? null : a.town());
        p.add(a == null ? null : a.postcode());
      }
      p.add(java.util.Objects.requireNonNull(r.existing()).id());
      p.add(r.existing().version());
      parameters.add(p.toArray());
    }
    int[] counts = jdbc.batchUpdate(sql.toString(), parameters);
    for (int count : counts) {
      if (count == 0) {
        throw new HeldImport.ChangedDuringImport();
      }
    }
  }
}
