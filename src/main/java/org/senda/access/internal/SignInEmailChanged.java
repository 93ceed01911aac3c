package org.senda.access.internal;

/**
 * The email address an account signs in with was changed: the person is told at the old address, in case the
 * change was not theirs to expect. Sent after the change commits, through the event publication registry.
 */
public record SignInEmailChanged(long accountId, String oldEmail, String newEmail) {}
