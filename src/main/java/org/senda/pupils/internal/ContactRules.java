package org.senda.pupils.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PostalAddress;

/**
 * What a parent's or carer's details must be, whether typed in the contact form or read from a contacts import:
 * one set of rules, each problem named by the detail it is about, with what is wrong and how to put it right.
 * Whether they have parental responsibility is asked differently by the form (a radio) and the file (yes or no), so
 * each checks that itself.
 */
final class ContactRules {

  /** A detail of a contact, as the form and the import each name it. */
  enum Detail {
    NAME("name", "name"),
    RELATIONSHIP("relationship", "relationship"),
    PHONE("phone", "phone"),
    EMAIL("email", "email"),
    PREFERRED_LANGUAGE("preferredLanguage", "preferred_language"),
    ADDRESS_LINE_1("addressLine1", "address_line_1"),
    ADDRESS_LINE_2("addressLine2", "address_line_2"),
    TOWN("town", "town"),
    POSTCODE("postcode", "postcode");

    private final String field;
    private final String column;

    Detail(String field, String column) {
      this.field = field;
      this.column = column;
    }

    /** The contact form's field. */
    String field() {
      return field;
    }

    /** The import file's column. */
    String column() {
      return column;
    }
  }

  record Problem(Detail detail, @Nullable String value, String message, String fix) {}

  /** The details as typed or read, each trimmed, blank as null. */
  record Typed(@Nullable String name, @Nullable String relationship, @Nullable String phone, @Nullable String email,
      @Nullable String preferredLanguage, @Nullable String addressLine1, @Nullable String addressLine2,
      @Nullable String town, @Nullable String postcode) {}

  private ContactRules() {}

  static List<Problem> problems(Typed t) {
    List<Problem> problems = new ArrayList<>();
    if (t.name() == null) {
      problems.add(new Problem(Detail.NAME, null, "Enter the contact's name", "Add the parent's or carer's full name"));
    } else if (t.name().length() > 200) {
      problems.add(new Problem(Detail.NAME, t.name(), "Name must be 200 characters or fewer", "Shorten the name"));
    }
    if (t.relationship() == null) {
      problems.add(new Problem(Detail.RELATIONSHIP, null, "Enter the contact's relationship to the pupil",
          "Write how they are related, for example Mother, Father or Carer"));
    } else if (t.relationship().length() > 60) {
      problems.add(new Problem(Detail.RELATIONSHIP, t.relationship(), "Relationship must be 60 characters or fewer",
          "Shorten the relationship, for example Foster carer"));
    }
    if (t.phone() != null && !t.phone().matches("[0-9+()\\s-]{6,40}")) {
      problems.add(new Problem(Detail.PHONE, t.phone(), "Enter a telephone number, like 01632 960 001 or 07700 900 982",
          "Write the number only, with no words"));
    }
    if (t.email() != null && (t.email().length() > 254 || !t.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
      problems.add(new Problem(Detail.EMAIL, t.email(),
          "Enter an email address in the correct format, like name@example.com", "Write one email address"));
    }
    if (t.preferredLanguage() != null && t.preferredLanguage().length() > 60) {
      problems.add(new Problem(Detail.PREFERRED_LANGUAGE, t.preferredLanguage(),
          "Language must be 60 characters or fewer", "Write the language's name, for example Polish"));
    }
    addressProblems(t, problems);
    return problems;
  }

  /** The postal address, optional as a whole: once any part is there, a letter needs the first line, town and postcode. */
  private static void addressProblems(Typed t, List<Problem> problems) {
    if (t.addressLine1() == null && t.addressLine2() == null && t.town() == null && t.postcode() == null) {
      return;
    }
    if (t.addressLine1() == null) {
      problems.add(new Problem(Detail.ADDRESS_LINE_1, null, "Enter the first line of the address",
          "Add the house and street, or leave every part of the address blank"));
    } else if (t.addressLine1().length() > 100) {
      problems.add(new Problem(Detail.ADDRESS_LINE_1, t.addressLine1(),
          "Address line 1 must be 100 characters or fewer", "Move part of it to address line 2"));
    }
    if (t.addressLine2() != null && t.addressLine2().length() > 100) {
      problems.add(new Problem(Detail.ADDRESS_LINE_2, t.addressLine2(),
          "Address line 2 must be 100 characters or fewer", "Shorten the second line of the address"));
    }
    if (t.town() == null) {
      problems.add(new Problem(Detail.TOWN, null, "Enter the town or city",
          "Add the town or city, or leave every part of the address blank"));
    } else if (t.town().length() > 60) {
      problems.add(new Problem(Detail.TOWN, t.town(), "Town or city must be 60 characters or fewer",
          "Write the post town only"));
    }
    if (t.postcode() == null) {
      problems.add(new Problem(Detail.POSTCODE, null, "Enter the postcode",
          "Add the postcode, or leave every part of the address blank"));
    } else if (PostalAddress.postcode(t.postcode()) == null) {
      problems.add(new Problem(Detail.POSTCODE, t.postcode(), "Enter a real postcode, like LS1 4AB",
          "Write a UK postcode"));
    }
  }

  /** The postal address typed, with its postcode written the standard way; null when none, or when it has problems. */
  static @Nullable PostalAddress address(Typed t) {
    String postcode = PostalAddress.postcode(t.postcode());
    if (t.addressLine1() == null || t.town() == null || postcode == null) {
      return null;
    }
    if (t.addressLine1().length() > 100 || (t.addressLine2() != null && t.addressLine2().length() > 100)
        || t.town().length() > 60) {
      return null;
    }
    return new PostalAddress(t.addressLine1(), t.addressLine2(), t.town(), postcode);
  }
}
