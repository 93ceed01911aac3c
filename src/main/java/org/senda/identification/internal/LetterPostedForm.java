package org.senda.identification.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** That a letter to a parent was posted, as typed: the day it went in the post and the version the person saw. */
record LetterPostedForm(@Nullable DateParts postedOn, int version) {}
