package org.senda.test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Signs a browser in as a demo account, the way a person does: email, password, code from the app. */
public final class BrowserSignIn {

  private BrowserSignIn() {}

  public static WebDriver as(int port, DemoAccounts.Account account) {
    WebDriver browser = Browser.fresh();
    browser.get("http://127.0.0.1:" + port + "/sign-in");
    browser.findElement(By.id("email")).sendKeys(account.email());
    browser.findElement(By.id("password")).sendKeys(account.password());
    browser.findElement(By.id("code")).sendKeys(TotpCodes.next(account.email(), account.totpSecret()));
    browser.findElement(By.cssSelector("form[action$='/sign-in'] button[type=submit]")).click();
    if (browser.getCurrentUrl().endsWith("/sign-in")) {
      throw new AssertionError("Sign-in as " + account.email() + " failed");
    }
    return browser;
  }
}
