package org.senda.support.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings with parents: the adults who work with the pupil read them (need to know); the SENCO and headteacher
 * schedule and record them (MANAGE_SEND). Every read and change is audited.
 */
@Service
@Transactional
class MeetingService {

  static final int TEXT_LENGTH = 4000;
  static final int ATTENDEES_LENGTH = 1000;
  static final int CANCEL_REASON_LENGTH = 1000;

  record Read(PupilSummary pupil, List<Meeting> meetings, int required, int heldInYear) {}

  private final MeetingStore store;
  private final PupilAccess pupilAccess;
  private final Permissions permissions;
  private final SupportSettings settings;
  private final Audit audit;
  private final Clock clock;

  MeetingService(MeetingStore store, PupilAccess pupilAccess, Permissions permissions, SupportSettings settings,
      Audit audit, Clock clock) {
    this.store = store;
    this.pupilAccess = pupilAccess;
    this.permissions = permissions;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  Read read(long pupilId) {
    PupilSummary pupil = pupilAccess.requireView(pupilId);
    List<Meeting> meetings = store.ofPupil(pupilId);
    audit.record(AuditAction.VIEW, "support-meetings", pupilId, pupil.schoolId(), null);
    LocalDate today = today();
    int held = (int) meetings.stream()
        .filter(m -> m.heldOn() != null && m.heldOn().isAfter(today.minusYears(1)) && !m.heldOn().isAfter(today))
        .count();
    return new Read(pupil, meetings, settings.of(pupil.schoolId()).meetingsPerYear(), held);
  }

  PupilSummary requireWritable(long pupilId) {
    PupilSummary pupil = pupilAccess.requireView(pupilId);
    permissions.require(pupil.schoolId(), Permission.MANAGE_SEND);
    return pupil;
  }

  boolean canWrite(long schoolId) {
    return permissions.can(schoolId, Permission.MANAGE_SEND);
  }

  /** The meeting for someone who may record it (404 outside need to know, 403 without MANAGE_SEND). */
  Meeting writable(long meetingId) {
    Meeting meeting = store.find(meetingId).orElseThrow(() -> new AccessRefused("meeting " + meetingId));
    requireWritable(meeting.pupilId());
    return meeting;
  }

  long schedule(long pupilId, MeetingPurpose purpose, @Nullable LocalDate on) {
    PupilSummary pupil = requireWritable(pupilId);
    List<Finding> problems = new ArrayList<>();
    if (on == null) {
      problems.add(new Finding("scheduledOn", "Enter the date of the meeting", true));
    } else if (on.isBefore(today())) {
      problems.add(new Finding("scheduledOn", "The date of the meeting must be today or in the future", true));
    } else if (MeetingSchedule.isWeekend(on)) {
      problems.add(new Finding("scheduledOn", "The date of the meeting must be a school day", true));
    }
    if (!problems.isEmpty()) {
      throw new PlanInvalid(problems);
    }
    long id = store.schedule(pupil.id(), pupil.schoolId(), store.currentPlan(pupilId), purpose, on);
    audit.record(AuditAction.CREATE, "support-meeting", id, pupil.schoolId(),
        "pupil " + pupilId + " scheduled " + on);
    return id;
  }

  /** Records a meeting that was scheduled (or corrects its record). */
  void record(long meetingId, int version, MeetingDraft draft) {
    Meeting meeting = writable(meetingId);
    if (meeting.cancelled()) {
      throw new PlanInvalid(List.of(new Finding("heldOn",
          "This meeting was cancelled. Record the meeting that was held instead as a meeting that was not scheduled",
          true)));
    }
    check(draft);
    store.record(meetingId, version, draft, permissions.current().email(), clock.instant());
    audit.record(AuditAction.UPDATE, "support-meeting", meetingId, meeting.schoolId(),
        "pupil " + meeting.pupilId() + " held " + draft.heldOn());
  }

  /**
   * Cancels a meeting still to be held, with the reason (the parents cannot come, the pupil is ill). The meeting
   * stays in the record as cancelled and no longer counts as due or overdue; the school reschedules by scheduling
   * a new one.
   */
  void cancel(long meetingId, int version, @Nullable String reason) {
    Meeting meeting = writable(meetingId);
    List<Finding> problems = new ArrayList<>();
    if (meeting.held()) {
      problems.add(new Finding("reason", "This meeting has been held, so it cannot be cancelled", true));
    } else if (meeting.cancelled()) {
      problems.add(new Finding("reason", "This meeting has already been cancelled", true));
    } else if (reason == null || reason.isBlank()) {
      problems.add(new Finding("reason", "Enter why the meeting is cancelled", true));
    } else if (reason.strip().length() > CANCEL_REASON_LENGTH) {
      problems.add(new Finding("reason", "The reason must be " + CANCEL_REASON_LENGTH + " characters or fewer",
          true));
    }
    if (!problems.isEmpty()) {
      throw new PlanInvalid(problems);
    }
    store.cancel(meetingId, version, today(), reason.strip(), permissions.current().email());
    audit.record(AuditAction.UPDATE, "support-meeting", meetingId, meeting.schoolId(),
        "pupil " + meeting.pupilId() + " cancelled meeting of " + meeting.scheduledOn());
  }

  /** Records a meeting that was held without being scheduled in Senda. */
  long recordUnscheduled(long pupilId, MeetingPurpose purpose, MeetingDraft draft) {
    PupilSummary pupil = requireWritable(pupilId);
    check(draft);
    long id = store.insertHeld(pupil.id(), pupil.schoolId(), store.currentPlan(pupilId), purpose, draft,
        permissions.current().email(), clock.instant());
    audit.record(AuditAction.CREATE, "support-meeting", id, pupil.schoolId(),
        "pupil " + pupilId + " held " + draft.heldOn());
    return id;
  }

  private void check(MeetingDraft draft) {
    List<Finding> problems = new ArrayList<>();
    if (draft.heldOn().isAfter(today())) {
      problems.add(new Finding("heldOn", "The date of the meeting must be today or in the past", true));
    }
    if (draft.attendees().length() > ATTENDEES_LENGTH) {
      problems.add(new Finding("attendees", "Who attended must be " + ATTENDEES_LENGTH + " characters or fewer", true));
    }
    check(problems, "notes", "Notes", draft.notes());
    check(problems, "parentsView", "Parents’ views", draft.parentsView());
    check(problems, "agreedActions", "Agreed actions", draft.agreedActions());
    if (!problems.isEmpty()) {
      throw new PlanInvalid(problems);
    }
  }

  private static void check(List<Finding> problems, String field, String name, @Nullable String text) {
    if (text != null && text.length() > TEXT_LENGTH) {
      problems.add(new Finding(field, name + " must be " + TEXT_LENGTH + " characters or fewer", true));
    }
  }
}
