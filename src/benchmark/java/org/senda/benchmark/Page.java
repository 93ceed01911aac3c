package org.senda.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page or API call under test: the request (its path may depend on the generated data, e.g. the largest
 * school), who sends it, the status it must answer, its latency targets and the SQL behind it (the floor, timed
 * over JDBC with the same parameters). {@link Pages#ALL} lists them.
 *
 * @param name how the report names it, e.g. "GET /api/v1/schools"
 * @param method the HTTP method
 * @param path the path and query, resolved once the data exists
 * @param visitor who asks: a new visitor, an API token or a signed-in person
 * @param status the status every answer must have (anything else is an error)
 * @param floor the SQL statements behind the answer; the floor is the sum of their median times
 * @param singleUserP95 single-user p95 target in milliseconds, or null for none
 * @param standardLoadP95 standard-load p95 target in milliseconds, or null for none
 * @param floorRatio at most how many times its floor the page may take: single-user p95 against the floor's p95
 *     (the sum of each statement's p95 over JDBC), or null for no such target
 */
record Page(
    String name,
    String method,
    Function<Fixture, String> path,
    Visitor visitor,
    int status,
    List<Floor> floor,
    @Nullable Double singleUserP95,
    @Nullable Double standardLoadP95,
    @Nullable Double floorRatio) {

  /**
   * An SQL statement the page runs, with the parameters it runs it with for the data of this run (the SQL itself
   * may depend on the data, e.g. an {@code in} list with one placeholder per school). A statement that
   * {@code commits} is timed with its commit, as the page runs it in a transaction of its own; it must leave the
   * data as it found it.
   */
  record Floor(Function<Fixture, String> sql, Function<Fixture, List<Object>> parameters, boolean commits) {

    Floor(Function<Fixture, String> sql, Function<Fixture, List<Object>> parameters) {
      this(sql, parameters, false);
    }

    static Floor of(String sql, Function<Fixture, List<Object>> parameters) {
      return new Floor(fixture -> sql, parameters);
    }

    /** A statement committed on its own: a write of the values the row already has, timed with its commit. */
    static Floor committed(String sql, Function<Fixture, List<Object>> parameters) {
      return new Floor(fixture -> sql, parameters, true);
    }
  }

  /** Who sends the request. */
  sealed interface Visitor {

    /** Someone who has never been here: no cookies (so the page starts a session, as it does for real). */
    record NewVisitor() implements Visitor {}

    /** An API client with the personal access token of a demo account. */
    record Token(String role, @Nullable Long school) implements Visitor {}

    /** A person signed in with password and code; every virtual user shares that one session. */
    record SignedIn(String role, @Nullable Long school) implements Visitor {}

    /** A person signed in at a school found in the data of the run (e.g. the SENCO of the largest school). */
    record SignedInAt(String role, Function<Fixture, Long> school) implements Visitor {}
  }

  static Page get(String name, String path) {
    return get(name, fixture -> path);
  }

  static Page get(String name, Function<Fixture, String> path) {
    return new Page(name, "GET", path, new Visitor.NewVisitor(), 200, List.of(), null, null, null);
  }

  Page asNewVisitor() {
    return with(new Visitor.NewVisitor());
  }

  /** With the API token of the demo account holding this role (in this school; null for a trust-wide role). */
  Page withToken(String role, @Nullable Long school) {
    return with(new Visitor.Token(role, school));
  }

  /** Signed in as the demo account holding this role (in this school; null for a trust-wide role). */
  Page signedInAs(String role, @Nullable Long school) {
    return with(new Visitor.SignedIn(role, school));
  }

  /** Signed in as the demo account holding this role in the school the data gives (e.g. the largest). */
  Page signedInAs(String role, Function<Fixture, Long> school) {
    return with(new Visitor.SignedInAt(role, school));
  }

  Page answering(int expectedStatus) {
    return new Page(name, method, path, visitor, expectedStatus, floor, singleUserP95, standardLoadP95, floorRatio);
  }

  Page floor(String sql, Function<Fixture, List<Object>> parameters) {
    return floor(List.of(Floor.of(sql, parameters)));
  }

  Page floor(Function<Fixture, String> sql, Function<Fixture, List<Object>> parameters) {
    return floor(List.of(new Floor(sql, parameters)));
  }

  Page floor(List<Floor> statements) {
    List<Floor> queries = new ArrayList<>(floor);
    queries.addAll(statements);
    return new Page(name, method, path, visitor, status, List.copyOf(queries), singleUserP95, standardLoadP95,
        floorRatio);
  }

  /** Latency targets in milliseconds: p95 for one user, p95 under the standard load. */
  Page targets(double singleUser, double standardLoad) {
    return new Page(name, method, path, visitor, status, floor, singleUser, standardLoad, floorRatio);
  }

  /**
   * The page's single-user p95 at most {@code times} its floor's p95: what the page adds to the SQL behind it
   * (session, security, rendering) stays within that multiple. Its floor must list every statement it runs.
   */
  Page floorTarget(double times) {
    return new Page(name, method, path, visitor, status, floor, singleUserP95, standardLoadP95, times);
  }

  private Page with(Visitor who) {
    return new Page(name, method, path, who, status, floor, singleUserP95, standardLoadP95, floorRatio);
  }
}
