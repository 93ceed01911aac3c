package org.senda.support.internal;

import java.util.Arrays;
import java.util.List;
import org.senda.access.AccessRefused;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilSummary;
import org.senda.web.ConcurrentEdit;
import org.senda.web.Option;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A pupil's meetings with parents: see them, schedule one, record one once held. */
@Controller
@RequestMapping("/schools/{schoolId}")
class MeetingController {

  static final List<Option> PURPOSES = Arrays.stream(MeetingPurpose.values())
      .map(p -> new Option(p.name(), p.title())).toList();

  private final MeetingService meetings;
  private final Organisation organisation;

  MeetingController(MeetingService meetings, Organisation organisation) {
    this.meetings = meetings;
    this.organisation = organisation;
  }

  @GetMapping("/pupils/{pupilId}/meetings")
  String list(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    return page(model, schoolId, pupilId, ScheduleForm.empty(), null);
  }

  @PostMapping("/pupils/{pupilId}/meetings")
  String schedule(@PathVariable long schoolId, @PathVariable long pupilId, @ModelAttribute ScheduleForm scheduleForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    meetings.requireWritable(pupilId).requireSchool(schoolId);
    var date = scheduleForm.scheduledOn();
    if (date != null && !date.isBlank()) {
      date.problem("the date of the meeting").ifPresent(m -> errors.rejectValue("scheduledOn", "date", m));
    }
    MeetingPurpose purpose = purpose(scheduleForm.purpose());
    if (!errors.hasErrors()) {
      try {
        meetings.schedule(pupilId, purpose, date == null ? null : date.toDate().orElse(null));
        flash.addFlashAttribute("success", "Meeting scheduled");
        return "redirect:/schools/" + schoolId + "/pupils/" + pupilId + "/meetings";
      } catch (PlanInvalid e) {
        SupportPlanController.reject(errors, e.findings());
      }
    }
    return page(model, schoolId, pupilId, scheduleForm, errors);
  }

  @GetMapping("/pupils/{pupilId}/meetings/record")
  String recordNew(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = meetings.requireWritable(pupilId).requireSchool(schoolId);
    return form(model, schoolId, pupil, null, MeetingForm.empty(meetings.today()), null);
  }

  @PostMapping("/pupils/{pupilId}/meetings/record")
  String saveNew(@PathVariable long schoolId, @PathVariable long pupilId, @ModelAttribute MeetingForm meetingForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    PupilSummary pupil = meetings.requireWritable(pupilId).requireSchool(schoolId);
    meetingForm.reject(errors);
    if (!errors.hasErrors()) {
      try {
        meetings.recordUnscheduled(pupilId, meetingForm.purposeOrOther(), meetingForm.draft());
        flash.addFlashAttribute("success", "Meeting recorded");
        return "redirect:/schools/" + schoolId + "/pupils/" + pupilId + "/meetings";
      } catch (PlanInvalid e) {
        SupportPlanController.reject(errors, e.findings());
      }
    }
    return form(model, schoolId, pupil, null, meetingForm, errors);
  }

  @GetMapping("/meetings/{meetingId}")
  String record(@PathVariable long schoolId, @PathVariable long meetingId, Model model) {
    Meeting meeting = meeting(schoolId, meetings.writable(meetingId));
    PupilSummary pupil = meetings.requireWritable(meeting.pupilId());
    return form(model, schoolId, pupil, meeting, MeetingForm.of(meeting, meetings.today()), null);
  }

  @PostMapping("/meetings/{meetingId}")
  String save(@PathVariable long schoolId, @PathVariable long meetingId, @ModelAttribute MeetingForm meetingForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    Meeting meeting = meeting(schoolId, meetings.writable(meetingId));
    PupilSummary pupil = meetings.requireWritable(meeting.pupilId());
    meetingForm.reject(errors);
    if (!errors.hasErrors()) {
      try {
        meetings.record(meetingId, meetingForm.version() == null ? -1 : meetingForm.version(), meetingForm.draft());
        flash.addFlashAttribute("success", "Meeting recorded");
        return "redirect:/schools/" + schoolId + "/pupils/" + pupil.id() + "/meetings";
      } catch (PlanInvalid e) {
        SupportPlanController.reject(errors, e.findings());
      } catch (OptimisticLockingFailureException e) {
        errors.reject("concurrent", ConcurrentEdit.MESSAGE);
        Meeting latest = meetings.writable(meetingId);
        model.addAttribute("latest", latest);
        meetingForm = new MeetingForm(meetingForm.heldOn(), meetingForm.purpose(), meetingForm.attendees(),
            meetingForm.notes(), meetingForm.parentsView(), meetingForm.agreedActions(), latest.version());
      }
    }
    return form(model, schoolId, pupil, meeting, meetingForm, errors);
  }

  @GetMapping("/meetings/{meetingId}/cancel")
  String cancelForm(@PathVariable long schoolId, @PathVariable long meetingId, Model model) {
    Meeting meeting = meeting(schoolId, meetings.writable(meetingId));
    return cancelPage(model, schoolId, meeting, new CancelMeetingForm(null, meeting.version()), null);
  }

  @PostMapping("/meetings/{meetingId}/cancel")
  String cancel(@PathVariable long schoolId, @PathVariable long meetingId,
      @ModelAttribute CancelMeetingForm cancelMeetingForm, BindingResult errors, Model model,
      RedirectAttributes flash) {
    Meeting meeting = meeting(schoolId, meetings.writable(meetingId));
    try {
      meetings.cancel(meetingId, cancelMeetingForm.version() == null ? -1 : cancelMeetingForm.version(),
          cancelMeetingForm.reason());
      flash.addFlashAttribute("success", "Meeting of "
          + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
              .format(meeting.scheduledOn()) + " cancelled. Schedule a new meeting to rearrange it.");
      return "redirect:/schools/" + schoolId + "/pupils/" + meeting.pupilId() + "/meetings";
    } catch (PlanInvalid e) {
      SupportPlanController.reject(errors, e.findings());
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      meeting = meetings.writable(meetingId);
      cancelMeetingForm = new CancelMeetingForm(cancelMeetingForm.reason(), meeting.version());
    }
    return cancelPage(model, schoolId, meeting, cancelMeetingForm, errors);
  }

  private String cancelPage(Model model, long schoolId, Meeting meeting, CancelMeetingForm form,
      BindingResult errors) {
    model.addAttribute("pupil", meetings.requireWritable(meeting.pupilId()));
    model.addAttribute("meeting", meeting);
    model.addAttribute("cancelMeetingForm", form);
    if (errors != null) {
      var shown = new BeanPropertyBindingResult(form, "cancelMeetingForm");
      shown.addAllErrors(errors);
      model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "cancelMeetingForm", shown);
    }
    common(model, schoolId);
    return "support/meeting-cancel";
  }

  private String page(Model model, long schoolId, long pupilId, ScheduleForm form, BindingResult errors) {
    MeetingService.Read read = meetings.read(pupilId);
    read.pupil().requireSchool(schoolId);
    model.addAttribute("pupil", read.pupil());
    model.addAttribute("upcoming", read.meetings().stream().filter(Meeting::scheduled).toList().reversed());
    model.addAttribute("held", read.meetings().stream().filter(Meeting::held).toList());
    model.addAttribute("cancelled", read.meetings().stream().filter(Meeting::cancelled).toList());
    model.addAttribute("required", read.required());
    model.addAttribute("heldInYear", read.heldInYear());
    model.addAttribute("today", meetings.today());
    model.addAttribute("canWrite", meetings.canWrite(schoolId));
    model.addAttribute("scheduleForm", form);
    if (errors != null) {
      var shown = new BeanPropertyBindingResult(form, "scheduleForm");
      shown.addAllErrors(errors);
      model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "scheduleForm", shown);
    }
    model.addAttribute("purposes", PURPOSES);
    common(model, schoolId);
    return "support/meetings";
  }

  private String form(Model model, long schoolId, PupilSummary pupil, Meeting meeting, MeetingForm form,
      BindingResult errors) {
    model.addAttribute("pupil", pupil);
    model.addAttribute("meeting", meeting);
    model.addAttribute("meetingForm", form);
    if (errors != null) {
      var shown = new BeanPropertyBindingResult(form, "meetingForm");
      shown.addAllErrors(errors);
      model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "meetingForm", shown);
    }
    model.addAttribute("purposes", PURPOSES);
    model.addAttribute("action", meeting == null
        ? "/schools/" + schoolId + "/pupils/" + pupil.id() + "/meetings/record"
        : "/schools/" + schoolId + "/meetings/" + meeting.id());
    common(model, schoolId);
    return "support/meeting-form";
  }

  private void common(Model model, long schoolId) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("schoolName", organisation.school(schoolId).orElseThrow().name());
  }

  private static MeetingPurpose purpose(String value) {
    try {
      return value == null || value.isBlank() ? MeetingPurpose.OTHER : MeetingPurpose.valueOf(value);
    } catch (IllegalArgumentException e) {
      return MeetingPurpose.OTHER;
    }
  }


  private static Meeting meeting(long schoolId, Meeting meeting) {
    if (meeting.schoolId() != schoolId) {
      throw new AccessRefused("meeting " + meeting.id() + " in school " + schoolId);
    }
    return meeting;
  }
}
