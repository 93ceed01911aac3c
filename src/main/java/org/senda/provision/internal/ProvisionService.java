package org.senda.provision.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.Role;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.organisation.StaffSummary;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.Pupils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue, provision groups and their sessions: validation, permissions, audit and cost. */
@Service
class ProvisionService {

  private static final List<Role> ROLE_PREFERENCE = List.of(Role.TEACHING_ASSISTANT, Role.TEACHER, Role.SENCO,
      Role.HEADTEACHER, Role.DSL, Role.SCHOOL_ADMIN);

  record InterventionDraft(@Nullable String name, @Nullable String areaOfNeed, @Nullable String description,
      @Nullable String evidenceLink, @Nullable Integer defaultGroupSize, @Nullable Integer sessionsPerWeek,
      @Nullable Integer minutesPerSession, @Nullable Integer lengthWeeks, @Nullable Long resourcesCostPence,
      @Nullable String entryExitMeasure, @Nullable String deliveredByRole, boolean sharedAcrossTrust) {}

  record StaffDraft(@Nullable Long staffId, @Nullable String role) {}

  record GroupDraft(@Nullable Long interventionId, @Nullable List<StaffDraft> staff, @Nullable List<Long> pupilIds,
      @Nullable Integer sessionsPerWeek, @Nullable Integer minutesPerSession, @Nullable LocalDate startDate,
      @Nullable LocalDate endDate, @Nullable String room, @Nullable String dayOfWeek, @Nullable String startTime,
      @Nullable Integer reviewAfterWeeks, @Nullable List<SlotDraft> slots, @Nullable String kind,
      @Nullable String lessons) {

    /** A draft as clients sent it before groups had a kind: the kind is read from the number of pupils. */
    GroupDraft(@Nullable Long interventionId, @Nullable List<StaffDraft> staff, @Nullable List<Long> pupilIds,
        @Nullable Integer sessionsPerWeek, @Nullable Integer minutesPerSession, @Nullable LocalDate startDate,
        @Nullable LocalDate endDate, @Nullable String room, @Nullable String dayOfWeek, @Nullable String startTime,
        @Nullable Integer reviewAfterWeeks, @Nullable List<SlotDraft> slots) {
      this(interventionId, staff, pupilIds, sessionsPerWeek, minutesPerSession, startDate, endDate, room, dayOfWeek,
          startTime, reviewAfterWeeks, slots, null, null);
    }
  }

  /** A weekly time as given; minutes default to the group's minutes per session. */
  record SlotDraft(@Nullable String dayOfWeek, @Nullable String startTime, @Nullable Integer minutes) {}

  /**
   * The school day weekly times must fall within, wraparound care included: a group may start at 08:00 and must
   * end by 17:00.
   */
  static final java.time.LocalTime SCHOOL_DAY_STARTS = java.time.LocalTime.of(8, 0);

  static final java.time.LocalTime SCHOOL_DAY_ENDS = java.time.LocalTime.of(17, 0);

  record AttendanceDraft(@Nullable Long pupilId, @Nullable Boolean attended) {}

  record SessionDraft(@Nullable LocalDate date, @Nullable Boolean delivered, @Nullable String cancelledReason,
      @Nullable Integer minutes, @Nullable List<AttendanceDraft> attendance) {}

  record Cost(BigDecimal planned, BigDecimal actual, BigDecimal perPupilActual, BigDecimal perPupilPlanned,
      long plannedSessions, long deliveredSessions, long cancelledSessions, int pupils) {}

  private final ProvisionStore store;
  private final Permissions permissions;
  private final Organisation organisation;
  private final Pupils pupils;
  private final Audit audit;
  private final Clock clock;

  ProvisionService(ProvisionStore store, Permissions permissions, Organisation organisation, Pupils pupils,
      Audit audit, Clock clock) {
    this.store = store;
    this.permissions = permissions;
    this.organisation = organisation;
    this.pupils = pupils;
    this.audit = audit;
    this.clock = clock;
  }

  private SchoolSummary school(long schoolId) {
    return organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
  }

  @Transactional(readOnly = true)
  List<Intervention> catalogue(long schoolId) {
    permissions.requireSchool(schoolId);
    return store.catalogue(school(schoolId).trustId(), schoolId);
  }

  /**
   * Adds an entry to the school's own catalogue. Entries shared across the trust are kept by the trust SEND lead
   * on the trust's catalogue, so a school asking for one is told where to go (422 on {@code sharedAcrossTrust}).
   */
  @Transactional
  Intervention addIntervention(long schoolId, InterventionDraft d) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    SchoolSummary school = school(schoolId);
    ProvisionStore.NewIntervention row = validIntervention(school.trustId(), schoolId, d);
    long id = store.insert(row);
    audit.record(AuditAction.CREATE, "intervention", id, schoolId, null);
    return store.interventionFor(school.trustId(), schoolId, id).orElseThrow();
  }

  // --- The trust's shared catalogue, kept by the trust SEND lead

  /** The trust SEND lead of the signed-in person's trust; anyone else is refused (403). */
  private SendaUser trustLead() {
    SendaUser user = permissions.current();
    if (!user.trustRoles().contains(Role.TRUST_SEND_LEAD)) {
      throw new org.senda.access.ActionForbidden("the trust's intervention catalogue");
    }
    return user;
  }

  /**
   * The trust SEND lead of trust {@code trustId}: another trust is not found (404) and anyone else of this trust is
   * refused (403). School staff read the shared entries through their school's catalogue.
   */
  private SendaUser trustLead(long trustId) {
    SendaUser user = permissions.current();
    if (user.trustId() != trustId) {
      throw new AccessRefused("trust " + trustId);
    }
    return trustLead();
  }

  /** The shared entries of trust {@code trustId}, for its SEND lead. */
  @Transactional(readOnly = true)
  List<Intervention> trustCatalogue(long trustId) {
    trustLead(trustId);
    return trustCatalogue();
  }

  /** Adds a shared entry to trust {@code trustId}'s catalogue, for its SEND lead. */
  @Transactional
  Intervention addTrustIntervention(long trustId, InterventionDraft d) {
    trustLead(trustId);
    return addTrustIntervention(d);
  }

  /** Changes a shared entry of trust {@code trustId}, for its SEND lead, if still at {@code version}. */
  @Transactional
  Intervention updateTrustIntervention(long trustId, long interventionId, int version, InterventionDraft d) {
    trustLead(trustId);
    return updateTrustIntervention(interventionId, version, d);
  }

  /** Whether the signed-in person keeps their trust's shared catalogue. */
  boolean keepsTrustCatalogue() {
    return permissions.current().trustRoles().contains(Role.TRUST_SEND_LEAD);
  }

  /** The entries shared across the signed-in trust SEND lead's trust, by name. */
  @Transactional(readOnly = true)
  List<Intervention> trustCatalogue() {
    return store.trustCatalogue(trustLead().trustId());
  }

  /** One shared entry of the lead's trust; an entry of a school or of another trust is not found (404). */
  @Transactional(readOnly = true)
  Intervention trustIntervention(long interventionId) {
    return store.trustIntervention(trustLead().trustId(), interventionId)
        .orElseThrow(() -> new AccessRefused("trust intervention " + interventionId));
  }

  @Transactional(readOnly = true)
  void checkTrustIntervention(InterventionDraft d) {
    validIntervention(trustLead().trustId(), null, d);
  }

  /** Adds an entry every school of the trust sees in its catalogue and may use for its groups (read-only there). */
  @Transactional
  Intervention addTrustIntervention(InterventionDraft d) {
    long trustId = trustLead().trustId();
    long id = store.insert(validIntervention(trustId, null, d));
    audit.record(AuditAction.CREATE, "intervention", id, null, "shared across trust");
    return store.trustIntervention(trustId, id).orElseThrow();
  }

  /**
   * Changes a shared entry, if nobody has changed it since {@code version} was read. Groups already using it keep
   * their own sessions per week and minutes; new groups take the new defaults.
   *
   * @throws org.springframework.dao.OptimisticLockingFailureException when someone else saved it meanwhile
   */
  @Transactional
  Intervention updateTrustIntervention(long interventionId, int version, InterventionDraft d) {
    Intervention current = trustIntervention(interventionId);
    ProvisionStore.NewIntervention row = validIntervention(current.trustId(), null, d);
    if (!store.update(interventionId, version, row)) {
      throw new org.springframework.dao.OptimisticLockingFailureException("intervention " + interventionId);
    }
    audit.record(AuditAction.UPDATE, "intervention", interventionId, null, "shared across trust");
    return store.trustIntervention(current.trustId(), interventionId).orElseThrow();
  }

  /**
   * Changes one of the school's own catalogue entries, if nobody has changed it since {@code version} was read.
   * Entries shared across the trust are read-only for a school (403).
   *
   * @throws org.springframework.dao.OptimisticLockingFailureException when someone else saved it meanwhile
   */
  @Transactional
  Intervention updateIntervention(long schoolId, long interventionId, int version, InterventionDraft d) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    SchoolSummary school = school(schoolId);
    Intervention current = store.interventionFor(school.trustId(), schoolId, interventionId)
        .orElseThrow(() -> new AccessRefused("intervention " + interventionId));
    if (current.sharedAcrossTrust()) {
      throw new org.senda.access.ActionForbidden("shared intervention " + interventionId);
    }
    ProvisionStore.NewIntervention row = validIntervention(school.trustId(), schoolId, d);
    if (!store.update(interventionId, version, row)) {
      throw new org.springframework.dao.OptimisticLockingFailureException("intervention " + interventionId);
    }
    audit.record(AuditAction.UPDATE, "intervention", interventionId, schoolId, null);
    return store.interventionFor(school.trustId(), schoolId, interventionId).orElseThrow();
  }

  /** The entry as it may be saved: the school's own, or shared across the trust when {@code schoolId} is null. */
  private ProvisionStore.NewIntervention validIntervention(long trustId, @Nullable Long schoolId,
      InterventionDraft d) {
    List<ProvisionInvalid.FieldError> errors = new ArrayList<>();
    if (schoolId != null && d.sharedAcrossTrust()) {
      errors.add(error("sharedAcrossTrust", "A school cannot add an entry shared across the trust: the trust SEND "
          + "lead adds those to the trust's catalogue"));
    }
    String name = trim(d.name());
    if (name == null) {
      errors.add(error("name", "Enter the name of the intervention"));
    } else if (name.length() > 200) {
      errors.add(error("name", "Name must be 200 characters or fewer"));
    }
    String area = trim(d.areaOfNeed());
    if (area == null) {
      errors.add(error("areaOfNeed", "Select the area of need"));
    } else if (!isArea(area)) {
      errors.add(error("areaOfNeed", "Area of need must be one of COMMUNICATION_AND_INTERACTION, "
          + "COGNITION_AND_LEARNING, SOCIAL_EMOTIONAL_MENTAL_HEALTH, SENSORY_AND_PHYSICAL"));
    }
    String description = trim(d.description());
    if (description != null && description.length() > 2000) {
      errors.add(error("description", "Description must be 2,000 characters or fewer"));
    }
    String evidence = trim(d.evidenceLink());
    if (evidence != null && (!evidence.matches("(?i)https?://\\S+") || evidence.length() > 500)) {
      errors.add(error("evidenceLink", "Enter the evidence link as a web address starting with https://"));
    }
    whole(errors, "defaultGroupSize", "default group size", d.defaultGroupSize(), 1, 40);
    whole(errors, "sessionsPerWeek", "sessions per week", d.sessionsPerWeek(), 1, 25);
    whole(errors, "minutesPerSession", "minutes per session", d.minutesPerSession(), 1, 480);
    whole(errors, "lengthWeeks", "length in weeks", d.lengthWeeks(), 1, 156);
    if (d.resourcesCostPence() == null) {
      errors.add(error("resourcesCostPence", "Enter the resources cost in pence (0 if there is none)"));
    } else if (d.resourcesCostPence() < 0 || d.resourcesCostPence() > 100_000_000L) {
      errors.add(error("resourcesCostPence", "Resources cost must be between 0 and 100000000 pence"));
    }
    String measure = trim(d.entryExitMeasure());
    if (measure != null && measure.length() > 200) {
      errors.add(error("entryExitMeasure", "Entry and exit measure must be 200 characters or fewer"));
    }
    Role role = null;
    String roleName = trim(d.deliveredByRole());
    if (roleName == null) {
      errors.add(error("deliveredByRole", "Select the staff role that delivers the intervention"));
    } else {
      role = deliveringRole(roleName);
      if (role == null) {
        errors.add(error("deliveredByRole", "Delivering role must be one of " + ROLE_PREFERENCE.stream()
            .map(Role::name).collect(Collectors.joining(", "))));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProvisionInvalid(errors);
    }
    return new ProvisionStore.NewIntervention(trustId, schoolId, name, area, description, evidence, d.defaultGroupSize(),
        d.sessionsPerWeek(), d.minutesPerSession(), d.lengthWeeks(), d.resourcesCostPence(), measure, role.name());
  }

  @Transactional
  long createGroup(long schoolId, GroupDraft d) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    ProvisionStore.NewGroup group = validGroup(schoolId, d, List.of());
    long id = store.insert(group, clock.instant());
    audit.record(AuditAction.CREATE, "provision-group", id, schoolId, group.pupilIds().size() + " pupils");
    return id;
  }

  /**
   * Changes a group (intervention, staff, pupils, schedule, dates, review), if nobody has changed it since
   * {@code version} was read. Pupils who stay keep their measures and attendance.
   *
   * @throws org.springframework.dao.OptimisticLockingFailureException when someone else saved it meanwhile
   */
  @Transactional
  void updateGroup(long groupId, int version, GroupDraft d) {
    ProvisionStore.Group current = visibleGroup(groupId);
    long schoolId = current.schoolId();
    permissions.require(schoolId, Permission.MANAGE_SEND);
    ProvisionStore.NewGroup group = validGroup(schoolId, d, store.pupils(groupId));
    if (!store.update(groupId, version, group)) {
      throw new org.springframework.dao.OptimisticLockingFailureException("provision group " + groupId);
    }
    audit.record(AuditAction.UPDATE, "provision-group", groupId, schoolId, group.pupilIds().size() + " pupils");
  }

  /** Checks a group without saving it, so that a page can show every problem at once. */
  @Transactional(readOnly = true)
  void checkGroup(long schoolId, GroupDraft d, List<Long> members) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    validGroup(schoolId, d, members);
  }

  /** Checks a catalogue entry without saving it, so that a page can show every problem at once. */
  @Transactional(readOnly = true)
  void checkIntervention(long schoolId, InterventionDraft d) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    validIntervention(school(schoolId).trustId(), schoolId, d);
  }

  private static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

  /** The group as it may be saved; {@code members} are pupils already in it (who may have left the school). */
  private ProvisionStore.NewGroup validGroup(long schoolId, GroupDraft d, List<Long> members) {
    SchoolSummary school = school(schoolId);
    List<ProvisionInvalid.FieldError> errors = new ArrayList<>();
    Intervention intervention = null;
    if (d.interventionId() == null) {
      errors.add(error("interventionId", "Select an intervention"));
    } else {
      intervention = store.interventionFor(school.trustId(), schoolId, d.interventionId()).orElse(null);
      if (intervention == null) {
        errors.add(error("interventionId", "Select an intervention from the school's catalogue"));
      }
    }
    List<ProvisionStore.GroupStaff> staff = new ArrayList<>();
    if (d.staff() == null || d.staff().isEmpty()) {
      errors.add(error("staff", "Name at least one member of staff who delivers the group"));
    } else {
      Map<Long, StaffSummary> schoolStaff = organisation.staffOf(schoolId).stream()
          .collect(Collectors.toMap(StaffSummary::id, s -> s, (a, b) -> a));
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < d.staff().size(); i++) {
        StaffDraft s = d.staff().get(i);
        String field = "staff[" + i + "].staffId";
        StaffSummary member = s == null || s.staffId() == null ? null : schoolStaff.get(s.staffId());
        if (s == null || s.staffId() == null) {
          errors.add(error(field, "Enter the staff id"));
        } else if (member == null) {
          errors.add(error(field, "Staff member " + s.staffId() + " does not work at this school"));
        } else if (!seen.add(member.id())) {
          errors.add(error(field, "Staff member " + member.id() + " is named twice"));
        } else {
          Role role = roleFor(member, s.role(), intervention);
          if (role == null) {
            errors.add(error(s.role() != null ? "staff[" + i + "].role" : field,
                member.name() + " holds no role at this school that delivers provision"
                    + (s.role() != null ? " as " + s.role() : "")));
          } else {
            staff.add(new ProvisionStore.GroupStaff(0, member.id(), role));
          }
        }
      }
    }
    List<Long> pupilIds = new ArrayList<>();
    if (d.pupilIds() == null || d.pupilIds().isEmpty()) {
      errors.add(error("pupilIds", "Add at least one pupil to the group"));
    } else {
      Map<Long, PupilSummary> found = pupils.byIds(d.pupilIds().stream().filter(p -> p != null).toList());
      for (int i = 0; i < d.pupilIds().size(); i++) {
        Long id = d.pupilIds().get(i);
        PupilSummary pupil = id == null ? null : found.get(id);
        if ((pupil == null || pupil.schoolId() != schoolId) && !members.contains(id)) {
          errors.add(error("pupilIds[" + i + "]", "Pupil " + id + " is not a pupil of this school"));
        } else if (pupilIds.contains(id)) {
          errors.add(error("pupilIds[" + i + "]", "Pupil " + id + " is listed twice"));
        } else {
          pupilIds.add(id);
        }
      }
    }
    Integer mps = d.minutesPerSession() != null ? d.minutesPerSession()
        : intervention != null ? Integer.valueOf(intervention.minutesPerSession()) : null;
    whole(errors, "minutesPerSession", "minutes per session", mps, 1, 480);
    List<Slot> slots = validSlots(errors, d, mps == null ? 0 : mps);
    Integer spw = d.sessionsPerWeek() != null ? d.sessionsPerWeek()
        : !slots.isEmpty() ? Integer.valueOf(slots.size())
        : intervention != null ? Integer.valueOf(intervention.sessionsPerWeek()) : null;
    whole(errors, "sessionsPerWeek", "sessions per week", spw, 1, 25);
    if (spw != null && spw >= 1 && spw < slots.size()) {
      errors.add(error("sessionsPerWeek", "Sessions per week must be at least the number of weekly times ("
          + slots.size() + ")"));
    }
    if (d.startDate() == null) {
      errors.add(error("startDate", "Enter the start date"));
    }
    if (d.endDate() == null) {
      errors.add(error("endDate", "Enter the end date"));
    } else if (d.startDate() != null && d.endDate().isBefore(d.startDate())) {
      errors.add(error("endDate", "End date must be the same as or after the start date"));
    } else if (d.startDate() != null && d.endDate().isAfter(d.startDate().plusYears(3))) {
      errors.add(error("endDate", "End date must be within three years of the start date"));
    }
    DeliveryKind kind = kind(errors, d);
    String room = trim(d.room());
    if (room != null && room.length() > 100) {
      errors.add(error("room", "Room must be 100 characters or fewer"));
    }
    String lessons = trim(d.lessons());
    if (kind == DeliveryKind.IN_CLASS) {
      if (lessons == null) {
        errors.add(error("lessons", "Enter the lessons the support is in, for example English and maths in 4B"));
      } else if (lessons.length() > 200) {
        errors.add(error("lessons", "Lessons must be 200 characters or fewer"));
      }
      if (room != null) {
        errors.add(error("room", "In-class support happens in the pupils' lessons: leave the room blank and "
            + "name the lessons instead"));
      }
    } else {
      // Lessons are named for in-class support only; a withdrawal group or one-to-one support has a room.
      lessons = null;
    }
    if (d.reviewAfterWeeks() != null && (d.reviewAfterWeeks() < 1 || d.reviewAfterWeeks() > 156)) {
      errors.add(error("reviewAfterWeeks", "Review after must be between 1 and 156 weeks"));
    }
    if (!errors.isEmpty()) {
      throw new ProvisionInvalid(errors);
    }
    return new ProvisionStore.NewGroup(schoolId, intervention.id(), spw, mps, d.startDate(), d.endDate(), room, staff,
        pupilIds, slots, d.reviewAfterWeeks(), kind, lessons);
  }

  /**
   * The kind asked for, or, when none is given, the kind read from the number of pupils as before kinds were kept.
   * One-to-one support is for exactly one pupil.
   */
  private static DeliveryKind kind(List<ProvisionInvalid.FieldError> errors, GroupDraft d) {
    String asked = trim(d.kind());
    int given = d.pupilIds() == null ? 0 : d.pupilIds().size();
    if (asked == null) {
      return DeliveryKind.derived(given);
    }
    DeliveryKind kind = DeliveryKind.parse(asked).orElse(null);
    if (kind == null) {
      errors.add(error("kind", "Kind must be one of GROUP, ONE_TO_ONE, IN_CLASS"));
      return DeliveryKind.derived(given);
    }
    if (kind == DeliveryKind.ONE_TO_ONE && given > 1) {
      errors.add(error("pupilIds", "One-to-one support is for one pupil: select one pupil, or choose a "
          + "withdrawal group or in-class support for " + given + " pupils"));
    }
    return kind;
  }

  /**
   * The weekly times of a group, Monday first: each a school day and a time on the 24-hour clock within the school
   * day, none given twice or overlapping another of the same group. Clients that send one {@code dayOfWeek} and
   * {@code startTime} (before groups had several times) give the first weekly time that way. A group sent without
   * any weekly time has no fixed weekly time (in-class support, one-to-one support arranged day by day, a timetable
   * not fixed yet): its staff's hours count from sessions per week and minutes per session, and the staff
   * deployment lists it as one whose clashes could not be checked.
   */
  private static List<Slot> validSlots(List<ProvisionInvalid.FieldError> errors, GroupDraft d, int usualMinutes) {
    List<SlotDraft> given = new ArrayList<>(d.slots() == null ? List.of() : d.slots());
    String day = trim(d.dayOfWeek());
    String time = trim(d.startTime());
    if (given.isEmpty() && (day != null || time != null)) {
      given.add(new SlotDraft(day, time, null));
    } else if (!given.isEmpty() && (day != null || time != null)) {
      SlotDraft first = given.getFirst();
      if (first == null || !java.util.Objects.equals(day, trim(first.dayOfWeek()))
          || !java.util.Objects.equals(time, trim(first.startTime()))) {
        errors.add(error("dayOfWeek", "Day and start time must be the first of the weekly times, or left out"));
      }
    }
    boolean single = d.slots() == null || d.slots().isEmpty();
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      SlotDraft s = given.get(i);
      String prefix = single ? "" : "slots[" + i + "].";
      String which = single ? "" : " of weekly time " + (i + 1);
      String dayName = s == null ? null : trim(s.dayOfWeek());
      String start = s == null ? null : trim(s.startTime());
      Integer minutes = s == null || s.minutes() == null ? Integer.valueOf(usualMinutes) : s.minutes();
      boolean ok = true;
      if (dayName == null) {
        errors.add(error(prefix + "dayOfWeek", "Select the day" + which));
        ok = false;
      } else if (!DAYS.contains(dayName)) {
        errors.add(error(prefix + "dayOfWeek", "Day" + which + " must be a school day, MONDAY to FRIDAY"));
        ok = false;
      }
      if (start == null) {
        errors.add(error(prefix + "startTime", "Enter the start time" + which));
        ok = false;
      } else if (!start.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
        errors.add(error(prefix + "startTime", "Enter the start time" + which
            + " as hours and minutes on the 24-hour clock, like 09:30"));
        ok = false;
      }
      if (minutes < 1 || minutes > 480) {
        errors.add(error(prefix + "minutes", "Minutes" + which + " must be between 1 and 480"));
        ok = false;
      }
      if (!ok) {
        continue;
      }
      Slot slot = new Slot(dayName, start, minutes);
      if (slot.start().isBefore(SCHOOL_DAY_STARTS) || slot.end().isAfter(SCHOOL_DAY_ENDS)
          || slot.end().isBefore(slot.start())) {
        errors.add(error(prefix + "startTime", capitalise(slot.title()) + " is outside the school day: weekly "
            + "times must start at " + SCHOOL_DAY_STARTS + " or later and end by " + SCHOOL_DAY_ENDS));
        continue;
      }
      Slot clash = slots.stream().filter(slot::overlaps).findFirst().orElse(null);
      if (clash != null) {
        errors.add(error(prefix + "startTime", clash.dayOfWeek().equals(slot.dayOfWeek())
            && clash.startTime().equals(slot.startTime())
            ? slot.dayTitle() + " at " + slot.startTime() + " is given twice"
            : slot.title() + " overlaps " + clash.title() + ": a group meets at one place at a time"));
        continue;
      }
      slots.add(slot);
    }
    return slots.stream().sorted(Slot.IN_THE_WEEK).toList();
  }

  /** The group, when the signed-in person can see its school (404 otherwise). */
  ProvisionStore.Group visibleGroup(long groupId) {
    ProvisionStore.Group group = store.group(groupId).orElseThrow(() -> new AccessRefused("group " + groupId));
    permissions.requireSchool(group.schoolId());
    return group;
  }

  @Transactional
  long recordSession(long groupId, SessionDraft d) {
    ProvisionStore.Group group = visibleGroup(groupId);
    SendaUser user = permissions.current();
    List<ProvisionStore.GroupStaff> staff = store.staff(groupId);
    boolean deliversIt = user.staffId() != null && staff.stream().anyMatch(s -> s.staffId() == user.staffId());
    if (!deliversIt) {
      permissions.require(group.schoolId(), Permission.MANAGE_SEND);
    }
    List<Long> members = store.pupils(groupId);
    List<ProvisionInvalid.FieldError> errors = new ArrayList<>();
    if (d.date() == null) {
      errors.add(error("date", "Enter the date of the session"));
    } else if (d.date().isBefore(group.startDate()) || d.date().isAfter(group.endDate())) {
      errors.add(error("date", "Date must be between the group's start date " + group.startDate()
          + " and end date " + group.endDate()));
    } else if (d.date().isAfter(LocalDate.now(clock))) {
      errors.add(error("date", "Date must be today or in the past"));
    }
    List<ProvisionStore.Attendance> attendance = new ArrayList<>();
    String reason = trim(d.cancelledReason());
    if (d.delivered() == null) {
      errors.add(error("delivered", "Say whether the session was delivered or cancelled"));
    } else if (!d.delivered()) {
      if (reason == null) {
        errors.add(error("cancelledReason", "Enter why the session was cancelled"));
      } else if (reason.length() > 500) {
        errors.add(error("cancelledReason", "Reason must be 500 characters or fewer"));
      }
      if (d.attendance() != null && !d.attendance().isEmpty()) {
        errors.add(error("attendance", "A cancelled session has no attendance"));
      }
    } else {
      if (reason != null) {
        errors.add(error("cancelledReason", "A delivered session has no cancellation reason"));
      }
      List<AttendanceDraft> given = d.attendance() == null ? List.of() : d.attendance();
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < given.size(); i++) {
        AttendanceDraft a = given.get(i);
        if (a == null || a.pupilId() == null || !members.contains(a.pupilId())) {
          errors.add(error("attendance[" + i + "].pupilId", "Pupil " + (a == null ? null : a.pupilId())
              + " is not in this group"));
        } else if (!seen.add(a.pupilId())) {
          errors.add(error("attendance[" + i + "].pupilId", "Pupil " + a.pupilId() + " is listed twice"));
        } else if (a.attended() == null) {
          errors.add(error("attendance[" + i + "].attended", "Say whether the pupil attended"));
        } else {
          attendance.add(new ProvisionStore.Attendance(a.pupilId(), a.attended()));
        }
      }
      if (errors.isEmpty() && seen.size() != members.size()) {
        errors.add(error("attendance", "Record attendance for every pupil in the group"));
      }
    }
    Integer minutes = d.minutes() != null ? d.minutes() : Integer.valueOf(group.minutesPerSession());
    whole(errors, "minutes", "minutes", minutes, 1, 480);
    if (!errors.isEmpty()) {
      throw new ProvisionInvalid(errors);
    }
    long id = store.insertSession(groupId, group.schoolId(), d.date(), d.delivered(), reason, minutes, attendance,
        clock.instant());
    audit.record(AuditAction.CREATE, "provision-session", id, group.schoolId(), "group " + groupId);
    return id;
  }

  @Transactional
  Cost cost(long groupId) {
    ProvisionStore.Group group = visibleGroup(groupId);
    if (!permissions.can(group.schoolId(), Permission.MANAGE_SEND)) {
      permissions.require(group.schoolId(), Permission.VIEW_AGGREGATES);
    }
    Map<Role, Long> rates = store.rates(group.schoolId());
    List<Long> staffRates = store.staff(groupId).stream().map(s -> ProvisionCost.rate(s.role(), rates)).toList();
    int pupilCount = store.pupils(groupId).size();
    ProvisionStore.Delivery delivery = store.delivery(groupId);
    long weeks = ProvisionCost.schoolWeeks(group.startDate(), group.endDate(), organisation.calendar(group.schoolId()));
    long plannedSessions = (long) group.sessionsPerWeek() * weeks;
    BigDecimal planned = ProvisionCost.cost(weeks * ProvisionCost.weeklyMinutes(group.sessionsPerWeek(),
        group.minutesPerSession(), store.slots(groupId)), staffRates, group.resourcesCostPence());
    BigDecimal actual = ProvisionCost.actual(delivery.deliveredMinutes(), staffRates, group.resourcesCostPence());
    audit.record(AuditAction.VIEW, "provision-group", groupId, group.schoolId(), "cost");
    return new Cost(planned, actual, ProvisionCost.perPupil(actual, pupilCount),
        ProvisionCost.perPupil(planned, pupilCount), plannedSessions, delivery.delivered(), delivery.cancelled(),
        pupilCount);
  }

  record Rate(String role, String title, long pencePerHour, boolean schoolsOwn) {}

  /** The hourly staff cost for each role that delivers provision: the school's own, or the default. */
  @Transactional(readOnly = true)
  List<Rate> rates(long schoolId) {
    permissions.require(schoolId, Permission.VIEW_AGGREGATES);
    Map<Role, Long> own = store.rates(schoolId);
    return ROLE_PREFERENCE.stream().map(r -> new Rate(r.name(), r.title(), ProvisionCost.rate(r, own),
        own.containsKey(r))).toList();
  }

  /** Sets the school's hourly costs (pence per hour) for the roles given. */
  @Transactional
  List<Rate> setRates(long schoolId, @Nullable Map<String, Long> pencePerHour) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    List<ProvisionInvalid.FieldError> errors = new ArrayList<>();
    if (pencePerHour == null || pencePerHour.isEmpty()) {
      errors.add(error("rates", "Enter at least one hourly rate"));
    } else {
      pencePerHour.forEach((role, pence) -> {
        if (deliveringRole(role) == null) {
          errors.add(error("rates." + role, "Not a role that delivers provision"));
        } else if (pence == null || pence < 0 || pence > 100_000) {
          errors.add(error("rates." + role, "Hourly cost must be between 0 and 100000 pence"));
        }
      });
    }
    if (!errors.isEmpty()) {
      throw new ProvisionInvalid(errors);
    }
    pencePerHour.forEach((role, pence) -> store.setRate(schoolId, Role.valueOf(role), pence));
    audit.record(AuditAction.UPDATE, "provision-staff-rates", null, schoolId, String.join(",",
        pencePerHour.keySet()));
    return rates(schoolId);
  }

  /**
   * Records an impact review of a group: what the review found, on which day, and who recorded it. Earlier reviews
   * are kept; the latest feeds each pupil's next plan review (see {@link ProvisionReviewEvidence}).
   *
   * @throws org.springframework.dao.OptimisticLockingFailureException when the group changed since it was read
   */
  @Transactional
  void recordImpact(long groupId, int version, @Nullable LocalDate reviewedOn, @Nullable String summary) {
    ProvisionStore.Group group = visibleGroup(groupId);
    permissions.require(group.schoolId(), Permission.MANAGE_SEND);
    List<ProvisionInvalid.FieldError> errors = new ArrayList<>();
    String text = trim(summary);
    if (reviewedOn == null) {
      errors.add(error("reviewedOn", "Enter the date of the review"));
    } else if (reviewedOn.isAfter(LocalDate.now(clock))) {
      errors.add(error("reviewedOn", "Date of the review must be today or in the past"));
    } else if (reviewedOn.isBefore(group.startDate())) {
      errors.add(error("reviewedOn", "Date of the review must be on or after the group's start date"));
    }
    if (text == null) {
      errors.add(error("summary", "Enter what the review found"));
    } else if (text.length() > 2000) {
      errors.add(error("summary", "What the review found must be 2,000 characters or fewer"));
    }
    if (!errors.isEmpty()) {
      throw new ProvisionInvalid(errors);
    }
    SendaUser user = permissions.current();
    if (!store.addImpactReview(groupId, group.schoolId(), version, reviewedOn, text, user.accountId(),
        user.displayName(), clock.instant())) {
      // Rolls back the review just added: it was written against a group that has changed since it was read.
      throw new org.springframework.dao.OptimisticLockingFailureException("provision group " + groupId);
    }
    audit.record(AuditAction.UPDATE, "provision-group", groupId, group.schoolId(), "impact review");
  }

  /** The usual notional SEN budget threshold a pupil's additional provision is met from: £6,000. */
  static final long DEFAULT_NOTIONAL_THRESHOLD_PENCE = 600_000L;

  record Settings(long notionalThresholdPence, int version) {}

  @Transactional(readOnly = true)
  Settings settings(long schoolId) {
    permissions.require(schoolId, Permission.VIEW_AGGREGATES);
    return store.settings(schoolId).orElse(new Settings(DEFAULT_NOTIONAL_THRESHOLD_PENCE, -1));
  }

  /**
   * Saves the notional threshold, if nobody has changed it since {@code version} was read (-1: never saved).
   *
   * @throws org.springframework.dao.OptimisticLockingFailureException when someone else saved it meanwhile
   */
  @Transactional
  void saveSettings(long schoolId, int version, @Nullable Long thresholdPence) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    if (thresholdPence == null || thresholdPence < 0 || thresholdPence > 10_000_000L) {
      throw new ProvisionInvalid(List.of(error("notionalThreshold",
          "Notional threshold must be between £0 and £100,000")));
    }
    if (!store.saveSettings(schoolId, version, thresholdPence)) {
      throw new org.springframework.dao.OptimisticLockingFailureException("provision settings " + schoolId);
    }
    audit.record(AuditAction.UPDATE, "provision-settings", schoolId, schoolId, "notional threshold");
  }

  record MeasuresDraft(@Nullable BigDecimal entry, @Nullable BigDecimal exit, @Nullable BigDecimal exitTarget) {}

  /** Records a pupil's entry and exit measures (and exit target) in a group. */
  @Transactional
  void recordMeasures(long groupId, long pupilId, MeasuresDraft d) {
    ProvisionStore.Group group = visibleGroup(groupId);
    SendaUser user = permissions.current();
    boolean deliversIt = user.staffId() != null
        && store.staff(groupId).stream().anyMatch(s -> s.staffId() == user.staffId());
    if (!deliversIt) {
      permissions.require(group.schoolId(), Permission.MANAGE_SEND);
    }
    List<ProvisionInvalid.FieldError> errors = new ArrayList<>();
    measure(errors, "entry", d.entry());
    measure(errors, "exit", d.exit());
    measure(errors, "exitTarget", d.exitTarget());
    if (!store.pupils(groupId).contains(pupilId)) {
      errors.add(error("pupilId", "Pupil " + pupilId + " is not in this group"));
    }
    if (!errors.isEmpty()) {
      throw new ProvisionInvalid(errors);
    }
    store.setMeasures(groupId, pupilId, d.entry(), d.exit(), d.exitTarget());
    audit.record(AuditAction.UPDATE, "pupil", pupilId, group.schoolId(), "provision measures, group " + groupId);
  }

  private static void measure(List<ProvisionInvalid.FieldError> errors, String field, @Nullable BigDecimal value) {
    if (value != null && (value.abs().compareTo(new BigDecimal("9999999999")) >= 0 || value.scale() > 2)) {
      errors.add(error(field, "Enter the measure as a number with at most two decimal places"));
    }
  }

  private static @Nullable Role roleFor(StaffSummary member, @Nullable String asked,
      @Nullable Intervention intervention) {
    if (asked != null) {
      Role role = deliveringRole(asked);
      return role != null && member.roles().contains(role) ? role : null;
    }
    if (intervention != null) {
      Role preferred = deliveringRole(intervention.deliveredByRole());
      if (preferred != null && member.roles().contains(preferred)) {
        return preferred;
      }
    }
    return ROLE_PREFERENCE.stream().filter(member.roles()::contains).findFirst().orElse(null);
  }

  static @Nullable Role deliveringRole(String name) {
    for (Role role : ROLE_PREFERENCE) {
      if (role.name().equals(name)) {
        return role;
      }
    }
    return null;
  }

  private static boolean isArea(String area) {
    for (AreaOfNeed a : AreaOfNeed.values()) {
      if (a.name().equals(area)) {
        return true;
      }
    }
    return false;
  }

  private static void whole(List<ProvisionInvalid.FieldError> errors, String field, String label,
      @Nullable Integer value, int min, int max) {
    if (value == null) {
      errors.add(error(field, "Enter the " + label));
    } else if (value < min || value > max) {
      errors.add(error(field, capitalise(label) + " must be between " + min + " and " + max));
    }
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static ProvisionInvalid.FieldError error(String field, String message) {
    return new ProvisionInvalid.FieldError(field, message);
  }

  private static @Nullable String trim(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
