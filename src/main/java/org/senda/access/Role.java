package org.senda.access;

/** The roles people hold in a school or, for the trust SEND lead, across a trust. Names are a stable contract. */
public enum Role {
  TRUST_SEND_LEAD("Trust SEND lead", true),
  HEADTEACHER("Headteacher", false),
  SENCO("SENCO", false),
  TEACHER("Teacher", false),
  TEACHING_ASSISTANT("Teaching assistant", false),
  DSL("Designated safeguarding lead", false),
  SCHOOL_ADMIN("School administrator", false),
  GOVERNOR("Governor", false);

  private final String title;
  private final boolean trustWide;

  Role(String title, boolean trustWide) {
    this.title = title;
    this.trustWide = trustWide;
  }

  /** How people in schools name the role. */
  public String title() {
    return title;
  }

  /** A trust-wide role is held across the trust's schools rather than in one school. */
  public boolean trustWide() {
    return trustWide;
  }
}
