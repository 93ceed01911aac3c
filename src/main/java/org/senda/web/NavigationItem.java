package org.senda.web;

/** A link in the service navigation. */
public record NavigationItem(String href, String text, boolean current) {}
