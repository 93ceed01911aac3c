package org.senda.access.internal;

/**
 * An email with a link to choose a password is due: a reset the person asked for, or an invitation for a new
 * account. Carries no token: the mailer creates it after the request's transaction commits, so the event
 * registry (which stores this event) never holds a usable link.
 */
public record PasswordLinkRequested(long accountId, Purpose purpose) {

  public enum Purpose {
    /** "I have forgotten my password": the link lasts an hour. */
    RESET,
    /** A new account set up by an administrator: the link lasts a week. */
    INVITE
  }
}
