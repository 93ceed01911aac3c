package org.senda.pupils.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The optional photo on a pupil's record over the JSON API, under the rules of the pages: served only to people
 * who may see the pupil (404 otherwise, and when there is no photo), never cached; replaced or removed only by the
 * school's record keepers (403 for other roles who see the pupil). The body of a PUT is the image itself, a PNG or
 * JPEG (judged by its first bytes, not the Content-Type) of at most 500KB. Every view, upload and removal is
 * audited.
 */
@RestController
@RequestMapping("/api/v1/pupils/{pupilId}/photo")
class PupilPhotoApiController {

  private final PupilAccess access;
  private final PupilPhotos photos;
  private final Permissions permissions;
  private final Audit audit;

  PupilPhotoApiController(PupilAccess access, PupilPhotos photos, Permissions permissions, Audit audit) {
    this.access = access;
    this.photos = photos;
    this.permissions = permissions;
    this.audit = audit;
  }

  @GetMapping
  @Transactional
  ResponseEntity<byte[]> photo(@PathVariable long pupilId) {
    PupilSummary pupil = access.requireView(pupilId);
    PupilPhotos.Photo photo = photos.photo(pupilId).orElseThrow(() -> new AccessRefused("photo of " + pupilId));
    audit.record(AuditAction.VIEW, "pupil-photo", pupilId, pupil.schoolId(), "api");
    return PupilPhotos.response(photo);
  }

  /** Keeps the photo in place of any earlier one: 200 with its type and size, or 422 naming the problem. */
  @PutMapping
  @Transactional
  ResponseEntity<?> save(@PathVariable long pupilId, InputStream body) throws IOException {
    PupilSummary pupil = editable(pupilId);
    // Read one byte past the limit, no more: enough to tell a photo that is too large without holding a huge body.
    byte[] bytes = body.readNBytes(PupilPhotos.MAX_BYTES + 1);
    Optional<String> problem = PupilPhotos.problem(bytes, "Send the photo as the body of the request");
    if (problem.isPresent()) {
      ProblemDetail invalid = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
          "The photo was not saved: " + problem.get().substring(0, 1).toLowerCase() + problem.get().substring(1)
              + ".");
      invalid.setTitle("Invalid request");
      invalid.setType(URI.create("about:blank"));
      invalid.setProperty("errors", List.of(Map.of("field", "photo", "message", problem.get())));
      return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(invalid);
    }
    String type = PupilPhotos.imageType(bytes).orElseThrow();
    photos.save(pupilId, pupil.schoolId(), type, bytes);
    audit.record(AuditAction.UPDATE, "pupil-photo", pupilId, pupil.schoolId(),
        type + ", " + bytes.length + " bytes (api)");
    return ResponseEntity.ok(Map.of("pupilId", pupilId, "contentType", type, "bytes", bytes.length));
  }

  /** 204 when the photo was removed, 404 when the pupil had none. */
  @DeleteMapping
  @Transactional
  ResponseEntity<Void> remove(@PathVariable long pupilId) {
    PupilSummary pupil = editable(pupilId);
    if (!photos.remove(pupilId)) {
      throw new AccessRefused("photo of " + pupilId);
    }
    audit.record(AuditAction.DELETE, "pupil-photo", pupilId, pupil.schoolId(), "api");
    return ResponseEntity.noContent().build();
  }

  /** Someone who sees the pupil and keeps the school's pupil records (IMPORT_PUPILS), as on the pages. */
  private PupilSummary editable(long pupilId) {
    PupilSummary pupil = access.requireView(pupilId);
    permissions.require(pupil.schoolId(), Permission.IMPORT_PUPILS);
    return pupil;
  }
}
