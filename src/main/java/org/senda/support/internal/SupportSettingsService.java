package org.senda.support.internal;

import java.util.List;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's support settings and its glossary terms, for those who manage SEND (SENCO, headteacher); each change
 * is audited. Validation of what was typed is the forms'; this checks what needs the database.
 */
@Service
@Transactional
class SupportSettingsService {

  private final SupportSettings settings;
  private final Glossary glossary;
  private final Permissions permissions;
  private final Audit audit;

  SupportSettingsService(SupportSettings settings, Glossary glossary, Permissions permissions, Audit audit) {
    this.settings = settings;
    this.glossary = glossary;
    this.permissions = permissions;
    this.audit = audit;
  }

  void require(long schoolId) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
  }

  SupportSettings.Settings settings(long schoolId) {
    require(schoolId);
    return settings.of(schoolId);
  }

  List<Glossary.Entry> terms(long schoolId) {
    require(schoolId);
    return glossary.entries(schoolId);
  }

  Glossary.Entry term(long schoolId, long id) {
    require(schoolId);
    return glossary.schoolEntry(schoolId, id).orElseThrow(() -> new AccessRefused("term " + id));
  }

  void save(long schoolId, int version, String planName, ReviewInterval interval, int meetingsPerYear) {
    require(schoolId);
    settings.save(schoolId, version, planName.strip(), interval, meetingsPerYear);
    audit.record(AuditAction.UPDATE, "support-settings", schoolId, schoolId,
        planName.strip() + ", " + interval.name() + ", " + meetingsPerYear + " meetings a year");
  }

  /** Adds a term; false when the school already has its own wording for it. */
  boolean add(long schoolId, String term, String suggestion) {
    require(schoolId);
    if (glossary.schoolHas(schoolId, term, -1)) {
      return false;
    }
    long id = glossary.add(schoolId, term, suggestion);
    audit.record(AuditAction.CREATE, "plain-language-term", id, schoolId, term.strip());
    return true;
  }

  /** Changes a term; false when another of the school's terms has that name. */
  boolean update(long schoolId, long id, int version, String term, String suggestion) {
    term(schoolId, id);
    if (glossary.schoolHas(schoolId, term, id)) {
      return false;
    }
    glossary.update(schoolId, id, version, term, suggestion);
    audit.record(AuditAction.UPDATE, "plain-language-term", id, schoolId, term.strip());
    return true;
  }

  void remove(long schoolId, long id, int version) {
    Glossary.Entry entry = term(schoolId, id);
    glossary.remove(schoolId, id, version);
    audit.record(AuditAction.DELETE, "plain-language-term", id, schoolId, entry.term());
  }
}
