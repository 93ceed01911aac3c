/**
 * Sign-in (password with Argon2id, TOTP multi-factor authentication, OIDC single sign-on), API tokens and
 * the permission model: role x school x need-to-know, enforced in one place ({@link org.senda.access.Permissions}).
 */
@ApplicationModule(displayName = "Access")
@NullMarked
package org.senda.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
