package org.senda.web;

import java.util.List;
import java.util.Optional;
import org.senda.access.SendaUser;
import org.springframework.ui.Model;

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

  /**
   * The school as the layout has already read it into the model ({@code visibleSchools}, the switcher's schools):
   * a page that needs only the school's id and name takes it from there and spares a statement.
   */
  static Optional<Choice> fromModel(Model model, long schoolId) {
    if (model.getAttribute("visibleSchools") instanceof List<?> choices) {
      for (Object choice : choices) {
        if (choice instanceof Choice c && c.id() == schoolId) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }
}
