package org.senda.identification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolClass;
import org.senda.web.ConcurrentEdit;
import org.senda.web.Option;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Score entry for a class: a teacher picks one of their classes, a subject and an assessment point and types each
 * pupil's score into a table. The SENCO (and anyone who sees every pupil) may enter scores for any class.
 */
@Controller
@RequestMapping("/schools/{schoolId}/identification")
class ScoreGridController {

  private final ScoreGrid grid;
  private final AssessmentSetup setup;
  private final Organisation organisation;
  private final Audit audit;
  private final Permissions permissions;
  private final Clock clock;

  ScoreGridController(ScoreGrid grid, AssessmentSetup setup, Organisation organisation, Audit audit,
      Permissions permissions, Clock clock) {
    this.grid = grid;
    this.permissions = permissions;
    this.setup = setup;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  /** The choice of class, subject and assessment point; with all three chosen, the class's grid. */
  @GetMapping("/scores")
  String choose(
      @PathVariable long schoolId, @RequestParam(required = false) @Nullable Long classId,
      @RequestParam(required = false) @Nullable String subject, @RequestParam(required = false) @Nullable String point,
      Model model) {
    List<SchoolClass> classes = grid.classes(schoolId);
    if (classId != null) {
      return "redirect:" + gridPath(schoolId, classId, subject, point);
    }
    Map<String, AssessmentSetup.Subject> subjects = setup.subjects(schoolId);
    List<AssessmentSetup.Point> points = setup.points(schoolId);
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("classOptions", classes.stream().map(c -> new Option(String.valueOf(c.id()), c.name())).toList());
    model.addAttribute("subjectOptions", subjectOptions(subjects));
    model.addAttribute("pointOptions", pointOptions(points));
    model.addAttribute("choice", new Choice(null, null, currentPoint(points)));
    model.addAttribute("canImport", permissions.can(schoolId, Permission.IMPORT_PUPILS));
    return "identification/score-classes";
  }

  /** What the chooser shows as selected. */
  record Choice(@Nullable String classId, @Nullable String subject, @Nullable String point) {}

  @GetMapping("/classes/{classId}/scores")
  String form(
      @PathVariable long schoolId, @PathVariable long classId, @RequestParam(required = false) @Nullable String subject,
      @RequestParam(required = false) @Nullable String point, Model model) {
    SchoolClass schoolClass = grid.requireClass(schoolId, classId);
    Selection selection = select(schoolId, subject, point);
    List<ScoreGrid.Row> rows = grid.rows(schoolId, classId, selection.subject(), selection.point().id());
    audit.record(AuditAction.VIEW, "assessment-score", null, schoolId,
        "class " + schoolClass.name() + ", " + selection.subject().code() + ", " + selection.point().label());
    Map<Long, String> typed = new HashMap<>();
    Map<Long, String> seen = new HashMap<>();
    rows.forEach(r -> {
      typed.put(r.pupilId(), r.saved() == null ? "" : r.saved());
      seen.put(r.pupilId(), r.seen());
    });
    fill(model, schoolId, schoolClass, selection, rows, typed, seen, Map.of());
    return "identification/score-grid";
  }

  @PostMapping("/classes/{classId}/scores")
  String save(
      @PathVariable long schoolId, @PathVariable long classId, @RequestParam Map<String, String> parameters,
      Model model, RedirectAttributes flash) {
    SchoolClass schoolClass = grid.requireClass(schoolId, classId);
    Selection selection = select(schoolId, parameters.get("subject"), parameters.get("point"));
    Map<Long, String> typed = ScoreGrid.byPupil(parameters, "score-");
    Map<Long, String> seen = ScoreGrid.byPupil(parameters, "seen-");
    List<ScoreGrid.Row> rows = grid.rows(schoolId, classId, selection.subject(), selection.point().id());
    Map<Long, String> problems = new LinkedHashMap<>();
    ScoreGrid.check(rows, selection.subject(), typed).forEach(p -> problems.put(p.pupilId(), p.message()));
    if (!problems.isEmpty()) {
      fill(model, schoolId, schoolClass, selection, rows, typed, seen, problems);
      return "identification/score-grid";
    }
    ScoreGrid.Saved saved;
    try {
      saved = grid.save(schoolId, schoolClass, selection.subject(), selection.point(), typed, seen);
    } catch (OptimisticLockingFailureException e) {
      List<ScoreGrid.Row> latest = grid.rows(schoolId, classId, selection.subject(), selection.point().id());
      Map<Long, String> changed = new HashMap<>();
      Map<Long, String> latestSeen = new HashMap<>();
      for (ScoreGrid.Row row : latest) {
        latestSeen.put(row.pupilId(), row.seen());
        if (!row.seen().equals(seen.get(row.pupilId()))) {
          changed.put(row.pupilId(), row.saved() == null ? "no score" : row.saved());
        }
      }
      model.addAttribute("concurrent", ConcurrentEdit.MESSAGE);
      model.addAttribute("changed", changed);
      fill(model, schoolId, schoolClass, selection, latest, typed, latestSeen, Map.of());
      return "identification/score-grid";
    }
    flash.addFlashAttribute("success", selection.subject().name() + " scores for " + schoolClass.name() + " saved: "
        + saved.created() + " added, " + saved.updated() + " changed, " + saved.removed() + " removed");
    return "redirect:" + gridPath(schoolId, classId, selection.subject().code(),
        String.valueOf(selection.point().id()));
  }

  private record Selection(
      AssessmentSetup.Subject subject, AssessmentSetup.Point point, Map<String, AssessmentSetup.Subject> subjects,
      List<AssessmentSetup.Point> points) {}

  /** The subject (by code) and point (by id) asked for, or the first subject and the latest point due. */
  private Selection select(long schoolId, @Nullable String subject, @Nullable String point) {
    Map<String, AssessmentSetup.Subject> subjects = setup.subjects(schoolId);
    List<AssessmentSetup.Point> points = setup.points(schoolId);
    if (subjects.isEmpty() || points.isEmpty()) {
      throw new AccessRefused("no subjects or assessment points in school " + schoolId);
    }
    AssessmentSetup.Subject chosenSubject = subject == null || subject.isBlank()
        ? subjects.values().iterator().next()
        : subjects.get(subject.toLowerCase(java.util.Locale.ROOT));
    String pointId = point == null || point.isBlank() ? currentPoint(points) : point;
    AssessmentSetup.Point chosenPoint = points.stream()
        .filter(p -> String.valueOf(p.id()).equals(pointId))
        .findFirst()
        .orElse(null);
    if (chosenSubject == null || chosenPoint == null) {
      throw new AccessRefused("subject " + subject + " or point " + point + " in school " + schoolId);
    }
    return new Selection(chosenSubject, chosenPoint, subjects, points);
  }

  /** The latest point assessed by today (the first point when none is due yet). */
  private @Nullable String currentPoint(List<AssessmentSetup.Point> points) {
    return AssessmentSetup.latestDue(points, LocalDate.now(clock)).map(p -> String.valueOf(p.id())).orElse(null);
  }

  private static List<Option> subjectOptions(Map<String, AssessmentSetup.Subject> subjects) {
    return subjects.values().stream().map(s -> new Option(s.code(), s.name())).toList();
  }

  private static List<Option> pointOptions(List<AssessmentSetup.Point> points) {
    return points.reversed().stream().map(p -> new Option(String.valueOf(p.id()), p.label())).toList();
  }

  private void fill(
      Model model, long schoolId, SchoolClass schoolClass, Selection selection, List<ScoreGrid.Row> rows,
      Map<Long, String> typed, Map<Long, String> seen, Map<Long, String> problems) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("schoolClass", schoolClass);
    model.addAttribute("subject", selection.subject());
    model.addAttribute("point", selection.point());
    model.addAttribute("subjectOptions", subjectOptions(selection.subjects()));
    model.addAttribute("pointOptions", pointOptions(selection.points()));
    model.addAttribute("rows", rows);
    model.addAttribute("typed", typed);
    model.addAttribute("seen", seen);
    model.addAttribute("problems", problems);
    if (!model.containsAttribute("changed")) {
      model.addAttribute("changed", Map.of());
    }
  }

  static String gridPath(long schoolId, long classId, @Nullable String subject, @Nullable String point) {
    return UriComponentsBuilder.fromPath("/schools/{s}/identification/classes/{c}/scores")
        .queryParamIfPresent("subject", java.util.Optional.ofNullable(subject).filter(s -> !s.isBlank()))
        .queryParamIfPresent("point", java.util.Optional.ofNullable(point).filter(s -> !s.isBlank()))
        .buildAndExpand(schoolId, classId)
        .encode()
        .toUriString();
  }
}
