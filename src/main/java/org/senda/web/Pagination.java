package org.senda.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The GOV.UK pagination component's links: previous and next, the first and last page, the pages either side of
 * the current one, and an ellipsis for each gap. Shown by the {@code govuk/components :: pagination} fragment.
 */
public record Pagination(@Nullable String previous, @Nullable String next, List<Item> items) {

  /** A page link, or an ellipsis when {@code number} is null. */
  public record Item(@Nullable Integer number, @Nullable String href, boolean current) {

    /** The item's modifier class (kept out of the template, where a double underscore means preprocessing). */
    public String modifier() {
      return number == null ? "govuk-pagination__item--ellipses" : current ? "govuk-pagination__item--current" : "";
    }
  }

  /** The page a visitor asked for as typed ({@code ?page=}), within 1 to {@code pages}. */
  public static int current(@Nullable String typed, int pages) {
    int page = 1;
    if (typed != null && typed.matches("\\d{1,6}")) {
      page = Integer.parseInt(typed);
    }
    return Math.max(1, Math.min(page, Math.max(1, pages)));
  }

  /** How many pages {@code total} rows fill at {@code size} a page. */
  public static int pages(int total, int size) {
    return Math.max(1, (total + size - 1) / size);
  }

  public static Pagination of(int current, int pages, IntFunction<String> href) {
    List<Item> items = new ArrayList<>();
    int previousShown = 0;
    for (int n : new TreeSet<>(List.of(1, current - 1, current, current + 1, pages))) {
      if (n < 1 || n > pages) {
        continue;
      }
      if (n - previousShown > 1) {
        items.add(new Item(null, null, false));
      }
      items.add(new Item(n, href.apply(n), n == current));
      previousShown = n;
    }
    return new Pagination(
        current > 1 ? href.apply(current - 1) : null, current < pages ? href.apply(current + 1) : null, items);
  }

  public boolean needed() {
    return items.size() > 1;
  }
}
