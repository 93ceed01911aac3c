package org.senda.web;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A value read once per HTTP request: when two parts of one page need the same rows (a pupil page section and the
 * pupil's timeline, the header search and the page), the second asks this instead of the database. Outside a
 * request (events, scheduled jobs) the value is read every time.
 */
public final class RequestMemo {

  private RequestMemo() {}

  /** The value under {@code key} for this request, read with {@code read} the first time. */
  @SuppressWarnings("unchecked")
  public static <T> T get(String key, Supplier<T> read) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return read.get();
    }
    String name = RequestMemo.class.getName() + "." + key;
    Object known = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    if (known != null) {
      return (T) known;
    }
    T value = read.get();
    request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
    return value;
  }
}
