package org.senda.test;

import java.time.Duration;
import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signs a browser in as a demo account, the way a person does: email, password, code from the app. When the
 * browser is still signed in as that person on that server, the session is kept (Senda refuses a code used
 * before, so signing the same person in again and again would have to wait for new codes).
 */
public final class BrowserSignIn {

  private static String signedInAs;

  private BrowserSignIn() {}

  public static synchronized WebDriver as(int port, DemoAccounts.Account account) {
    String base = "http://127.0.0.1:" + port;
    String who = base + " " + account.email();
    WebDriver browser = Browser.driver();
    if (Objects.equals(signedInAs, who)) {
      browser.get(base + "/account");
      if (!browser.getCurrentUrl().contains("/sign-in")) {
        return browser;
      }
    }
    browser = Browser.fresh();
    signedInAs = null;
    browser.get(base + "/sign-in");
    browser.findElement(By.id("email")).sendKeys(account.email());
    browser.findElement(By.id("password")).sendKeys(account.password());
    browser.findElement(By.id("code")).sendKeys(TotpCodes.next(account.email(), account.totpSecret()));
    browser.findElement(By.cssSelector("form[action$='/sign-in'] button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(b -> !Objects.requireNonNull(b.getCurrentUrl()).endsWith("/sign-in")
            || !b.findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
    if (browser.getCurrentUrl().endsWith("/sign-in")) {
      throw new AssertionError("Sign-in as " + account.email() + " failed");
    }
    signedInAs = who;
    return browser;
  }

  /** Called when the browser's cookies are cleared: nobody is signed in any more. */
  static synchronized void forget() {
    signedInAs = null;
  }
}
