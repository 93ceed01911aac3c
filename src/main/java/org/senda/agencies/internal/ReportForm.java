package org.senda.agencies.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;
import org.springframework.web.multipart.MultipartFile;

/** A professional's report as sent: when it came, the advice in short, and the report itself as a PDF (optional). */
record ReportForm(@Nullable DateParts receivedOn, @Nullable String adviceSummary, @Nullable MultipartFile file) {}
