package org.senda.support.internal;

/**
 * Something the SMART check noticed about a plan field. {@code field} names the field as the API and forms do
 * ({@code outcomes[0].measure}); a blocking finding stops a plan from being made active, an advisory one is a
 * suggestion only.
 */
record Finding(String field, String message, boolean blocking) {}
