package org.senda.access.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest (TOTP secrets) with AES-256-GCM. The key comes from {@code SENDA_ENCRYPTION_KEY}
 * (Base64, 32 bytes) or, when that is unset, from {@code secret.key} in the data directory, created on first use.
 * Every node of one installation must share the key.
 */
@Component
class SecretBox {

  private static final String PREFIX = "v1:";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  SecretBox(@Value("${senda.encryption-key:${SENDA_ENCRYPTION_KEY:}}") String configuredKey,
      @Value("${senda.data-dir}") Path dataDir) {
    this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFile(dataDir) : Base64.getDecoder().decode(configuredKey),
        "AES");
  }

  String seal(String plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed)
          .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String open(String sealed) {
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("Secret is not sealed");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
      return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Secret could not be opened: is SENDA_ENCRYPTION_KEY the one it was sealed with?",
          e);
    }
  }

  private static byte[] keyFile(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve("secret.key");
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Path temporary = dataDir.resolve("secret.key.tmp");
        Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh));
        try {
          Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // Not a POSIX file system: the directory's own permissions protect the key.
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      return Base64.getDecoder().decode(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
