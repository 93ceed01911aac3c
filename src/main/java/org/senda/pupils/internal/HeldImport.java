package org.senda.pupils.internal;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An import file held in the session between its preview and its confirmation, with what the preview showed (its
 * fingerprint), so that what is imported is exactly the file previewed and is not written over records changed
 * since: the confirmation then shows the new preview instead, and writes nothing.
 *
 * @param <R> what the importer answers
 */
final class HeldImport<R extends HeldImport.Result> {

  /** What an import answers, as far as holding its file goes. */
  interface Result {
    boolean ok();

    /** What the rows would add and change, with the versions matched; null when the file has errors. */
    @Nullable String fingerprint();

    /** The records are no longer as the preview showed them; nothing was written. */
    boolean changedSincePreview();
  }

  /** Runs an import: a dry run, or a write that stops when the records differ from {@code previewed}. */
  @FunctionalInterface
  interface Importer<R> {
    R run(long schoolId, byte[] bytes, String filename, boolean dryRun, @Nullable String previewed);
  }

  /** The file between preview and confirmation. */
  record Upload(long schoolId, String filename, byte[] bytes, String previewed) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  /** A record a write matched was changed by someone else while it ran; the import's transaction is rolled back. */
  static final class ChangedDuringImport extends RuntimeException {
    ChangedDuringImport() {
      super("A record was changed by someone else during the import");
    }
  }

  private final String name;
  private final Importer<R> importer;

  HeldImport(String name, Importer<R> importer) {
    this.name = name;
    this.importer = importer;
  }

  /** The dry run of an uploaded file; the file waits in the session when it has no errors. */
  R preview(long schoolId, String filename, byte[] bytes, HttpSession session) {
    return held(schoolId, filename, bytes, importer.run(schoolId, bytes, filename, true, null), session);
  }

  /**
   * Imports the file the preview showed: empty when none waits (the preview expired). When the file now has errors,
   * or its records changed since the preview, nothing is written and the result says so.
   */
  Optional<Confirmed<R>> confirm(long schoolId, HttpSession session) {
    if (!(session.getAttribute(key(schoolId)) instanceof Upload upload) || upload.schoolId() != schoolId) {
      return Optional.empty();
    }
    R result;
    try {
      result = importer.run(schoolId, upload.bytes(), upload.filename(), false, upload.previewed());
    } catch (ChangedDuringImport e) {
      result = importer.run(schoolId, upload.bytes(), upload.filename(), true, upload.previewed());
    }
    if (result.ok() && !result.changedSincePreview()) {
      session.removeAttribute(key(schoolId));
      return Optional.of(new Confirmed<>(upload.filename(), result));
    }
    return Optional.of(new Confirmed<>(upload.filename(),
        held(schoolId, upload.filename(), upload.bytes(), result, session)));
  }

  /** A confirmation's file name and result. */
  record Confirmed<R>(String filename, R result) {}

  private R held(long schoolId, String filename, byte[] bytes, R result, HttpSession session) {
    if (result.ok()) {
      session.setAttribute(key(schoolId), new Upload(schoolId, filename, bytes,
          Objects.requireNonNull(result.fingerprint())));
    } else {
      session.removeAttribute(key(schoolId));
    }
    return result;
  }

  private String key(long schoolId) {
    return name + "." + schoolId;
  }
}
