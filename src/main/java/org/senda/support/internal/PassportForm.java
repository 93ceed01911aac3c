package org.senda.support.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** The passport form as typed. */
record PassportForm(@Nullable String likedAndAdmired, @Nullable String importantToMe,
    @Nullable String howBestToSupportMe, @Nullable String findHard, @Nullable String hopes,
    @Nullable DateParts pupilContributedOn, @Nullable Integer version) {

  static PassportForm of(@Nullable Passport p) {
    if (p == null) {
      return new PassportForm("", "", "", "", "", DateParts.of(null), 0);
    }
    return new PassportForm(p.likedAndAdmired(), p.importantToMe(), p.howBestToSupportMe(), p.findHard(), p.hopes(),
        DateParts.of(p.pupilContributedOn()), p.number());
  }

  PassportDraft draft() {
    return new PassportDraft(likedAndAdmired, importantToMe, howBestToSupportMe, findHard, hopes,
        pupilContributedOn == null ? null : pupilContributedOn.toDate().orElse(null));
  }

  String text() {
    StringBuilder text = new StringBuilder();
    for (String s : new String[] {likedAndAdmired, importantToMe, howBestToSupportMe, findHard, hopes}) {
      if (s != null && !s.isBlank()) {
        text.append(s.strip()).append("\n\n");
      }
    }
    return text.toString();
  }
}
