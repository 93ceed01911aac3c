package org.senda.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.SendaUser;

/**
 * A module's links in the service navigation. Each module contributes the links the signed-in person may use,
 * for the school in view ({@code schoolId} is null on pages outside a school).
 */
public interface Navigation {

  /** Where the links sit among other modules' links: lower first. */
  int order();

  List<NavigationItem> items(SendaUser user, @Nullable Long schoolId, String requestPath);

  /** Whether a link is the current section: the path equals it or lies below it. */
  static boolean current(String requestPath, String href) {
    return requestPath.equals(href) || requestPath.startsWith(href + "/");
  }
}
