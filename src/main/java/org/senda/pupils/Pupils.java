package org.senda.pupils;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.senda.pupils.internal.PupilQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pupil records as the rest of Senda may read them. These methods do not check need to know: call
 * {@link PupilAccess} first (or apply its {@link PupilScope} in your own SQL) before showing a pupil to anyone.
 */
@Service
@Transactional(readOnly = true)
public class Pupils {

  private final PupilQueries queries;
  private final Clock clock;

  Pupils(PupilQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  public Optional<PupilSummary> find(long pupilId) {
    return queries.find(pupilId);
  }

  /** The pupils on the school's roll today, by year group and surname. */
  public List<PupilSummary> inSchool(long schoolId) {
    return queries.inSchool(schoolId, LocalDate.now(clock));
  }

  /** The pupil with this UPN in the school (UPNs are unique per school, compared in capitals). */
  public Optional<PupilSummary> byUpn(long schoolId, String upn) {
    return queries.byUpn(schoolId, upn);
  }

  /** The pupils with these ids, in one query. */
  public Map<Long, PupilSummary> byIds(Collection<Long> pupilIds) {
    return queries.byIds(pupilIds);
  }

  /** Parents and carers in contact order. */
  public List<PupilContact> contacts(long pupilId) {
    return queries.contacts(pupilId);
  }

  /** The postal addresses of these contacts, by contact, in one query; a contact with none is left out. */
  public Map<Long, PostalAddress> addresses(Collection<Long> contactIds) {
    return queries.addresses(contactIds);
  }

  /** Pupils within a need-to-know scope whose name or UPN matches the words typed, at most {@code limit}. */
  public List<PupilSummary> search(PupilScope scope, String query, int limit) {
    return queries.search(scope, query, limit);
  }
}
