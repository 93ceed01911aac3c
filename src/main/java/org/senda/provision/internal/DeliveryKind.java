package org.senda.provision.internal;

import java.util.Optional;

/**
 * How a provision group's support reaches its pupils. A withdrawal group takes pupils out of lessons to a room; one
 * to one is one pupil with one adult; in-class support is a teaching assistant supporting named pupils inside their
 * lessons (for example "in-class support in English and maths, 5 x 60 min a week"), so it names the lessons instead
 * of a room.
 */
enum DeliveryKind {
  GROUP("Withdrawal group"),
  ONE_TO_ONE("One to one"),
  IN_CLASS("In-class support");

  private final String title;

  DeliveryKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The kind of a group sent without one, as before kinds were kept: one pupil is one to one, more a group. */
  static DeliveryKind derived(int pupils) {
    return pupils == 1 ? ONE_TO_ONE : GROUP;
  }

  static Optional<DeliveryKind> parse(String name) {
    for (DeliveryKind kind : values()) {
      if (kind.name().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** "Group of 4", "One to one" or "In-class support": how the pupil received it, in a line. */
  String describe(int pupils) {
    return switch (this) {
      case GROUP -> pupils == 1 ? "Group of 1" : "Group of " + pupils;
      case ONE_TO_ONE -> "One to one";
      case IN_CLASS -> "In-class support";
    };
  }
}
