package org.senda.pupils.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.senda.pupils.PostalAddress;

/** The rules a parent's or carer's details meet, shared by the contact form and the contacts import. */
class ContactRulesTest {

  private static ContactRules.Typed typed(String phone, String email, String line1, String town, String postcode) {
    return new ContactRules.Typed("Sam Lee", "Father", phone, email, null, line1, null, town, postcode);
  }

  @Test
  void aContactWithNoAddressIsFineAndHasNone() {
    ContactRules.Typed t = typed("07700 900982", "sam@example.com", null, null, null);
    assertThat(ContactRules.problems(t)).isEmpty();
    assertThat(ContactRules.address(t)).isNull();
  }

  @Test
  void anAddressOnceStartedNeedsItsFirstLineTownAndARealPostcode() {
    assertThat(ContactRules.problems(typed(null, null, null, null, "LE1 1AA")))
        .extracting(p -> p.detail()).containsExactly(ContactRules.Detail.ADDRESS_LINE_1, ContactRules.Detail.TOWN);
    ContactRules.Typed unreal = typed(null, null, "1 Mill Lane", "Derby", "XYZ");
    assertThat(ContactRules.problems(unreal)).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("Enter a real postcode, like LS1 4AB"))
        .satisfies(p -> assertThat(p.value()).isEqualTo("XYZ"));
    assertThat(ContactRules.address(unreal)).isNull();
    assertThat(ContactRules.address(typed(null, null, "1 Mill Lane", "Derby", "de11aa")))
        .isEqualTo(new PostalAddress("1 Mill Lane", null, "Derby", "DE1 1AA"));
  }

  @Test
  void aNameRelationshipPhoneAndEmailAreChecked() {
    ContactRules.Typed t = new ContactRules.Typed(null, "x".repeat(61), "call me", "a".repeat(250) + "@b.co", null,
        null, null, null, null);
    assertThat(ContactRules.problems(t)).extracting(p -> p.detail()).containsExactly(ContactRules.Detail.NAME,
        ContactRules.Detail.RELATIONSHIP, ContactRules.Detail.PHONE, ContactRules.Detail.EMAIL);
    assertThat(ContactRules.Detail.PREFERRED_LANGUAGE.field()).isEqualTo("preferredLanguage");
    assertThat(ContactRules.Detail.PREFERRED_LANGUAGE.column()).isEqualTo("preferred_language");
  }
}
