package org.senda.pupils.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.senda.pupils.PupilImportColumn;
import org.senda.pupils.PupilImportError;

/**
 * How an import file's headers were read: the column each header names (MIS aliases included), how the page shows
 * that, and the problems with the header row itself (a column twice, a required column missing).
 *
 * @param columnAt the canonical column name read from each index of a row
 * @param mapping every header of the file with the column it was read as (null: not imported)
 * @param errors the header row's problems; rows are not read when there are any
 */
record ImportHeaders(Map<Integer, String> columnAt, List<PupilImportResult.MappedHeader> mapping,
    List<PupilImportError> errors) {

  static ImportHeaders read(ImportTable table, List<PupilImportColumn> columns) {
    Map<Integer, String> columnAt = new LinkedHashMap<>();
    List<PupilImportResult.MappedHeader> mapping = new ArrayList<>();
    List<PupilImportError> errors = new ArrayList<>();
    for (int i = 0; i < table.headers().size(); i++) {
      String header = table.headers().get(i).replace("\uFEFF", "").trim();
      Optional<PupilImportColumn> column = columns.stream().filter(c -> c.matches(header)).findFirst();
      if (column.isPresent() && columnAt.containsValue(column.get().name())) {
        errors.add(new PupilImportError(1, column.get().name(), header,
            "The file has more than one column for " + column.get().name(),
            "Delete one of the columns headed " + header + " and " + headerOf(table, columnAt, column.get().name())));
        continue;
      }
      int index = i;
      column.ifPresent(c -> columnAt.put(index, c.name()));
      mapping.add(new PupilImportResult.MappedHeader(header, column.map(PupilImportColumn::name).orElse(null)));
    }
    for (PupilImportColumn column : columns) {
      if (column.required() && !columnAt.containsValue(column.name())) {
        errors.add(new PupilImportError(1, column.name(), null, "The file has no " + column.name() + " column",
            "Add a column headed " + column.name()
                + (column.aliases().isEmpty() ? "" : " (or " + String.join(", ", column.aliases()) + ")")));
      }
    }
    return new ImportHeaders(columnAt, mapping, errors);
  }

  /** Whether the file has this column. */
  boolean has(String column) {
    return columnAt.containsValue(column);
  }

  /** A row of the file that is not blank: its spreadsheet row number and its non-blank cells by column name. */
  record Line(int number, Map<String, String> values) {}

  /** The rows of the file that are not blank, numbered as in the spreadsheet (the header is row 1). */
  List<Line> lines(ImportTable table) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < table.rows().size(); i++) {
      List<String> cells = table.rows().get(i);
      if (!cells.stream().allMatch(String::isBlank)) {
        lines.add(new Line(i + 2, values(cells)));
      }
    }
    return lines;
  }

  /** The non-blank cells of a row by column name, trimmed. */
  private Map<String, String> values(List<String> cells) {
    Map<String, String> values = new HashMap<>();
    columnAt.forEach((index, name) -> {
      if (index < cells.size() && !cells.get(index).isBlank()) {
        values.put(name, cells.get(index).trim());
      }
    });
    return values;
  }

  private static String headerOf(ImportTable table, Map<Integer, String> columnAt, String column) {
    return columnAt.entrySet().stream().filter(e -> e.getValue().equals(column))
        .map(e -> table.headers().get(e.getKey())).findFirst().orElse(column);
  }
}
