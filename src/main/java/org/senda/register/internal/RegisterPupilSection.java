package org.senda.register.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.senda.pupils.PupilPageSection;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.PupilTimeline;
import org.senda.pupils.PupilTimelineEntry;
import org.senda.web.RequestMemo;
import org.springframework.stereotype.Component;

/**
 * "SEND status and needs" on the pupil page (the current entry and its history: two statements), and the status
 * changes on the pupil's timeline (the same history, read once per request).
 */
@Component
class RegisterPupilSection implements PupilPageSection, PupilTimeline {

  private final RegisterStore store;
  private final RegisterQueries queries;
  private final NeedTypes needTypes;
  private final Clock clock;

  RegisterPupilSection(RegisterStore store, RegisterQueries queries, NeedTypes needTypes, Clock clock) {
    this.store = store;
    this.queries = queries;
    this.needTypes = needTypes;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public String heading() {
    return "SEND status and needs";
  }

  @Override
  public String fragment() {
    return "register/fragments :: pupilSection";
  }

  @Override
  public Map<String, Object> model(PupilSummary pupil) {
    RegisterStore.Entry entry = store.entry(pupil.id()).orElse(null);
    Map<String, Object> model = new HashMap<>();
    model.put("entry", entry);
    model.put("monitoring", entry != null
        && Monitoring.monitoring(entry.status(), entry.monitorUntil(), LocalDate.now(clock)));
    model.put("history", history(pupil.id()));
    // Dual registrations show on the register and its pupil page; this section keeps to two statements.
    model.put("dual", List.of());
    model.put("needNames", needTypes.catalogue().byCode());
    model.put("registerHref", "/schools/" + pupil.schoolId() + "/register/pupils/" + pupil.id());
    return model;
  }

  @Override
  public List<PupilTimelineEntry> entries(PupilSummary pupil) {
    return history(pupil.id()).stream()
        .map(h -> new PupilTimelineEntry(h.effectiveDate(),
            "SEN status " + h.status().name() + " (" + h.status().title() + ")"
                + (h.needs().isEmpty() ? "" : ", needs " + String.join(", ", h.needs())),
            h.reason(), "/schools/" + pupil.schoolId() + "/register/pupils/" + pupil.id()))
        .toList();
  }

  // The section and the timeline show the same history: read it once per request.
  private List<RegisterQueries.HistoryEntry> history(long pupilId) {
    return RequestMemo.get("register-history." + pupilId, () -> queries.history(pupilId));
  }
}
