package org.senda.test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in page sessions shared by the test classes of one test JVM, one per person. Senda refuses an authenticator
 * code used before, so a person can sign in only about twice in a code's 30 seconds; when every class signed in
 * afresh as the same SENCO, most of the suite's time went in waiting for the next code. A test that signs out, or
 * needs a session of its own, signs in with {@link PageSession#signedIn}.
 *
 * <p>Each test class keeps one of these. The first time a class asks for a person, the shared session opens the
 * person's account page: that takes any message another class left for the next page (after a form whose redirect
 * it did not follow), so it does not land in this class's statement counts, and it finds a session that has been
 * ended, which is then signed in again.
 */
public final class SignedInSessions {

  private static final Map<String, PageSession> SIGNED_IN = new ConcurrentHashMap<>();

  private final Set<String> taken = ConcurrentHashMap.newKeySet();

  public PageSession of(int port, DemoAccounts.Account account) {
    String key = port + "/" + account.email();
    PageSession session = SIGNED_IN.computeIfAbsent(key, k -> PageSession.signedIn(port, account));
    if (taken.add(key) && session.get("/account").status() != 200) {
      session = PageSession.signedIn(port, account);
      SIGNED_IN.put(key, session);
    }
    return session;
  }
}
