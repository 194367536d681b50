package io.github.linli.core.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ConsistencyException;
import io.github.linli.core.ResidentId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The protection SPI: how personal values are turned into what a store keeps (a ciphertext or a
 * token) and back. A portal implements it over its own key management (a KMS, an HSM, a
 * tokenisation service).
 *
 * <p>Linli ships two: {@link #inMemoryOnly()} (values stay as they are, for stores that never leave
 * memory) and {@link #aesGcm(SecretKey)} (AES-GCM field encryption with the subject and kind bound
 * as associated data, so a ciphertext moved to another resident or field fails to open).
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
public interface Protector {
  /**
   * Protects a value.
   *
   * @param subject whose value
   * @param kind its kind
   * @param plain the plain value
   * @return the protected form to store
   */
  String protect(ResidentId subject, PersonalDataKind kind, String plain);

  /**
   * Recovers a value.
   *
   * @param subject whose value
   * @param kind its kind
   * @param stored the protected form
   * @return the plain value
   * @throws ConsistencyException if the stored form does not open for this subject and kind
   */
  String reveal(ResidentId subject, PersonalDataKind kind, String stored);

  /**
   * Keeps values as they are: for stores that live in memory only.
   *
   * @return the protector
   */
  static Protector inMemoryOnly() {
    return new Protector() {
      @Override
      public String protect(ResidentId subject, PersonalDataKind kind, String plain) {
        return checkNotNull(plain, "plain");
      }

      @Override
      public String reveal(ResidentId subject, PersonalDataKind kind, String stored) {
        return checkNotNull(stored, "stored");
      }

      @Override
      public String toString() {
        return "Protector.inMemoryOnly";
      }
    };
  }

  /**
   * AES-GCM field encryption with a 96-bit random nonce per value and the subject id and kind as
   * associated data. The stored form is Base64 of nonce followed by ciphertext and tag.
   *
   * @param key an AES key (128, 192 or 256 bits)
   * @return the protector
   * @throws IllegalArgumentException if the key is not an AES key
   */
  static Protector aesGcm(SecretKey key) {
    checkNotNull(key, "key");
    checkArgument("AES".equalsIgnoreCase(key.getAlgorithm()), "key must be an AES key, was %s", key.getAlgorithm());
    SecureRandom random = new SecureRandom();
    return new Protector() {
      @Override
      public String protect(ResidentId subject, PersonalDataKind kind, String plain) {
        checkNotNull(plain, "plain");
        byte[] nonce = new byte[12];
        synchronized (random) {
          random.nextBytes(nonce);
        }
        try {
          Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
          c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
          c.updateAAD(aad(subject, kind));
          byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
          return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array());
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("AES-GCM encryption failed for kind " + kind, e);
        }
      }

      @Override
      public String reveal(ResidentId subject, PersonalDataKind kind, String stored) {
        checkNotNull(stored, "stored");
        try {
          byte[] all = Base64.getDecoder().decode(stored);
          if (all.length < 12 + 16) {
            throw new ConsistencyException("stored " + kind + " of " + subject + " is too short to be AES-GCM");
          }
          Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
          c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
          c.updateAAD(aad(subject, kind));
          return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
          throw new ConsistencyException("stored " + kind + " of " + subject + " does not open with this key", e);
        }
      }

      @Override
      public String toString() {
        return "Protector.aesGcm";
      }
    };
  }

  private static byte[] aad(ResidentId subject, PersonalDataKind kind) {
    return (subject.value() + "\u0000" + kind.name()).getBytes(StandardCharsets.UTF_8);
  }
}
