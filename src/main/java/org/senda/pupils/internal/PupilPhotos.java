package org.senda.pupils.internal;

import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The optional photo on a pupil's record, kept apart from the record so that lists never read it. */
@Component
class PupilPhotos {

  /** The largest photo Senda keeps: a record photo from the MIS is far smaller. */
  static final int MAX_BYTES = 500 * 1024;

  record Photo(String contentType, byte[] bytes) {}

  private final JdbcClient jdbc;

  PupilPhotos(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The photo as served: its own type, never cached, never sniffed as anything else. */
  static ResponseEntity<byte[]> response(Photo photo) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.contentType()))
        .cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .body(photo.bytes());
  }

  Optional<Photo> photo(long pupilId) {
    return jdbc.sql("select content_type, bytes from pupil_photo where pupil_id = ?")
        .param(pupilId)
        .query((rs, n) -> new Photo(rs.getString("content_type"), rs.getBytes("bytes")))
        .optional();
  }

  /** Keeps the photo in place of any earlier one. */
  void save(long pupilId, long schoolId, String contentType, byte[] bytes) {
    remove(pupilId);
    jdbc.sql("insert into pupil_photo (pupil_id, school_id, content_type, bytes) values (?, ?, ?, ?)")
        .params(pupilId, schoolId, contentType, bytes)
        .update();
  }

  boolean remove(long pupilId) {
    return jdbc.sql("delete from pupil_photo where pupil_id = ?").param(pupilId).update() > 0;
  }

  /**
   * What is wrong with a photo as sent, in the words the pages and the API both use; empty when Senda can keep it.
   *
   * @param whenEmpty what to say when nothing was sent (the page asks to select a file, the API for a body)
   */
  static Optional<String> problem(byte[] bytes, String whenEmpty) {
    if (bytes.length == 0) {
      return Optional.of(whenEmpty);
    }
    if (imageType(bytes).isEmpty()) {
      return Optional.of("The photo must be a PNG or JPG");
    }
    if (bytes.length > MAX_BYTES) {
      return Optional.of("The photo must be smaller than 500KB");
    }
    return Optional.empty();
  }

  /** The content type of a PNG or JPEG by its first bytes, whatever the browser said; empty for anything else. */
  static Optional<String> imageType(byte[] bytes) {
    boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N'
        && bytes[3] == 'G' && bytes[4] == 0x0d && bytes[5] == 0x0a && bytes[6] == 0x1a && bytes[7] == 0x0a;
    if (png) {
      return Optional.of("image/png");
    }
    boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8
        && (bytes[2] & 0xff) == 0xff;
    return jpeg ? Optional.of("image/jpeg") : Optional.empty();
  }
}
