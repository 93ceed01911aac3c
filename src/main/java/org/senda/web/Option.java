package org.senda.web;

/** One choice in a select, radios or checkboxes fragment. */
public record Option(String value, String text) {}
