package org.senda.pupils.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.senda.pupils.PupilImportColumn;

/** The downloadable import template: every column's name in the header and an example row. */
final class ImportTemplates {

  private ImportTemplates() {}

  static byte[] csv(List<PupilImportColumn> columns) {
    StringBuilder text = new StringBuilder();
    text.append(String.join(",", columns.stream().map(PupilImportColumn::name).toList())).append("\r\n");
    text.append(String.join(",", columns.stream().map(c -> quote(c.example())).toList())).append("\r\n");
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(List<PupilImportColumn> columns) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Pupils");
      Row header = sheet.createRow(0);
      Row example = sheet.createRow(1);
      for (int i = 0; i < columns.size(); i++) {
        header.createCell(i).setCellValue(columns.get(i).name());
        example.createCell(i).setCellValue(columns.get(i).example());
        sheet.setColumnWidth(i, 18 * 256);
      }
      Sheet help = workbook.createSheet("Columns");
      Row helpHeader = help.createRow(0);
      helpHeader.createCell(0).setCellValue("Column");
      helpHeader.createCell(1).setCellValue("Required");
      helpHeader.createCell(2).setCellValue("What to put in it");
      helpHeader.createCell(3).setCellValue("Also read from MIS headers");
      for (int i = 0; i < columns.size(); i++) {
        PupilImportColumn column = columns.get(i);
        Row row = help.createRow(i + 1);
        row.createCell(0).setCellValue(column.name());
        row.createCell(1).setCellValue(column.required() ? "Yes" : "No");
        row.createCell(2).setCellValue(column.description());
        row.createCell(3).setCellValue(String.join(", ", column.aliases()));
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String value) {
    return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
