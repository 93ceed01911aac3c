package org.senda.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, one per test JVM, with axe-core checking every page a test visits
 * against WCAG 2.2 AA.
 */
public final class Browser {

  private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  private static WebDriver driver;

  private Browser() {}

  public static synchronized WebDriver driver() {
    if (driver == null) {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(System.getProperty("senda.test.chromium", "/usr/bin/chromium"));
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--disable-quic", "--window-size=1280,1024");
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new java.io.File(System.getProperty("senda.test.chromedriver", "/usr/bin/chromedriver")))
          .build();
      driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      // A click that submits a form can return before the browser has started the next page when the machine is
      // busy: looking for an element of the next page waits for it (up to this long) instead of failing at once.
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> driver.quit()));
    }
    return driver;
  }

  /** Starts a new browser session: no cookies, so nobody is signed in. */
  public static WebDriver fresh() {
    WebDriver browser = driver();
    browser.manage().deleteAllCookies();
    BrowserSignIn.forget();
    return browser;
  }

  /** Asserts that axe finds no WCAG 2.2 AA violations on the current page. */
  public static void assertAccessible(WebDriver browser) {
    Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser);
    List<Rule> violations = results.getViolations();
    assertThat(violations)
        .as(() -> "axe violations on " + browser.getCurrentUrl() + ":\n" + violations.stream()
            .map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
            .collect(Collectors.joining("\n")))
        .isEmpty();
  }

  public static WebElement find(WebDriver browser, String css) {
    return browser.findElement(By.cssSelector(css));
  }

  /**
   * Clicks what {@code css} finds and waits until the browser has left the page, so that what the test reads next is
   * on the page the click led to (a form sent back with its errors has the same elements as the one submitted).
   */
  public static void clickAndWait(WebDriver browser, String css) {
    clickAndWait(browser, find(browser, css));
  }

  /** Clicks {@code element} and waits until the browser has left the page, as {@link #clickAndWait(WebDriver, String)}. */
  public static void clickAndWait(WebDriver browser, WebElement element) {
    WebElement page = find(browser, "html");
    element.click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
  }
}
