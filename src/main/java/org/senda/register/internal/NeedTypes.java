package org.senda.register.internal;

import java.util.concurrent.atomic.AtomicReference;
import org.senda.register.BroadArea;
import org.senda.register.NeedType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The need codes, read once from the {@code need_type} table and kept: they change only when the DfE adds or retires
 * a code, which is a new row (a migration or an insert by the operator) taking effect at the next start. Keeping
 * them spares every register page a statement.
 */
@Component
class NeedTypes {

  private final JdbcClient jdbc;
  private final AtomicReference<NeedCatalogue> catalogue = new AtomicReference<>();

  NeedTypes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  NeedCatalogue catalogue() {
    NeedCatalogue loaded = catalogue.get();
    if (loaded == null) {
      loaded = new NeedCatalogue(jdbc.sql(
              "select code, name, broad_area, valid_from, valid_to from need_type order by display_order, code")
          .query((rs, n) -> new NeedType(rs.getString("code"), rs.getString("name"),
              BroadArea.valueOf(rs.getString("broad_area")), rs.getObject("valid_from", java.time.LocalDate.class),
              rs.getObject("valid_to", java.time.LocalDate.class)))
          .list());
      catalogue.set(loaded);
    }
    return loaded;
  }
}
