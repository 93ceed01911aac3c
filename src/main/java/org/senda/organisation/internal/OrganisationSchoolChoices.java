package org.senda.organisation.internal;

import java.util.List;
import org.senda.access.SendaUser;
import org.senda.web.SchoolChoices;
import org.springframework.stereotype.Component;

/** The schools in the header's school switcher: those the person can see. */
@Component
class OrganisationSchoolChoices implements SchoolChoices {

  private final OrganisationQueries queries;

  OrganisationSchoolChoices(OrganisationQueries queries) {
    this.queries = queries;
  }

  @Override
  public List<Choice> visibleTo(SendaUser user) {
    return queries.schools(user.visibleSchoolIds()).stream().map(s -> new Choice(s.id(), s.name())).toList();
  }
}
