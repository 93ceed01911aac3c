package org.senda.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The trust being generated: its size, a seeded random source per module (so adding a module does not change
 * what the others generate), the accounts to publish in demo-accounts.json, and the date the demo is built for.
 */
public final class DemoTrust {

  private final DemoSize size;
  private final LocalDate today;
  private final List<DemoAccount> accounts = new ArrayList<>();
  private final Map<String, Object> shared = new HashMap<>();

  public DemoTrust(DemoSize size, LocalDate today) {
    this.size = size;
    this.today = today;
  }

  public DemoSize size() {
    return size;
  }

  public LocalDate today() {
    return today;
  }

  /** A random source for one module, derived from the trust's seed and the module's name. */
  public Random random(String module) {
    return new Random(size.seed() * 31 + module.hashCode());
  }

  public void addAccount(DemoAccount account) {
    accounts.add(account);
  }

  public List<DemoAccount> accounts() {
    return Collections.unmodifiableList(accounts);
  }

  /** Facts one contributor leaves for later ones (e.g. the trust id), by name. */
  public void put(String key, Object value) {
    shared.put(key, value);
  }

  @SuppressWarnings("unchecked")
  public <T> T get(String key) {
    Object value = shared.get(key);
    if (value == null) {
      throw new IllegalStateException("No demo fact '" + key + "': has its contributor run?");
    }
    return (T) value;
  }
}
