package org.senda.pupils.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilImportColumn;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** What the pupil and contacts import pages share: the uploaded file's checks and the templates to download. */
final class ImportPages {

  static final long MAX_BYTES = 5L * 1024 * 1024;

  private ImportPages() {}

  /** What is wrong with the uploaded file before it is read: none chosen, or too large; null when neither. */
  static @Nullable String fileProblem(@Nullable MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return "Select a CSV or Excel file";
    }
    if (file.getSize() > MAX_BYTES) {
      return "The selected file must be smaller than 5 MB";
    }
    return null;
  }

  static String filename(MultipartFile file) {
    return file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
  }

  /** The CSV template: the columns' names, then an example row. */
  static ResponseEntity<byte[]> csvTemplate(List<PupilImportColumn> columns, String filename) {
    return download(ImportTemplates.csv(columns), filename + ".csv",
        new MediaType("text", "csv", StandardCharsets.UTF_8));
  }

  /** The Excel template: the columns' names, then an example row. */
  static ResponseEntity<byte[]> xlsxTemplate(List<PupilImportColumn> columns, String filename) {
    return download(ImportTemplates.xlsx(columns), filename + ".xlsx",
        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  }

  private static ResponseEntity<byte[]> download(byte[] bytes, String filename, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(bytes);
  }
}
