package org.senda.access.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.senda.access.AccessEventsHeard;
import org.senda.access.Accounts;
import org.senda.test.MutableClock;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the account tests share: the server's port, the database, the accounts API, the movable clock (put back to
 * real time after each test) and the access events each test announces.
 */
@SendaTest
abstract class AccountIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  @Autowired
  MutableClock clock;

  @Autowired
  ApplicationContext context;

  AccessEventsHeard events;

  @BeforeEach
  void listen() {
    events = new AccessEventsHeard(context);
  }

  @AfterEach
  void clockBackToNowAndStopListening() {
    clock.resume();
    events.close();
  }
}
