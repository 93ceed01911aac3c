package org.senda.support.internal;

import java.util.HashMap;
import java.util.Map;
import org.senda.access.AccessRefused;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The PDFs people download: a plan with its review records, and a passport on one page. Audited as exports. */
@Service
@Transactional
class SupportPdfs {

  private final SupportPlanService plans;
  private final PassportStore passports;
  private final PupilAccess pupilAccess;
  private final SupportSettings settings;
  private final Organisation organisation;
  private final SupportDocuments documents;
  private final Audit audit;

  SupportPdfs(SupportPlanService plans, PassportStore passports, PupilAccess pupilAccess, SupportSettings settings,
      Organisation organisation, SupportDocuments documents, Audit audit) {
    this.plans = plans;
    this.passports = passports;
    this.pupilAccess = pupilAccess;
    this.settings = settings;
    this.organisation = organisation;
    this.documents = documents;
    this.audit = audit;
  }

  record Pdf(String filename, byte[] bytes) {}

  static org.springframework.http.ResponseEntity<byte[]> response(Pdf pdf) {
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "attachment; filename=\"" + pdf.filename() + "\"")
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .body(pdf.bytes());
  }

  Pdf plan(long planId) {
    PlanDetail plan = plans.readForExport(planId);
    PupilSummary pupil = pupilAccess.requireView(plan.pupilId());
    Map<String, Object> model = new HashMap<>();
    model.put("plan", plan);
    model.put("pupil", pupil);
    model.put("planName", settings.of(plan.schoolId()).planName());
    model.put("schoolName", organisation.school(plan.schoolId()).orElseThrow().name());
    byte[] pdf = documents.plan(model);
    audit.record(AuditAction.EXPORT, "support-plan", planId, plan.schoolId(), "PDF");
    return new Pdf("support-plan-" + planId + ".pdf", pdf);
  }

  Pdf passport(long pupilId) {
    PupilSummary pupil = pupilAccess.requireView(pupilId);
    Passport passport = passports.current(pupilId).orElseThrow(() -> new AccessRefused("passport of " + pupilId));
    Map<String, Object> model = new HashMap<>();
    model.put("passport", passport);
    model.put("pupil", pupil);
    model.put("schoolName", organisation.school(pupil.schoolId()).orElseThrow().name());
    byte[] pdf = documents.passport(model, passport.images(), passports.imageBytes(passport.id()));
    audit.record(AuditAction.EXPORT, "pupil-passport", pupilId, pupil.schoolId(), "PDF version " + passport.number());
    return new Pdf("passport-" + pupilId + ".pdf", pdf);
  }
}
