package org.senda.support.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
 * Pupil passports: every adult who teaches or supports the pupil reads the current one (need to know); the
 * SENCO and headteacher save new versions with the pupil. Reads and writes are audited.
 */
@Service
@Transactional
class PassportService {

  private final PassportStore store;
  private final PupilAccess pupilAccess;
  private final Permissions permissions;
  private final Audit audit;
  private final Clock clock;

  PassportService(PassportStore store, PupilAccess pupilAccess, Permissions permissions, Audit audit, Clock clock) {
    this.store = store;
    this.pupilAccess = pupilAccess;
    this.permissions = permissions;
    this.audit = audit;
    this.clock = clock;
  }

  record Read(PupilSummary pupil, Optional<Passport> passport, List<PassportStore.VersionRow> versions) {}

  Read read(long pupilId, Integer number) {
    PupilSummary pupil = pupilAccess.requireView(pupilId);
    Optional<Passport> passport = number == null ? store.current(pupilId) : store.version(pupilId, number);
    audit.record(AuditAction.VIEW, "pupil-passport", pupilId, pupil.schoolId(),
        passport.map(p -> "version " + p.number()).orElse("none yet"));
    return new Read(pupil, passport, store.versions(pupilId));
  }

  Optional<Passport> current(long pupilId) {
    PupilSummary pupil = pupilAccess.requireView(pupilId);
    Optional<Passport> passport = store.current(pupilId);
    audit.record(AuditAction.VIEW, "pupil-passport", pupilId, pupil.schoolId(),
        passport.map(p -> "version " + p.number()).orElse("none yet"));
    return passport;
  }

  PupilSummary requireWritable(long pupilId) {
    PupilSummary pupil = pupilAccess.requireView(pupilId);
    permissions.require(pupil.schoolId(), Permission.MANAGE_SEND);
    return pupil;
  }

  boolean canWrite(PupilSummary pupil) {
    return permissions.can(pupil.schoolId(), Permission.MANAGE_SEND);
  }

  Passport save(long pupilId, int basedOn, PassportDraft draft) {
    PupilSummary pupil = requireWritable(pupilId);
    Passport saved = store.save(pupilId, pupil.schoolId(), basedOn, draft, clock.instant(),
        permissions.current().email());
    audit.record(basedOn == 0 ? AuditAction.CREATE : AuditAction.UPDATE, "pupil-passport", pupilId,
        pupil.schoolId(), "version " + saved.number());
    return saved;
  }

  void addImage(long pupilId, String altText, String contentType, byte[] bytes) {
    PupilSummary pupil = requireWritable(pupilId);
    Passport current = store.current(pupilId).orElseThrow(() -> new AccessRefused("passport of " + pupilId));
    store.addImage(current.id(), pupil.schoolId(), altText, contentType, bytes);
    audit.record(AuditAction.UPDATE, "pupil-passport", pupilId, pupil.schoolId(), "image added");
  }

  PassportStore.ImageBytes image(long imageId) {
    PassportStore.ImageBytes image = store.image(imageId).orElseThrow(() -> new AccessRefused("image " + imageId));
    pupilAccess.requireView(image.pupilId());
    audit.record(AuditAction.VIEW, "pupil-passport-image", imageId, image.schoolId(), null);
    return image;
  }
}
