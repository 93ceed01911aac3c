package org.senda.access.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Every session of a person, wherever it was opened: sessions live in the database (Spring Session JDBC), indexed
 * by the principal's name, which for Senda is the account's email address.
 */
@Component
class AccountSessions {

  private final FindByIndexNameSessionRepository<? extends Session> repository;

  AccountSessions(FindByIndexNameSessionRepository<? extends Session> repository) {
    this.repository = repository;
  }

  /** Ends every session of the account; returns how many there were. */
  int endAll(String email) {
    var ids = repository.findByPrincipalName(email).keySet();
    ids.forEach(repository::deleteById);
    return ids.size();
  }

  /** How many sessions the account has open. */
  int count(String email) {
    return repository.findByPrincipalName(email).size();
  }
}
