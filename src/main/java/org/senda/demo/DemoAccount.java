package org.senda.demo;

import org.jspecify.annotations.Nullable;

/** One line of demo-accounts.json: everything an outside check needs to sign in as this person. */
public record DemoAccount(
    String role, @Nullable Long schoolId, @Nullable String school, String email, String password, String totpSecret,
    String apiToken) {}
