package org.senda.organisation;

/** The phase of education a school provides, as the DfE records it. */
public enum Phase {
  NURSERY("Nursery"),
  PRIMARY("Primary"),
  MIDDLE("Middle"),
  SECONDARY("Secondary"),
  ALL_THROUGH("All-through"),
  SPECIAL("Special"),
  ALTERNATIVE_PROVISION("Alternative provision"),
  POST_16("16 plus");

  private final String title;

  Phase(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
