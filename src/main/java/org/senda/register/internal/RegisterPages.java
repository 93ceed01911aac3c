package org.senda.register.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** Links for the register's sortable columns and pages, built from the filter so they work without JS. */
final class RegisterPages {

  /** A column heading: its sort link and the aria-sort state. */
  record SortLink(String column, String text, String href, String ariaSort) {}

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

  static String pageHref(String path, RegisterFilter filter, int page) {
    Map<String, String> parameters = new java.util.LinkedHashMap<>(filter.parameters());
    parameters.put("page", String.valueOf(page));
    return href(path, parameters);
  }
}
