package org.senda.identification.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
          .map(c -> new Problem(1, c, "Add a column headed " + c)).toList();
      if (!missing.isEmpty()) {
        return new Read(List.of(), missing);
      }
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty()
          ? new Read(List.of(), List.of(new Problem(2, "file", "The file has no rows of " + rowsOf)))
          : new Read(records, List.of());
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      return new Read(List.of(), List.of(new Problem(1, "file",
          "The file could not be read as CSV: save it as CSV (comma separated) and try again")));
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
      problems.add(new Problem(line(record), "upn", "Enter the pupil's UPN"));
      return null;
    }
    Long pupilId = pupils.get(upn);
    if (pupilId == null) {
      problems.add(new Problem(line(record), "upn", "No pupil in this school has the UPN " + upn));
    }
    return pupilId;
  }
}
