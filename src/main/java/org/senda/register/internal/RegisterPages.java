package org.senda.register.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/** Links for the register's sortable columns and GOV.UK pagination, built from the filter so they work without JS. */
final class RegisterPages {

  /** A column heading: its sort link and the aria-sort state. */
  record SortLink(String column, String text, String href, String ariaSort) {}

  /** A GOV.UK pagination item: a page number, or an ellipsis when number is 0. */
  record PageLink(int number, @Nullable String href, boolean current) {
    public boolean ellipsis() {
      return number == 0;
    }

    /** The item's GOV.UK modifier class. */
    public String modifier() {
      return ellipsis() ? "govuk-pagination__item--ellipses" : current ? "govuk-pagination__item--current" : "";
    }
  }

  private RegisterPages() {}

  static String href(String path, Map<String, String> parameters) {
    UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
    parameters.forEach((key, value) -> {
      for (String part : key.equals("flag") ? value.split(",") : new String[] {value}) {
        builder.queryParam(key, part);
      }
    });
    return builder.encode().build().toUriString();
  }

  static List<SortLink> sortLinks(String path, RegisterFilter filter, Map<String, String> columns) {
    List<SortLink> links = new ArrayList<>();
    columns.forEach((column, text) -> links.add(new SortLink(column, text,
        href(path, filter.sortedBy(column).parameters()),
        column.equals(filter.sort()) ? (filter.descending() ? "descending" : "ascending") : "none")));
    return links;
  }

  /** Page 1, the last page, the current page and its neighbours, with ellipses between gaps. */
  static List<PageLink> pageLinks(String path, RegisterFilter filter, long pages) {
    List<PageLink> links = new ArrayList<>();
    int last = (int) pages;
    int previous = 0;
    for (int n = 1; n <= last; n++) {
      if (n == 1 || n == last || Math.abs(n - filter.page()) <= 1) {
        if (previous != 0 && n - previous > 1) {
          links.add(new PageLink(0, null, false));
        }
        links.add(new PageLink(n, pageHref(path, filter, n), n == filter.page()));
        previous = n;
      }
    }
    return links;
  }

  static String pageHref(String path, RegisterFilter filter, int page) {
    Map<String, String> parameters = new java.util.LinkedHashMap<>(filter.parameters());
    parameters.put("page", String.valueOf(page));
    return href(path, parameters);
  }
}
