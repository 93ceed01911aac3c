package org.senda.access.internal;

import java.util.List;
import org.senda.access.AccessEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to a staff member's account that follow from changes to their staff record: the sign-in email follows
 * the staff email, and signed-in sessions take new roles (or end) as soon as the change is committed.
 */
@Component
public class AccountChanges {

  private static final Logger log = LoggerFactory.getLogger(AccountChanges.class);

  private record StaffAccount(long id, String email) {}

  private final JdbcClient jdbc;
  private final SendaUsers users;
  private final AccountSessions sessions;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate separately;

  AccountChanges(JdbcClient jdbc, SendaUsers users, AccountSessions sessions, ApplicationEventPublisher events,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.users = users;
    this.sessions = sessions;
    this.events = events;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.separately.setReadOnly(true);
  }

  /** Whether an account other than the staff member's own signs in with this (normalised) email address. */
  public boolean emailInUse(String email, long exceptStaffId) {
    return jdbc.sql("select count(*) from account where email = ? and (staff_id is null or staff_id <> ?)")
        .params(email, exceptStaffId)
        .query(Long.class)
        .single() > 0;
  }

  /**
   * Moves the staff member's account to a new (normalised) email address; their sessions stay signed in, and the
   * old address is told of the change once it commits.
   */
  public void changeEmail(long staffId, String email) {
    for (StaffAccount account : accountsOf(staffId)) {
      if (account.email().equals(email)) {
        continue;
      }
      jdbc.sql("update account set email = ?, version = version + 1 where id = ?")
          .params(email, account.id())
          .update();
      events.publishEvent(new AccessEvent(AccessEvent.Kind.EMAIL_CHANGED, email, account.id(), null,
          "sign-in email changed from " + account.email()));
      events.publishEvent(new SignInEmailChanged(account.id(), account.email(), email));
      afterCommit(() -> refresh(account.id()));
    }
  }

  /** The staff member's roles changed: every signed-in session of theirs sees the new roles on its next request. */
  public void rolesChanged(long staffId) {
    for (StaffAccount account : accountsOf(staffId)) {
      afterCommit(() -> refresh(account.id()));
    }
  }

  /** Ends every session of the staff member's account once the change is committed. */
  public void endSessions(long staffId) {
    for (StaffAccount account : accountsOf(staffId)) {
      afterCommit(() -> sessions.endAll(account.id()));
    }
  }

  private List<StaffAccount> accountsOf(long staffId) {
    return jdbc.sql("select id, email from account where staff_id = ?")
        .param(staffId)
        .query((rs, n) -> new StaffAccount(rs.getLong("id"), rs.getString("email")))
        .list();
  }

  private void refresh(long accountId) {
    // Read what was just committed in a transaction of its own: the one that made the change is over.
    try {
      var person = separately.execute(status -> users.byAccountId(accountId));
      if (person == null || person.isEmpty()) {
        sessions.endAll(accountId);
        return;
      }
      sessions.replacePerson(person.get());
      sessions.replacePersonInCurrentRequest(person.get());
    } catch (RuntimeException e) {
      // Never leave a session with roles the person no longer holds: sign them out instead.
      log.warn("Could not update the sessions of account {}; ending them", accountId, e);
      sessions.endAll(accountId);
    }
  }

  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        try {
          action.run();
        } catch (RuntimeException e) {
          log.error("Could not update the sessions after an account change", e);
        }
      }
    });
  }
}
