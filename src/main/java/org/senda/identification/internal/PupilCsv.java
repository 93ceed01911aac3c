package org.senda.identification.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.senda.identification.internal.AssessmentImport.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A CSV file of rows about the pupils of one school, each named by UPN (the score and attendance imports): the
 * header checked for its columns, the rows read, and each row's UPN found among the school's pupils. Problems are
 * reported by spreadsheet row (header = 1) and column, in the words the imports show.
 */
final class PupilCsv {

  /** The rows of a readable file with every column, or the problems that stop it being read. */
  record Read(List<CSVRecord> records, List<Problem> problems) {}

  private PupilCsv() {}

  /** Reads {@code csv}; {@code rowsOf} names what the rows hold ("scores") for the message about an empty file. */
  static Read read(String csv, List<String> columns, String rowsOf) {
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get().parse(new StringReader(csv))) {
      Set<String> header = new HashSet<>();
      parser.getHeaderNames().forEach(h -> header.add(h.toLowerCase(Locale.ROOT)));
      List<Problem> missing = columns.stream().filter(c -> !header.contains(c))
          .map(c -> new Problem(1, c, null, "The file has no column headed " + c,
              "Add a column headed " + c + " to the first row")).toList();
      if (!missing.isEmpty()) {
        return new Read(List.of(), missing);
      }
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty()
          ? new Read(List.of(), List.of(new Problem(2, "file", null, "The file has no rows of " + rowsOf,
              "Add a row for each pupil under the column names")))
          : new Read(records, List.of());
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      return new Read(List.of(), List.of(new Problem(1, "file", null, "The file could not be read as CSV",
          "Save it as CSV (comma separated) and try again")));
    }
  }

  /** The text of an uploaded file, or the problem that stops it being read. */
  record Text(@Nullable String text, @Nullable Problem problem) {}

  /**
   * Reads uploaded bytes as UTF-8, with or without a byte order mark. A file that is not UTF-8 is refused with the
   * row of its first unreadable byte rather than read with wrong letters: Excel's plain "CSV" is Windows-1252.
   */
  static Text decode(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    try {
      return new Text(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString(), null);
    } catch (CharacterCodingException e) {
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
      decoder.decode(in, CharBuffer.allocate(bytes.length), true);
      int bad = in.position();
      int row = 1;
      for (int i = start; i < bad; i++) {
        if (bytes[i] == '\n') {
          row++;
        }
      }
      return new Text(null, new Problem(row, "file", null,
          "The file is not saved as UTF-8: it has characters that cannot be read",
          "In Excel choose File > Save As > CSV UTF-8 (comma delimited), then upload the new file"));
    }
  }

  /** The trimmed value of a column, empty when the row has none. */
  static String value(CSVRecord record, String column) {
    return record.isSet(column) ? record.get(column).trim() : "";
  }

  /** The spreadsheet row of a record (the header is row 1). */
  static int line(CSVRecord record) {
    return (int) record.getRecordNumber() + 1;
  }

  /** The school's pupils by UPN in capitals, in one statement. */
  static Map<String, Long> pupilsByUpn(JdbcClient jdbc, long schoolId) {
    Map<String, Long> pupils = new HashMap<>();
    jdbc.sql("select upn, id from pupil where school_id = ?").param(schoolId)
        .query(rs -> {
          pupils.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getLong(2));
        });
    return pupils;
  }

  /** The pupil the row's UPN names, or a problem added for the row when it names none. */
  static @Nullable Long pupil(CSVRecord record, Map<String, Long> pupils, List<Problem> problems) {
    String upn = value(record, "upn").toUpperCase(Locale.ROOT);
    if (upn.isEmpty()) {
      problems.add(new Problem(line(record), "upn", null, "The UPN is missing", "Enter the pupil's UPN"));
      return null;
    }
    Long pupilId = pupils.get(upn);
    if (pupilId == null) {
      problems.add(new Problem(line(record), "upn", upn, "No pupil in this school has this UPN",
          "Check the UPN against the pupil's record, or import the pupil first"));
    }
    return pupilId;
  }
}
