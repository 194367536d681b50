package io.github.linli.core.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ConsistencyException;
import io.github.linli.core.ResidentId;
import javax.crypto.SecretKey;

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
   * Protects a value of one record (a need's text, a case's facts), bound to that record so that a
   * stored form cannot be moved to another record of the same resident and kind by someone who can
   * write the table. Linli's stores call this form. The default ignores the record and calls
   * {@link #protect(ResidentId, PersonalDataKind, String)}: a protector of your own (a key-management
   * service, say) should override both, binding the record where it can.
   *
   * @param subject whose value
   * @param kind its kind
   * @param record the record's opaque id ({@code "-"} for the resident's own values)
   * @param plain the plain value
   * @return the protected form to store
   * @since 0.2.0
   */
  default String protect(ResidentId subject, PersonalDataKind kind, String record, String plain) {
    return protect(subject, kind, plain);
  }

  /**
   * Recovers a value of one record; see {@link #protect(ResidentId, PersonalDataKind, String,
   * String)}.
   *
   * @param subject whose value
   * @param kind its kind
   * @param record the record's opaque id
   * @param stored the protected form
   * @return the plain value
   * @throws ConsistencyException if the stored form does not open for this subject, kind and record
   * @since 0.2.0
   */
  default String reveal(ResidentId subject, PersonalDataKind kind, String record, String stored) {
    return reveal(subject, kind, stored);
  }

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
   * AES-GCM field encryption with a 96-bit random nonce per value and the subject id and kind (and,
   * in the record form Linli's stores use, the record id) as associated data: a stored value opens
   * only for the resident, kind and record it was written for. The stored form is Base64 of nonce
   * followed by ciphertext and tag, prefixed {@code r1:} when bound to a record.
   *
   * @param key an AES key (128, 192 or 256 bits)
   * @return the protector
   * @throws IllegalArgumentException if the key is not an AES key
   */
  static Protector aesGcm(SecretKey key) {
    checkNotNull(key, "key");
    checkArgument("AES".equalsIgnoreCase(key.getAlgorithm()), "key must be an AES key, was %s", key.getAlgorithm());
    return new AesGcm(key);
  }
}
