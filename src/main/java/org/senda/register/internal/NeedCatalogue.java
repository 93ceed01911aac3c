package org.senda.register.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.senda.register.BroadArea;
import org.senda.register.NeedType;

/** The DfE type-of-need codes as the {@code need_type} table holds them, in display order. */
record NeedCatalogue(List<NeedType> all) {

  NeedCatalogue {
    all = List.copyOf(all);
  }

  Optional<NeedType> find(String code) {
    String wanted = code.trim().toUpperCase(Locale.ROOT);
    return all.stream().filter(n -> n.code().equals(wanted)).findFirst();
  }

  /** The codes someone may choose on a date (retired codes are left out). */
  List<NeedType> validOn(java.time.LocalDate date) {
    return all.stream().filter(n -> n.validOn(date)).toList();
  }

  String name(String code) {
    return find(code).map(NeedType::name).orElse(code);
  }

  BroadArea area(String code) {
    return find(code).map(NeedType::broadArea).orElse(BroadArea.OTHER);
  }

  Map<String, NeedType> byCode() {
    Map<String, NeedType> map = new LinkedHashMap<>();
    all.forEach(n -> map.put(n.code(), n));
    return map;
  }
}
