package org.senda.provision.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The intervention catalogue, provision groups, sessions and cost over the JSON API. */
@RestController
@RequestMapping("/api/v1")
class ProvisionApiController {

  record InterventionJson(long id, String name, String areaOfNeed, @Nullable String description,
      @Nullable String evidenceLink, int defaultGroupSize, int sessionsPerWeek, int minutesPerSession,
      int lengthWeeks, long resourcesCostPence, @Nullable String entryExitMeasure, String deliveredByRole,
      boolean sharedAcrossTrust, int version) {

    static InterventionJson of(Intervention i) {
      return new InterventionJson(i.id(), i.name(), i.areaOfNeed(), i.description(), i.evidenceLink(),
          i.defaultGroupSize(), i.sessionsPerWeek(), i.minutesPerSession(), i.lengthWeeks(),
          i.resourcesCostPence(), i.entryExitMeasure(), i.deliveredByRole(), i.sharedAcrossTrust(), i.version());
    }
  }

  record InterventionRequest(@Nullable String name, @Nullable String areaOfNeed, @Nullable String description,
      @Nullable String evidenceLink, @Nullable Integer defaultGroupSize, @Nullable Integer sessionsPerWeek,
      @Nullable Integer minutesPerSession, @Nullable Integer lengthWeeks, @Nullable Long resourcesCostPence,
      @Nullable String entryExitMeasure, @Nullable String deliveredByRole, @Nullable Boolean sharedAcrossTrust,
      @Nullable Integer version) {

    ProvisionService.InterventionDraft draft(boolean shared) {
      return new ProvisionService.InterventionDraft(name, areaOfNeed, description, evidenceLink, defaultGroupSize,
          sessionsPerWeek, minutesPerSession, lengthWeeks, resourcesCostPence, entryExitMeasure, deliveredByRole,
          shared);
    }
  }

  record CostJson(BigDecimal planned, BigDecimal actual, BigDecimal perPupilActual, BigDecimal perPupilPlanned,
      long plannedSessions, long deliveredSessions, long cancelledSessions, int pupils) {}

  private final ProvisionService provision;
  private final ProvisionMaps maps;
  private final ProvisionEffectiveness effectiveness;

  ProvisionApiController(ProvisionService provision, ProvisionMaps maps, ProvisionEffectiveness effectiveness) {
    this.provision = provision;
    this.maps = maps;
    this.effectiveness = effectiveness;
  }

  /** Hourly staff cost per role: the school's own figures, or the defaults where it has set none. */
  @GetMapping("/schools/{schoolId}/provision-staff-rates")
  List<ProvisionService.Rate> rates(@PathVariable long schoolId) {
    return provision.rates(schoolId);
  }

  /** Sets hourly staff costs, e.g. {@code {"rates":{"TEACHING_ASSISTANT":1625}}} (pence per hour). */
  @org.springframework.web.bind.annotation.PutMapping("/schools/{schoolId}/provision-staff-rates")
  List<ProvisionService.Rate> setRates(@PathVariable long schoolId, @RequestBody RatesRequest request) {
    return provision.setRates(schoolId, request.rates());
  }

  record RatesRequest(@Nullable Map<String, Long> rates) {}

  /** A pupil's entry and exit measures (and exit target) in a group. */
  @org.springframework.web.bind.annotation.PutMapping("/provision-groups/{groupId}/pupils/{pupilId}/measures")
  ResponseEntity<Void> measures(@PathVariable long groupId, @PathVariable long pupilId,
      @RequestBody ProvisionService.MeasuresDraft request) {
    provision.recordMeasures(groupId, pupilId, request);
    return ResponseEntity.noContent().build();
  }

  /** For each intervention the school has run: gain, share meeting the exit target and cost, with counts. */
  @GetMapping("/schools/{schoolId}/intervention-effectiveness")
  List<ProvisionEffectiveness.Row> effectiveness(@PathVariable long schoolId) {
    return effectiveness.forSchool(schoolId);
  }

  /** Everything the pupil has received, every year, with attendance, measures and their share of the cost. */
  @GetMapping("/pupils/{pupilId}/provision-history")
  ProvisionMaps.History history(@PathVariable long pupilId) {
    return maps.history(pupilId);
  }

  /** The school's provision for a term (the term's id; the current term when absent). */
  @GetMapping("/schools/{schoolId}/provision-map")
  ProvisionMaps.ProvisionMap map(@PathVariable long schoolId,
      @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable Long term) {
    return maps.map(schoolId, term);
  }

  @GetMapping("/schools/{schoolId}/interventions")
  List<InterventionJson> interventions(@PathVariable long schoolId) {
    return provision.catalogue(schoolId).stream().map(InterventionJson::of).toList();
  }

  @PostMapping("/schools/{schoolId}/interventions")
  ResponseEntity<InterventionJson> addIntervention(@PathVariable long schoolId,
      @RequestBody InterventionRequest r) {
    Intervention added = provision.addIntervention(schoolId, r.draft(Boolean.TRUE.equals(r.sharedAcrossTrust())));
    return ResponseEntity.created(URI.create("/api/v1/schools/" + schoolId + "/interventions/" + added.id()))
        .body(InterventionJson.of(added));
  }

  // --- The trust's shared catalogue, kept by the trust SEND lead (as on the trust catalogue pages)

  /** The entries shared across the trust; for the trust SEND lead (school staff read them in their school's). */
  @GetMapping("/trusts/{trustId}/interventions")
  List<InterventionJson> trustInterventions(@PathVariable long trustId) {
    return provision.trustCatalogue(trustId).stream().map(InterventionJson::of).toList();
  }

  /** Adds an entry every school of the trust sees in its catalogue (read-only there). */
  @PostMapping("/trusts/{trustId}/interventions")
  ResponseEntity<InterventionJson> addTrustIntervention(@PathVariable long trustId,
      @RequestBody InterventionRequest r) {
    Intervention added = provision.addTrustIntervention(trustId, r.draft(false));
    return ResponseEntity.created(URI.create("/api/v1/trusts/" + trustId + "/interventions/" + added.id()))
        .eTag(String.valueOf(added.version())).body(InterventionJson.of(added));
  }

  /**
   * Changes a shared entry. {@code version} in the body (or the If-Match header) is the version the change is based
   * on; a change based on an older one is refused with 409, and one that gives neither with 422.
   */
  @org.springframework.web.bind.annotation.PutMapping("/trusts/{trustId}/interventions/{interventionId}")
  ResponseEntity<InterventionJson> updateTrustIntervention(@PathVariable long trustId,
      @PathVariable long interventionId, @RequestBody InterventionRequest r,
      @org.springframework.web.bind.annotation.RequestHeader(value = "If-Match", required = false)
      @Nullable String ifMatch) {
    Integer version = r.version() != null ? r.version() : version(ifMatch);
    if (version == null) {
      // Checks who is asking first, so that a refusal is not mistaken for a missing version.
      provision.trustCatalogue(trustId);
      throw new ProvisionInvalid(List.of(new ProvisionInvalid.FieldError("version", ifMatch == null
          ? "Send the version of the entry you read, as version or in the If-Match header"
          : "The If-Match header must be the version number of the entry you read")));
    }
    Intervention saved = provision.updateTrustIntervention(trustId, interventionId, version, r.draft(false));
    return ResponseEntity.ok().eTag(String.valueOf(saved.version())).body(InterventionJson.of(saved));
  }

  private static @Nullable Integer version(@Nullable String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    try {
      return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @PostMapping("/schools/{schoolId}/provision-groups")
  ResponseEntity<Map<String, Object>> createGroup(@PathVariable long schoolId,
      @RequestBody ProvisionService.GroupDraft request) {
    long id = provision.createGroup(schoolId, request);
    return ResponseEntity.created(URI.create("/api/v1/provision-groups/" + id))
        .body(Map.of("id", id, "schoolId", schoolId));
  }

  @PostMapping("/provision-groups/{groupId}/sessions")
  ResponseEntity<Map<String, Object>> recordSession(@PathVariable long groupId,
      @RequestBody ProvisionService.SessionDraft request) {
    long id = provision.recordSession(groupId, request);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "groupId", groupId));
  }

  @GetMapping("/provision-groups/{groupId}/cost")
  CostJson cost(@PathVariable long groupId) {
    ProvisionService.Cost c = provision.cost(groupId);
    return new CostJson(c.planned(), c.actual(), c.perPupilActual(), c.perPupilPlanned(), c.plannedSessions(),
        c.deliveredSessions(), c.cancelledSessions(), c.pupils());
  }

  @ExceptionHandler(ProvisionInvalid.class)
  ProblemDetail invalid(ProvisionInvalid e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
        "Some values are missing or not valid. Nothing was saved.");
    problem.setTitle("Invalid request");
    problem.setType(URI.create("about:blank"));
    problem.setProperty("errors", e.errors().stream()
        .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    return problem;
  }
}
