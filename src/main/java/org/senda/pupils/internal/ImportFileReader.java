package org.senda.pupils.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.senda.pupils.PupilImportError;

/**
 * Reads a CSV (UTF-8, with or without a byte order mark) or XLSX file into rows of text. A CSV that is not valid
 * UTF-8 is refused with the row where the first bad byte is, and a hint when it looks like Windows-1252 ("ANSI",
 * what Excel writes for "CSV" rather than "CSV UTF-8").
 */
final class ImportFileReader {

  static final int MAX_ROWS = 20_000;
  private static final byte[] XLSX_MAGIC = {0x50, 0x4B, 0x03, 0x04};

  private ImportFileReader() {}

  static ImportTable read(byte[] bytes, String filename) {
    if (bytes.length == 0) {
      return ImportTable.failed(new PupilImportError(1, "file", null, "The selected file is empty",
          "Export the pupils from your MIS again and upload that file"));
    }
    if (isXlsx(bytes)) {
      return xlsx(bytes);
    }
    if (filename.toLowerCase(java.util.Locale.ROOT).endsWith(".xls")) {
      return ImportTable.failed(new PupilImportError(1, "file", null,
          "The selected file is an old Excel workbook (.xls)",
          "Save it as an Excel workbook (.xlsx) or as CSV UTF-8 (comma delimited), then upload it again"));
    }
    return csv(bytes);
  }

  static boolean isXlsx(byte[] bytes) {
    return bytes.length > 4 && java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 4), XLSX_MAGIC);
  }

  static ImportTable csv(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    String text;
    try {
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException e) {
      return ImportTable.failed(encodingError(bytes, start));
    }
    try (CSVParser parser = CSVParser.builder()
        .setReader(new StringReader(text))
        .setFormat(CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get())
        .get()) {
      List<String> headers = null;
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        List<String> values = record.toList();
        if (headers == null) {
          headers = values;
          continue;
        }
        if (rows.size() >= MAX_ROWS) {
          return ImportTable.failed(tooMany());
        }
        // blank lines are kept so that row numbers match the spreadsheet; the import skips them
        rows.add(values);
      }
      while (!rows.isEmpty() && rows.getLast().stream().allMatch(String::isBlank)) {
        rows.removeLast();
      }
      if (headers == null) {
        return ImportTable.failed(new PupilImportError(1, "file", null, "The selected file has no header row",
            "Put the column names (for example upn, forename, surname) in the first row"));
      }
      return new ImportTable(headers, rows, List.of());
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
      return ImportTable.failed(new PupilImportError(1, "file", null, "The selected file is not a valid CSV file",
          "Save it from your spreadsheet as CSV UTF-8 (comma delimited) and upload it again"));
    }
  }

  /** The first invalid UTF-8 sequence, reported on its row, with a hint when the file reads as Windows-1252. */
  private static PupilImportError encodingError(byte[] bytes, int start) {
    int offset = firstInvalid(bytes, start);
    int row = 1;
    for (int i = start; i < offset; i++) {
      if (bytes[i] == '\n') {
        row++;
      }
    }
    String value = null;
    String message = "The file is not saved as UTF-8: it has characters that cannot be read";
    Charset windows1252 = Charset.forName("windows-1252");
    int end = offset;
    while (end < bytes.length && bytes[end] != '\n' && bytes[end] != ',' && end - offset < 40) {
      end++;
    }
    int begin = offset;
    while (begin > start && bytes[begin - 1] != '\n' && bytes[begin - 1] != ',' && offset - begin < 40) {
      begin--;
    }
    if (looksLikeWindows1252(bytes, start)) {
      value = new String(bytes, begin, end - begin, windows1252);
      message = "The file looks like it was saved as Windows-1252 (ANSI), not UTF-8";
    }
    return new PupilImportError(row, "file", value, message,
        "In Excel choose File > Save As > CSV UTF-8 (comma delimited), then upload the new file");
  }

  private static int firstInvalid(byte[] bytes, int start) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }

  /** Windows-1252 text: high bytes that are letters or signs in that code page (é, £, ’, –) and no control bytes. */
  private static boolean looksLikeWindows1252(byte[] bytes, int start) {
    for (int i = start; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D || b == 0) {
        return false;
      }
    }
    return true;
  }

  private static PupilImportError tooMany() {
    return new PupilImportError(1, "file", null, "The file has more than " + MAX_ROWS + " pupils",
        "Split the file into smaller files and import them one after another");
  }

  static ImportTable xlsx(byte[] bytes) {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (workbook.getNumberOfSheets() == 0) {
        return ImportTable.failed(new PupilImportError(1, "file", null, "The workbook has no sheets",
            "Put the pupils on the first sheet of the workbook"));
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(java.util.Locale.UK);
      List<String> headers = null;
      List<List<String>> rows = new ArrayList<>();
      int width = 0;
      for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && r >= 0; r++) {
        Row row = sheet.getRow(r);
        List<String> values = new ArrayList<>();
        if (row != null) {
          int last = headers == null ? row.getLastCellNum() : width;
          for (int c = 0; c < last; c++) {
            values.add(text(row.getCell(c), formatter));
          }
        }
        if (headers == null) {
          if (values.stream().allMatch(String::isBlank)) {
            return ImportTable.failed(new PupilImportError(1, "file", null, "The first row of the sheet is empty",
                "Put the column names (for example upn, forename, surname) in the first row"));
          }
          headers = values;
          width = values.size();
          continue;
        }
        if (rows.size() >= MAX_ROWS) {
          return ImportTable.failed(tooMany());
        }
        // keep blank rows so that row numbers match the sheet; the import skips them
        rows.add(values);
      }
      while (!rows.isEmpty() && rows.getLast().stream().allMatch(String::isBlank)) {
        rows.removeLast();
      }
      return new ImportTable(headers == null ? List.of() : headers, rows, List.of());
    } catch (IOException | RuntimeException e) {
      return ImportTable.failed(new PupilImportError(1, "file", null, "The selected file is not a valid Excel workbook",
          "Save it from Excel as an Excel workbook (.xlsx) or as CSV UTF-8, then upload it again"));
    }
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
    }
    return formatter.formatCellValue(cell).trim();
  }
}
