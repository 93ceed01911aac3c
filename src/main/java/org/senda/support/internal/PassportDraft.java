package org.senda.support.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What is saved as the next version of a passport. */
record PassportDraft(@Nullable String likedAndAdmired, @Nullable String importantToMe,
    @Nullable String howBestToSupportMe, @Nullable String findHard, @Nullable String hopes,
    @Nullable LocalDate pupilContributedOn) {}
