package org.senda.pupils.internal;

import java.io.IOException;
import java.util.Optional;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The optional photo on a pupil's record: served only to people who may see the pupil (404 otherwise), never
 * cached, and changed only by the school's record keepers. Every view, upload and removal is audited.
 */
@Controller
@RequestMapping("/schools/{schoolId}/pupils/{pupilId}/photo")
class PupilPhotoController {

  private final PupilAccess access;
  private final PupilPhotos photos;
  private final Permissions permissions;
  private final Audit audit;

  PupilPhotoController(PupilAccess access, PupilPhotos photos, Permissions permissions, Audit audit) {
    this.access = access;
    this.photos = photos;
    this.permissions = permissions;
    this.audit = audit;
  }

  @GetMapping
  @Transactional
  ResponseEntity<byte[]> photo(@PathVariable long schoolId, @PathVariable long pupilId) {
    pupilIn(schoolId, pupilId);
    PupilPhotos.Photo photo = photos.photo(pupilId).orElseThrow(() -> new AccessRefused("photo of " + pupilId));
    audit.record(AuditAction.VIEW, "pupil-photo", pupilId, schoolId, null);
    return PupilPhotos.response(photo);
  }

  @PostMapping
  @Transactional
  String upload(@PathVariable long schoolId, @PathVariable long pupilId,
      @RequestParam(name = "photo", required = false) MultipartFile file, RedirectAttributes flash)
      throws IOException {
    editable(schoolId, pupilId);
    byte[] bytes = file == null ? new byte[0] : file.getBytes();
    Optional<String> problem = PupilPhotos.problem(bytes, "Select a photo");
    if (problem.isPresent()) {
      flash.addFlashAttribute("important", problem.get());
    } else {
      String type = PupilPhotos.imageType(bytes).orElseThrow();
      photos.save(pupilId, schoolId, type, bytes);
      audit.record(AuditAction.UPDATE, "pupil-photo", pupilId, schoolId, type + ", " + bytes.length + " bytes");
      flash.addFlashAttribute("success", "Photo saved");
    }
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId;
  }

  @PostMapping("/remove")
  @Transactional
  String remove(@PathVariable long schoolId, @PathVariable long pupilId, RedirectAttributes flash) {
    editable(schoolId, pupilId);
    if (photos.remove(pupilId)) {
      audit.record(AuditAction.DELETE, "pupil-photo", pupilId, schoolId, null);
      flash.addFlashAttribute("success", "Photo removed");
    }
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId;
  }

  private PupilSummary pupilIn(long schoolId, long pupilId) {
    PupilSummary pupil = access.requireView(pupilId);
    return pupil.requireSchool(schoolId);
  }

  /** Someone who sees the pupil and keeps the school's pupil records (IMPORT_PUPILS). */
  private void editable(long schoolId, long pupilId) {
    pupilIn(schoolId, pupilId);
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
  }
}
