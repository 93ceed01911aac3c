package org.senda.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.senda.web.NavigationItem;

/**
 * Links another module puts beside each class on the classes page (e.g. entering the class's scores), for the
 * signed-in person: a module lists only the classes its link works for them.
 */
public interface ClassPageLinks {

  /** The links for each of these classes of the school, by class id; classes without links may be left out. */
  Map<Long, List<NavigationItem>> links(long schoolId, Collection<Long> classIds);
}
