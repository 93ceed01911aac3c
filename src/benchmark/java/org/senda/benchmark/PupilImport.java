package org.senda.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.senda.pupils.UpnCheck;

/**
 * Issue 4's import figure: a valid 1,000-pupil CSV in the contract's columns
 * ({@code upn,forename,surname,date_of_birth,year_group,sen_status,primary_need,secondary_need}) for the first demo
 * school, sent by its SENCO (who may import) to {@code POST /api/v1/schools/{id}/pupil-imports}, first as a dry run
 * and then for real, each timed from sending the file to the whole answer. New pupils with UPNs of their own (valid
 * check letters), about a sixth of them on the register with a need, as in a real MIS export.
 */
final class PupilImport {

  static final int ROWS = 1000;

  private static final String HEADER =
      "upn,forename,surname,date_of_birth,year_group,sen_status,primary_need,secondary_need\n";
  private static final List<String> FORENAMES = List.of("Amelia", "Oliver", "Isla", "Noah", "Ava", "Leo", "Mia",
      "Arthur", "Freya", "Muhammad", "Zara", "George", "Maya", "Theo", "Aisha", "Jack");
  private static final List<String> SURNAMES = List.of("Smith", "Khan", "Jones", "Nowak", "Williams", "Patel",
      "Brown", "Okafor", "Taylor", "Ahmed", "Davies", "Murphy", "Evans", "Ali", "Wilson", "Kowalski");
  private static final List<String> NEEDS = List.of("SLCN", "SEMH", "SPLD", "MLD", "ASD", "PD", "HI", "VI");

  private PupilImport() {}

  /** The CSV: one pupil a row in the school's year groups, with a date of birth that fits the year. */
  static String csv(Fixture fixture, long schoolId, long seed) {
    List<String[]> years = new ArrayList<>();
    try (var statement = fixture.connection().prepareStatement(
        "select code, ordinal from year_group where school_id = ? order by ordinal")) {
      statement.setLong(1, schoolId);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          years.add(new String[] {rows.getString(1), Integer.toString(rows.getInt(2))});
        }
      }
    } catch (java.sql.SQLException e) {
      throw new MissingData("cannot read the year groups of school " + schoolId + ": " + e.getMessage(), e);
    }
    if (years.isEmpty()) {
      throw new MissingData("school " + schoolId + " has no year groups");
    }
    Set<String> taken = upns(fixture, schoolId);
    Random random = new Random(seed);
    LocalDate today = LocalDate.now();
    int academicYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    StringBuilder csv = new StringBuilder(HEADER);
    int serial = 0;
    for (int row = 0; row < ROWS; row++) {
      String upn;
      do {
        // Local authority 999 and establishments 9990-9999 are not real ones, so these pupils are new to the school.
        upn = UpnCheck.generate(999, 9990 + serial / 1000, academicYear, serial % 1000);
        serial++;
      } while (!taken.add(upn));
      String[] year = years.get(row % years.size());
      int offset = nationalCurriculumYear(year[0], Integer.parseInt(year[1]));
      // Born between 1 September and 31 August of the year that puts the pupil in this year group.
      LocalDate born = LocalDate.of(academicYear - offset - 5, 9, 1).plusDays(random.nextInt(365));
      double register = random.nextDouble();
      String status = register < 0.05 ? "E" : register < 0.19 ? "K" : "N";
      String primary = status.equals("N") ? "" : NEEDS.get(random.nextInt(NEEDS.size()));
      String secondary = status.equals("E") && random.nextBoolean()
          ? NEEDS.stream().filter(n -> !n.equals(primary)).toList().get(random.nextInt(NEEDS.size() - 1)) : "";
      csv.append(upn).append(',').append(FORENAMES.get(random.nextInt(FORENAMES.size()))).append(',')
          .append(SURNAMES.get(random.nextInt(SURNAMES.size()))).append(',').append(born).append(',')
          .append(year[0]).append(',').append(status).append(',').append(primary).append(',').append(secondary)
          .append('\n');
    }
    return csv.toString();
  }

  /** Reception is 0, Y1 is 1 ... as the code says; a code without a number counts by its place in the school. */
  private static int nationalCurriculumYear(String code, int ordinal) {
    String text = code.trim().toUpperCase(Locale.ROOT);
    if (text.equals("R")) {
      return 0;
    }
    String digits = text.replaceAll("[^0-9]", "");
    return digits.isEmpty() || text.startsWith("N") ? ordinal : Integer.parseInt(digits);
  }

  private static Set<String> upns(Fixture fixture, long schoolId) {
    Set<String> upns = new HashSet<>();
    try (var statement = fixture.connection().prepareStatement("select upn from pupil where school_id = ?")) {
      statement.setLong(1, schoolId);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          upns.add(rows.getString(1));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new MissingData("cannot read the UPNs of school " + schoolId + ": " + e.getMessage(), e);
    }
    return upns;
  }

  /** Sends the file and times it to the whole answer. */
  static Report.Import send(String what, Fixture fixture, long schoolId, String csv, boolean dryRun)
      throws IOException, InterruptedException {
    String token = fixture.account("SENCO", schoolId).apiToken();
    try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "/api/v1/schools/" + schoolId
              + "/pupil-imports?dryRun=" + dryRun))
          .timeout(Duration.ofMinutes(2))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "text/csv")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(csv))
          .build();
      long started = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      return new Report.Import(what, (int) csv.lines().count() - 1, took, response.statusCode(),
          summary(response.body()));
    }
  }

  /** The counts of the answer (a dry run's preview left out), or the start of a problem's details. */
  private static String summary(String body) {
    int preview = body.indexOf(",\"preview\"");
    String shown = preview < 0 ? body : body.substring(0, preview) + "}";
    return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
  }
}
