package org.senda.audit.internal;

/** The head of the chain: the number and hash of the last entry appended (0 and the genesis hash when empty). */
record ChainHead(long lastSeq, String lastHash) {}
