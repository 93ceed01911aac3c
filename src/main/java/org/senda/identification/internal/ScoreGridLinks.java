package org.senda.identification.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.senda.organisation.ClassPageLinks;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilScope;
import org.senda.web.NavigationItem;
import org.springframework.stereotype.Component;

/** "Enter scores" beside each class the signed-in person may enter scores for. */
@Component
class ScoreGridLinks implements ClassPageLinks {

  private final PupilAccess access;
  private final Organisation organisation;

  ScoreGridLinks(PupilAccess access, Organisation organisation) {
    this.access = access;
    this.organisation = organisation;
  }

  @Override
  public Map<Long, List<NavigationItem>> links(long schoolId, Collection<Long> classIds) {
    PupilScope scope = access.scope(schoolId);
    Map<Long, List<NavigationItem>> links = new HashMap<>();
    if (!scope.seesPupils()) {
      return links;
    }
    java.util.Set<Long> own = scope.kind() == PupilScope.Kind.OWN && scope.staffId() != null
        ? organisation.classesOf(scope.staffId()) : java.util.Set.of();
    for (long classId : classIds) {
      if (scope.kind() == PupilScope.Kind.ALL || own.contains(classId)) {
        links.put(classId, List.of(new NavigationItem(
            "/schools/" + schoolId + "/identification/classes/" + classId + "/scores", "Enter scores", false)));
      }
    }
    return links;
  }
}
