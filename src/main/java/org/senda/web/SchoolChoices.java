package org.senda.web;

import java.util.List;
import org.senda.access.SendaUser;

/**
 * The schools a person may switch between in the header. The organisation module provides this, so that the
 * shared web module does not depend on it (organisation contributes navigation to web; the reverse would be a
 * cycle).
 */
public interface SchoolChoices {

  /** A school in the header's school switcher. */
  record Choice(long id, String name) {}

  /** The schools the person can see, ordered by name. */
  List<Choice> visibleTo(SendaUser user);
}
