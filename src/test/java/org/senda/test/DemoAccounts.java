package org.senda.test;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo trust's accounts, read from demo-accounts.json exactly as outside checks read them. */
@Component
public class DemoAccounts {

  public record Account(String role, @Nullable Long schoolId, @Nullable String school, String email, String password,
      String totpSecret, String apiToken) {}

  private final Path file;
  private volatile @Nullable List<Account> accounts;

  DemoAccounts(@Value("${senda.data-dir}") Path dataDir) {
    this.file = dataDir.resolve("demo-accounts.json");
  }

  public List<Account> all() {
    List<Account> loaded = accounts;
    if (loaded == null) {
      JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
      loaded = root.get("accounts").valueStream()
          .map(a -> new Account(
              a.get("role").asString(),
              a.get("schoolId").isNull() ? null : a.get("schoolId").asLong(),
              a.get("school").isNull() ? null : a.get("school").asString(),
              a.get("email").asString(),
              a.get("password").asString(),
              a.get("totpSecret").asString(),
              a.get("apiToken").asString()))
          .toList();
      accounts = loaded;
    }
    return loaded;
  }

  /** The account with a role in a school (or trust-wide when schoolId is null). */
  public Account get(String role, @Nullable Long schoolId) {
    return all().stream()
        .filter(a -> a.role().equals(role) && java.util.Objects.equals(a.schoolId(), schoolId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo account " + role + " in school " + schoolId));
  }

  /** The ids of the demo schools, in the order they appear. */
  public List<Long> schoolIds() {
    return all().stream().map(Account::schoolId).filter(java.util.Objects::nonNull).distinct().toList();
  }
}
