package org.senda.organisation.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.SchoolSummary;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Schools and their staff over the JSON API: only schools the caller can see; staff lists are audited. */
@RestController
@RequestMapping("/api/v1/schools")
class SchoolApiController {

  record SchoolJson(long id, String name, String urn, String dfeNumber, String phase, String localAuthority,
      long trustId) {

    static SchoolJson of(SchoolSummary school) {
      return new SchoolJson(school.id(), school.name(), school.urn(), school.dfeNumber(), school.phase().name(),
          school.localAuthority(), school.trustId());
    }
  }

  record StaffJson(long id, String name, String email, @Nullable String jobTitle, List<String> roles) {}

  private final Permissions permissions;
  private final OrganisationQueries queries;
  private final Audit audit;

  SchoolApiController(Permissions permissions, OrganisationQueries queries, Audit audit) {
    this.permissions = permissions;
    this.queries = queries;
    this.audit = audit;
  }

  @GetMapping
  List<SchoolJson> schools() {
    return queries.schools(permissions.current().visibleSchoolIds()).stream().map(SchoolJson::of).toList();
  }

  @GetMapping("/{schoolId}")
  SchoolJson school(@PathVariable long schoolId) {
    permissions.requireSchool(schoolId);
    return queries.school(schoolId).map(SchoolJson::of).orElseThrow(() -> new AccessRefused("school " + schoolId));
  }

  /** Staff are people too: reading the list is recorded in the audit log (UK GDPR Art. 5(2)). */
  @GetMapping("/{schoolId}/staff")
  @Transactional
  List<StaffJson> staff(@PathVariable long schoolId) {
    permissions.require(schoolId, Permission.VIEW_STAFF);
    List<StaffJson> staff = queries.staffOf(schoolId).stream()
        .map(s -> new StaffJson(s.id(), s.name(), s.email(), s.jobTitle(),
            s.roles().stream().map(Enum::name).toList()))
        .toList();
    audit.record(AuditAction.VIEW, "staff", null, schoolId, "staff list (API), " + staff.size() + " people");
    return staff;
  }
}
