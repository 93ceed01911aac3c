package org.senda.audit.internal;

import org.senda.access.ActionForbidden;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit/verify}: whether the audit log is intact. The chain is one for the whole installation
 * (each entry carries the hash of the one before it, whatever school it belongs to), so the answer is about the
 * whole log, whoever asks; it reveals a count and a sequence number, never another school's entries.
 */
@RestController
class AuditApiController {

  private final Permissions permissions;
  private final AuditChain chain;
  private final Audit audit;

  AuditApiController(Permissions permissions, AuditChain chain, Audit audit) {
    this.permissions = permissions;
    this.chain = chain;
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit/verify")
  ChainVerification verify() {
    SendaUser user = permissions.current();
    boolean allowed = permissions.canAcrossTrust(Permission.VIEW_AUDIT)
        || user.schoolRoles().keySet().stream().anyMatch(school -> permissions.can(school, Permission.VIEW_AUDIT));
    if (!allowed) {
      throw new ActionForbidden(Permission.VIEW_AUDIT + " in any school");
    }
    ChainVerification result = chain.verify();
    audit.record(AuditAction.VERIFY, "audit_log", null, null, AuditController.summary(result));
    return result;
  }
}
