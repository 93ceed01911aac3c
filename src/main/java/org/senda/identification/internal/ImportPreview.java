package org.senda.identification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a file of the score or attendance import will do, one change per row with the value it replaces, or the
 * problems that stop it (then no changes).
 *
 * @param <C> a row's change: {@link AssessmentImport.Change} or {@link AttendanceImport.Change}
 */
record ImportPreview<C>(AssessmentImport.Result result, List<C> changes) {

  static <C> ImportPreview<C> failed(List<AssessmentImport.Problem> problems) {
    return new ImportPreview<>(new AssessmentImport.Result(0, 0, problems), List.of());
  }

  /**
   * A digest of every change, kept between the preview and the confirmation in place of the changes themselves: the
   * same digest at confirmation means the file still does exactly what was previewed, the values it replaces
   * included.
   */
  String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (C change : changes) {
        digest.update(change.toString().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
