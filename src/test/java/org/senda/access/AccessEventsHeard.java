package org.senda.access;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * Hears every {@link AccessEvent} the running application publishes, on any thread (requests are served on
 * their own threads, where the test framework's recorder does not listen), until closed. Adds a listener to the
 * running context rather than changing its configuration, so the shared test context is reused.
 */
public final class AccessEventsHeard implements ApplicationListener<ApplicationEvent>, AutoCloseable {

  private final List<AccessEvent> heard = new CopyOnWriteArrayList<>();
  private final ApplicationEventMulticaster multicaster;

  public AccessEventsHeard(ApplicationContext context) {
    this.multicaster = context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
        ApplicationEventMulticaster.class);
    multicaster.addApplicationListener(this);
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof AccessEvent access) {
      heard.add(access);
    }
  }

  /** The events of one kind about one email address. */
  public Stream<AccessEvent> of(AccessEvent.Kind kind, String email) {
    return heard.stream().filter(e -> e.kind() == kind && email.equals(e.email()));
  }

  @Override
  public void close() {
    multicaster.removeApplicationListener(this);
  }
}
