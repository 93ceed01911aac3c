package org.senda.test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * People using one of the CSV import pages of a school over HTTP (upload a file, see its problems or its preview,
 * confirm): files uploaded as the school's people, and the tables of problems and changes read back cell by cell.
 */
public final class ImportPages {

  private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

  private final SignedInSessions sessions;
  private final int port;
  private final DemoAccounts accounts;
  private final long schoolId;
  private final String path;
  private final String filename;

  /**
   * @param sessions the test class's signed-in sessions
   * @param path the import's upload page in {@code schoolId}, to which files are posted
   * @param filename the name files are uploaded under
   */
  public ImportPages(SignedInSessions sessions, int port, DemoAccounts accounts, long schoolId, String path,
      String filename) {
    this.sessions = sessions;
    this.port = port;
    this.accounts = accounts;
    this.schoolId = schoolId;
    this.path = path;
    this.filename = filename;
  }

  /** The demo account with {@code role} in a school, signed in. */
  public PageSession as(String role, long school) {
    return sessions.of(port, accounts.get(role, school));
  }

  /** The school's SENCO. */
  public PageSession senco() {
    return as("SENCO", schoolId);
  }

  public PageSession.Page upload(PageSession session, byte[] file) {
    return session.postFile(path, Map.of(), "file", filename, "text/csv", file);
  }

  /** The SENCO uploads {@code csv}, saved as UTF-8. */
  public PageSession.Page upload(String csv) {
    return upload(senco(), csv.getBytes(StandardCharsets.UTF_8));
  }

  /** Confirms the file previewed last in the session. */
  public PageSession.Page confirm(PageSession session) {
    return session.post(path + "/confirm", Map.of());
  }

  /** The cells of the table of problems, row by row. */
  public static List<List<String>> errorRows(String body) {
    return cells(body, "import-errors");
  }

  /** The cells of the preview's table of changes, row by row, a tag's text for its cell. */
  public static List<List<String>> previewRows(String body) {
    return cells(body, "import-preview");
  }

  private static List<List<String>> cells(String body, String tableId) {
    int at = body.indexOf("id=\"" + tableId + "\"");
    if (at < 0) {
      throw new AssertionError("no table " + tableId + " on the page");
    }
    String table = body.substring(at);
    table = table.substring(table.indexOf("<tbody"), table.indexOf("</tbody>"));
    return Arrays.stream(table.split("<tr")).skip(1)
        .map(row -> CELL.matcher(row).results()
            .map(m -> HtmlUtils.htmlUnescape(m.group(1).replaceAll("<[^>]+>", "").trim()))
            .toList())
        .toList();
  }
}
