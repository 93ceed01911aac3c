package org.senda.support.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.senda.access.AccessRefused;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilScope;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A class's pupils with SEND on one printable screen: what a supply teacher needs on day one (the current
 * passport's "how best to support me", the needs and the top classroom strategies), without the sensitive detail.
 * Open to the adults who teach or support the class, and to those who see the whole school. Plans past their
 * review date are flagged, so that the class teacher sees which of their pupils' reviews are overdue.
 */
@Controller
class ClassSendController {

  private final PupilAccess pupilAccess;
  private final ClassSendQueries queries;
  private final Audit audit;
  private final Clock clock;

  ClassSendController(PupilAccess pupilAccess, ClassSendQueries queries, Audit audit, Clock clock) {
    this.pupilAccess = pupilAccess;
    this.queries = queries;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/schools/{schoolId}/classes/{classId}/send")
  @Transactional
  String page(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    PupilScope scope = pupilAccess.scope(schoolId);
    boolean own = scope.kind() == PupilScope.Kind.OWN && scope.staffId() != null && scope.classesSql() != null;
    if (scope.kind() != PupilScope.Kind.ALL && !own) {
      throw new AccessRefused("class " + classId);
    }
    LocalDate today = LocalDate.now(clock);
    ClassSendQueries.ClassPage page = (own
        ? queries.page(schoolId, classId, today, scope.classesSql(), scope.staffId())
        : queries.page(schoolId, classId, today))
        .orElseThrow(() -> new AccessRefused("class " + classId));
    model.addAttribute("className", page.className());
    model.addAttribute("rows", page.rows());
    model.addAttribute("overdue", page.rows().stream().filter(r -> r.reviewOverdue(today)).toList());
    model.addAttribute("today", today);
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("schoolName", page.schoolName());
    audit.record(AuditAction.VIEW, "class-send", classId, schoolId, null);
    return "support/class-send";
  }
}
