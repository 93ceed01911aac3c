package org.senda.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The messages a page shows after a redirect ("Attendance saved"), kept in the session from the redirect to the
 * page it leads to, as Spring keeps them, except that the session is written only by the requests that have to:
 *
 * <ul>
 *   <li>only a GET takes a message addressed to its path: the page a redirect leads to is always fetched with a
 *       GET, and a form posting to its own address (an upload and its preview) must not take the message meant
 *       for the page;
 *   <li>messages left behind (a redirect not followed) expire after three minutes as before, but are dropped only
 *       when the messages are written anyway (a new message, a message taken), not by whichever request happens
 *       to come first after they expire;
 *   <li>a page shows the newest message addressed to it: one left behind for the same page is dropped with it.
 * </ul>
 *
 * So the statements of a request depend on the request, not on the time or on what was posted minutes before:
 * with Spring's own manager the first request after a message expired, or a post to the message's path, wrote the
 * session once more.
 */
@Component("flashMapManager")
class FlashMessages implements FlashMapManager {

  private final SessionFlashMapManager session = new SessionFlashMapManager() {
    @Override
    protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
      List<FlashMap> kept = super.retrieveFlashMaps(request);
      if (kept == null) {
        return null;
      }
      // The newest message for each page: an older one for the same page was never shown and is out of date.
      Map<List<Object>, FlashMap> current = new LinkedHashMap<>();
      for (FlashMap map : kept) {
        if (!map.isExpired()) {
          List<Object> page = List.of(String.valueOf(map.getTargetRequestPath()), map.getTargetRequestParams());
          current.remove(page);
          current.put(page, map);
        }
      }
      return new ArrayList<>(current.values());
    }
  };

  @Override
  public @Nullable FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
    return HttpMethod.GET.matches(request.getMethod()) ? session.retrieveAndUpdate(request, response) : null;
  }

  @Override
  public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
    session.saveOutputFlashMap(flashMap, request, response);
  }
}
