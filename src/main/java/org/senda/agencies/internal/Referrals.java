package org.senda.agencies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.senda.access.SendaUser;
import org.senda.agencies.ReferralSent;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of pupils to external agencies: written as drafts, sent only with the parents' consent recorded
 * ({@link ConsentRule}), then followed through the service's answer to its advice, with every change of status
 * dated and signed. The callers have checked the person's right to the pupil ({@link AgencyAccess}).
 */
@Service
class Referrals {

  /** A referral as its page, the pupil page and the API show it. */
  record Referral(long id, long schoolId, long pupilId, long agencyId, ServiceType serviceType, String serviceName,
      @Nullable String professionalName, @Nullable String professionalRole, @Nullable String agencyEmail,
      String reason, @Nullable String questions, ReferralStatus status, LocalDate statusOn,
      @Nullable LocalDate sentOn, String createdByName, @Nullable Long consentContactId,
      @Nullable String consentGivenBy, @Nullable String consentRelationship, @Nullable LocalDate consentOn,
      Consent.@Nullable How consentHow, List<Consent.Scope> consentScope, @Nullable String consentRecordedByName,
      @Nullable OffsetDateTime parentCopySentAt, @Nullable String parentCopyRecipients, int version) {

    public boolean hasConsent() {
      return consentOn != null;
    }

    public String agencyLabel() {
      return professionalName == null ? serviceName : professionalName + ", " + serviceName;
    }

    public String serviceTypeTitle() {
      return serviceType.title();
    }

    public String statusTitle() {
      return status.title();
    }

    public String statusColour() {
      return status.colour();
    }

    public List<String> consentScopeTitles() {
      return consentScope.stream().map(Consent.Scope::title).toList();
    }

    public @Nullable String consentHowTitle() {
      return consentHow == null ? null : consentHow.title();
    }

    public List<ReferralStatus> nextStatuses() {
      return List.copyOf(status.next());
    }

    /** Sent and still without an answer from the service after {@code weeks} weeks. */
    public boolean overdue(LocalDate today, int weeks) {
      return status == ReferralStatus.SENT && sentOn != null && sentOn.plusWeeks(weeks).isBefore(today);
    }
  }

  record StatusChange(ReferralStatus status, LocalDate on, String byName, @Nullable String note) {
    public String statusTitle() {
      return status.title();
    }
  }

  record Report(long id, long referralId, long pupilId, LocalDate receivedOn, String adviceSummary,
      @Nullable String filename, @Nullable Integer sizeBytes, String uploadedByName) {}

  record ReportFile(long referralId, long pupilId, long schoolId, String filename, byte[] bytes) {}

  /** A report with the referral it answers, for the pupil page and the next review. */
  record Advice(Report report, ServiceType serviceType, String serviceName, @Nullable String professionalName,
      @Nullable String professionalRole, long schoolId) {}

  static final String SELECT = """
      select r.id, r.school_id, r.pupil_id, r.agency_id, a.service_type, a.service_name, a.professional_name,
             a.professional_role, a.email as agency_email, r.reason, r.questions, r.status, r.status_on, r.sent_on,
             r.created_by_name, r.consent_contact_id, r.consent_given_by, r.consent_relationship, r.consent_on,
             r.consent_how, r.consent_scope, r.consent_recorded_by_name, r.parent_copy_sent_at,
             r.parent_copy_recipients, r.version
      from referral r join agency a on a.id = r.agency_id""";

  private final JdbcClient jdbc;
  private final Audit audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Referrals(JdbcClient jdbc, Audit audit, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  Optional<Referral> find(long id) {
    return jdbc.sql(SELECT + " where r.id = ?").param(id).query(Referrals::referral).optional();
  }

  /** The pupil's referrals, newest first, in one query. */
  List<Referral> ofPupil(long pupilId) {
    return jdbc.sql(SELECT + " where r.pupil_id = ? order by r.status_on desc, r.id desc")
        .param(pupilId).query(Referrals::referral).list();
  }

  /**
   * The school's referrals with a status (or every open one: sent and waiting, accepted, assessment booked,
   * advice received), oldest sent first, in one query.
   */
  List<Referral> inSchool(long schoolId, @Nullable ReferralStatus status) {
    String where = status == null
        ? " where r.school_id = ? and r.status in ('SENT', 'ACCEPTED', 'ASSESSMENT_BOOKED', 'ADVICE_RECEIVED')"
        : " where r.school_id = ? and r.status = '" + status.name() + "'";
    return jdbc.sql(SELECT + where + " order by r.sent_on, r.status_on, r.id")
        .param(schoolId).query(Referrals::referral).list();
  }

  List<StatusChange> history(long referralId) {
    return jdbc.sql("""
            select status, changed_on, changed_by_name, note from referral_status_change
            where referral_id = ? order by changed_on, id""")
        .param(referralId)
        .query((rs, n) -> new StatusChange(ReferralStatus.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
            rs.getString(3), rs.getString(4)))
        .list();
  }

  List<Report> reports(long referralId) {
    return jdbc.sql(REPORT + " where referral_id = ? order by received_on, id").param(referralId)
        .query(Referrals::report).list();
  }

  /** The pupil's reports and advice received on or after {@code since}, oldest first, in one query. */
  List<Advice> adviceOf(long pupilId, LocalDate since) {
    return jdbc.sql("""
            select rr.id, rr.referral_id, rr.pupil_id, rr.received_on, rr.advice_summary, rr.filename, rr.size_bytes,
                   rr.uploaded_by_name, a.service_type, a.service_name, a.professional_name, a.professional_role,
                   rr.school_id
            from referral_report rr join referral r on r.id = rr.referral_id join agency a on a.id = r.agency_id
            where rr.pupil_id = ? and rr.received_on >= ? order by rr.received_on, rr.id""")
        .params(pupilId, since)
        .query((rs, n) -> new Advice(report(rs, n), ServiceType.valueOf(rs.getString("service_type")),
            rs.getString("service_name"), rs.getString("professional_name"), rs.getString("professional_role"),
            rs.getLong("school_id")))
        .list();
  }

  Optional<ReportFile> reportFile(long reportId) {
    return jdbc.sql("""
            select referral_id, pupil_id, school_id, filename, bytes from referral_report
            where id = ? and bytes is not null""")
        .param(reportId)
        .query((rs, n) -> new ReportFile(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
            rs.getBytes(5)))
        .optional();
  }

  /** Writes a referral as a draft; with consent and {@code send}, sends it at once. */
  @Transactional
  Referral create(PupilSummary pupil, SendaUser by, AgencyDirectory.Agency agency, String reason,
      @Nullable String questions, ConsentRule.@Nullable Given consent, boolean send, LocalDate sentOn) {
    if (send && consent == null) {
      throw new ReferralInvalid("consent", ConsentRule.MISSING);
    }
    LocalDate today = LocalDate.now(clock);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into referral (school_id, pupil_id, agency_id, reason, questions, status, status_on,
              created_by_name)
            values (?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
        .params(pupil.schoolId(), pupil.id(), agency.id(), reason.strip(), AgencyDirectory.trim(questions), today,
            by.displayName())
        .update(key, "id");
    long id = Objects.requireNonNull(key.getKey()).longValue();
    history(id, ReferralStatus.DRAFT, today, by, "Referral written");
    audit.record(AuditAction.CREATE, "referral", id, pupil.schoolId(), "pupil " + pupil.id());
    if (consent != null) {
      recordConsent(find(id).orElseThrow(), consent, 0, by);
    }
    if (send) {
      Referral draft = find(id).orElseThrow();
      changeStatus(draft, ReferralStatus.SENT, sentOn, null, draft.version(), by);
    }
    return find(id).orElseThrow();
  }

  /** Records the parents' consent, unless someone else changed the referral since {@code version}. */
  @Transactional
  void recordConsent(Referral referral, ConsentRule.Given consent, int version, SendaUser by) {
    if (referral.status() == ReferralStatus.CLOSED) {
      throw new ReferralInvalid("consent", "This referral is closed");
    }
    int updated = jdbc.sql("""
            update referral set consent_contact_id = ?, consent_given_by = ?, consent_relationship = ?,
              consent_on = ?, consent_how = ?, consent_scope = ?, consent_recorded_by_name = ?, version = version + 1
            where id = ? and version = ?""")
        .params(consent.contactId(), consent.givenBy().strip(), consent.relationship().strip(), consent.givenOn(),
            consent.how().name(),
            consent.scope().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
            by.displayName(), referral.id(), version)
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("referral " + referral.id());
    }
    audit.record(AuditAction.UPDATE, "referral", referral.id(), referral.schoolId(), "consent recorded");
  }

  /**
   * Moves the referral on. Sending needs the parents' consent; once sent, the parents are sent a copy after the
   * change has committed ({@link ReferralSent}).
   */
  @Transactional
  void changeStatus(Referral referral, ReferralStatus to, LocalDate on, @Nullable String note, int version,
      SendaUser by) {
    if (!referral.status().next().contains(to)) {
      throw new ReferralInvalid("status", "A referral that is " + referral.status().title().toLowerCase(Locale.ROOT)
          + " cannot be marked " + to.title().toLowerCase(Locale.ROOT));
    }
    if (to == ReferralStatus.SENT && !referral.hasConsent()) {
      throw new ReferralInvalid("consent", ConsentRule.MISSING);
    }
    if (on.isAfter(LocalDate.now(clock))) {
      throw new ReferralInvalid("changedOn", "The date must be today or in the past");
    }
    int updated = jdbc.sql("""
            update referral set status = ?, status_on = ?, sent_on = coalesce(?, sent_on), version = version + 1
            where id = ? and version = ?""")
        .params(to.name(), on, to == ReferralStatus.SENT ? on : null, referral.id(), version)
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("referral " + referral.id());
    }
    history(referral.id(), to, on, by, AgencyDirectory.trim(note));
    audit.record(AuditAction.UPDATE, "referral", referral.id(), referral.schoolId(), "status " + to.name());
    if (to == ReferralStatus.SENT) {
      events.publishEvent(new ReferralSent(referral.id(), referral.pupilId(), referral.schoolId(), on));
    }
  }

  /** Keeps a professional's report (a PDF already checked by {@link ReportFiles}) and their advice. */
  @Transactional
  long addReport(Referral referral, LocalDate receivedOn, String adviceSummary, @Nullable String filename,
      byte @Nullable [] bytes, SendaUser by) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into referral_report (referral_id, school_id, pupil_id, received_on, advice_summary, filename,
              size_bytes, bytes, uploaded_by_name, uploaded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(referral.id(), referral.schoolId(), referral.pupilId(), receivedOn, adviceSummary.strip(), filename,
            bytes == null ? null : bytes.length, bytes, by.displayName(),
            clock.instant().atOffset(ZoneOffset.UTC))
        .update(key, "id");
    long id = Objects.requireNonNull(key.getKey()).longValue();
    audit.record(AuditAction.CREATE, "referral-report", id, referral.schoolId(), "referral " + referral.id());
    return id;
  }

  /** Notes that the parents were sent their copy of the referral, when and to whom. */
  @Transactional
  void recordCopySent(long referralId, @Nullable OffsetDateTime sentAt, String recipients) {
    jdbc.sql("update referral set parent_copy_sent_at = ?, parent_copy_recipients = ? where id = ?")
        .params(sentAt, recipients.length() > 1000 ? recipients.substring(0, 1000) : recipients, referralId)
        .update();
  }

  private void history(long referralId, ReferralStatus status, LocalDate on, SendaUser by, @Nullable String note) {
    jdbc.sql("""
            insert into referral_status_change (referral_id, status, changed_on, changed_by_name, note, recorded_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(referralId, status.name(), on, by.displayName(), note, clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  static final String REPORT = """
      select id, referral_id, pupil_id, received_on, advice_summary, filename, size_bytes, uploaded_by_name
      from referral_report""";

  static Report report(ResultSet rs, int n) throws SQLException {
    int size = rs.getInt("size_bytes");
    Integer sizeBytes = rs.wasNull() ? null : size;
    return new Report(rs.getLong("id"), rs.getLong("referral_id"), rs.getLong("pupil_id"),
        rs.getObject("received_on", LocalDate.class), rs.getString("advice_summary"), rs.getString("filename"),
        sizeBytes, rs.getString("uploaded_by_name"));
  }

  static Referral referral(ResultSet rs, int n) throws SQLException {
    long contact = rs.getLong("consent_contact_id");
    Long contactId = rs.wasNull() ? null : contact;
    String how = rs.getString("consent_how");
    String scope = rs.getString("consent_scope");
    return new Referral(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("pupil_id"), rs.getLong("agency_id"),
        ServiceType.valueOf(rs.getString("service_type")), rs.getString("service_name"),
        rs.getString("professional_name"), rs.getString("professional_role"), rs.getString("agency_email"),
        rs.getString("reason"), rs.getString("questions"), ReferralStatus.valueOf(rs.getString("status")),
        rs.getObject("status_on", LocalDate.class), rs.getObject("sent_on", LocalDate.class),
        rs.getString("created_by_name"), contactId, rs.getString("consent_given_by"),
        rs.getString("consent_relationship"), rs.getObject("consent_on", LocalDate.class),
        how == null ? null : Consent.How.valueOf(how),
        scope == null ? List.of() : Arrays.stream(scope.split(",")).filter(s -> !s.isBlank())
            .map(Consent.Scope::valueOf).toList(),
        rs.getString("consent_recorded_by_name"), rs.getObject("parent_copy_sent_at", OffsetDateTime.class),
        rs.getString("parent_copy_recipients"), rs.getInt("version"));
  }
}
