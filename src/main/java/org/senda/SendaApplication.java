package org.senda;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Senda: SEND management for English schools and multi-academy trusts.
 *
 * <p>{@code --demo} seeds the demo trust on an empty database and writes {@code demo-accounts.json}
 * into the data directory ({@code --senda.data-dir=DIR}).
 */
@SpringBootApplication
@Modulithic(systemName = "Senda", sharedModules = "web")
@EnableScheduling
public class SendaApplication {

  public static void main(String[] args) {
    SpringApplication.run(SendaApplication.class, withDemoFlag(args));
  }

  /** {@code --demo} is a flag without a value; it becomes {@code --senda.demo.enabled=true}. */
  static String[] withDemoFlag(String[] args) {
    List<String> result = new ArrayList<>();
    for (String arg : args) {
      result.add("--demo".equals(arg) ? "--senda.demo.enabled=true" : arg);
    }
    return result.toArray(String[]::new);
  }
}
