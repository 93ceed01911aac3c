package org.senda.web;

/**
 * Someone else saved the same record since this person opened it (optimistic locking). Nothing is overwritten;
 * the form is shown again with what the person typed and a message asking them to check the latest version.
 */
public final class ConcurrentEdit {

  /** The message shown above a form whose record was changed by someone else meanwhile. */
  public static final String MESSAGE =
      "Someone else changed this record while you were editing it. Your changes have not been saved. "
          + "Check the latest version below, then make your changes again.";

  private ConcurrentEdit() {}
}
