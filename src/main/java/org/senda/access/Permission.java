package org.senda.access;

/** What a role may do in a school. Pupil-level access is narrowed further by need to know. */
public enum Permission {
  /** See the school exists and its name, terms and classes. */
  VIEW_SCHOOL,
  /** See the list of staff and their roles. */
  VIEW_STAFF,
  /** Create and edit the school's calendar, year groups, classes and staff. */
  ADMINISTER_SCHOOL,
  /** Create schools and edit the trust. */
  ADMINISTER_TRUST,
  /** Search the audit log and verify its chain. */
  VIEW_AUDIT,
  /** See every pupil in the school (SENCO, headteacher, DSL). */
  VIEW_ALL_PUPILS,
  /** See the pupils in the classes one teaches or the pupils one supports. */
  VIEW_OWN_PUPILS,
  /** See counts and percentages without pupil names (governors, the trust SEND lead). */
  VIEW_AGGREGATES,
  /** Change SEND records: register status, needs, plans (SENCO, headteacher). */
  MANAGE_SEND,
  /** Import pupil records from the school's MIS (school administrator, SENCO, headteacher). */
  IMPORT_PUPILS
}
