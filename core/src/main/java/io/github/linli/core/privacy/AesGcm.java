package io.github.linli.core.privacy;

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

/** {@link Protector#aesGcm}: AES-GCM with subject, kind and (record form) record as associated data. Thread-safe. */
final class AesGcm implements Protector {
  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  AesGcm(SecretKey key) {
    this.key = key;
  }

  @Override
  public String protect(ResidentId subject, PersonalDataKind kind, String plain) {
    return seal(key, random, aad(subject, kind), "", kind, plain);
  }

  @Override
  public String reveal(ResidentId subject, PersonalDataKind kind, String stored) {
    checkNotNull(stored, "stored");
    if (stored.startsWith(RECORD_BOUND)) {
      throw new ConsistencyException("stored " + kind + " of " + subject + " is bound to a record: reveal it with its record id");
    }
    return open(key, aad(subject, kind), stored, 0, kind, subject);
  }

  @Override
  public String protect(ResidentId subject, PersonalDataKind kind, String record, String plain) {
    checkNotNull(record, "record");
    return seal(key, random, aad(subject, kind, record), RECORD_BOUND, kind, plain);
  }

  @Override
  public String reveal(ResidentId subject, PersonalDataKind kind, String record, String stored) {
    checkNotNull(record, "record");
    checkNotNull(stored, "stored");
    if (stored.startsWith(RECORD_BOUND)) {
      return open(key, aad(subject, kind, record), stored, RECORD_BOUND.length(), kind, subject);
    }
    // written before values were bound to their record (0.2.0 snapshots): subject and kind only
    return open(key, aad(subject, kind), stored, 0, kind, subject);
  }

  @Override
  public String toString() {
    return "Protector.aesGcm";
  }

  /** The prefix of a stored form whose associated data include the record id. */
  static final String RECORD_BOUND = "r1:";

  private static String seal(SecretKey key, SecureRandom random, byte[] aad, String prefix, PersonalDataKind kind, String plain) {
    checkNotNull(plain, "plain");
    byte[] nonce = new byte[12];
    synchronized (random) {
      random.nextBytes(nonce);
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      c.updateAAD(aad);
      byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return prefix + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed for kind " + kind, e);
    }
  }

  private static String open(SecretKey key, byte[] aad, String stored, int from, PersonalDataKind kind, ResidentId subject) {
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(from));
      if (all.length < 12 + 16) {
        throw new ConsistencyException("stored " + kind + " of " + subject + " is too short to be AES-GCM");
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      c.updateAAD(aad);
      return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new ConsistencyException("stored " + kind + " of " + subject + " does not open with this key for this record", e);
    }
  }

  private static byte[] aad(ResidentId subject, PersonalDataKind kind, String record) {
    return (subject.value() + "\u0000" + kind.name() + "\u0000" + record).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] aad(ResidentId subject, PersonalDataKind kind) {
    return (subject.value() + "\u0000" + kind.name()).getBytes(StandardCharsets.UTF_8);
  }
}
