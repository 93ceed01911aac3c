package org.senda.support.internal;

import org.senda.register.BroadArea;

/** A need written against a broad area of the Code of Practice (6.28-6.35). */
record NeedDraft(BroadArea area, String description) {}
