package io.github.linli.timebank.internal;

import io.github.linli.timebank.Transfer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The journal's hash chain: {@code hash(n) = SHA-256(hash(n-1) ‖ canonical(transfer n))}, hex, with
 * {@code hash(0)} the empty string. The canonical form length-prefixes every field, so no two
 * transfers share one. Not API.
 */
public final class Hashing {
  private Hashing() {}

  /**
   * The chained hash of a transfer.
   *
   * @param previous the previous hash, "" for the first transfer
   * @param t the transfer
   * @return 64 hex digits
   */
  public static String chain(String previous, Transfer t) {
    return chain(sha256(), previous, t);
  }

  /**
   * A SHA-256 digest to reuse across {@link #chain(MessageDigest, String, Transfer)} calls of one
   * thread.
   *
   * @return a new digest
   */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * The chained hash of a transfer, with a digest the caller reuses.
   *
   * @param md the digest; reset here
   * @param previous the previous hash, "" for the first transfer
   * @param t the transfer
   * @return 64 hex digits
   */
  public static String chain(MessageDigest md, String previous, Transfer t) {
    StringBuilder b = new StringBuilder(160);
    field(b, previous);
    field(b, Long.toString(t.sequence()));
    field(b, t.id().value());
    field(b, t.kind().name());
    field(b, t.debitAccount().value());
    field(b, t.creditAccount().value());
    field(b, t.ledger().value());
    field(b, Long.toString(t.amountMinutes()));
    field(b, t.reference().map(Object::toString).orElse(""));
    field(b, t.timeout().map(d -> Long.toString(d.toMillis())).orElse(""));
    field(b, Integer.toString(t.code()));
    field(b, Long.toString(Times.micros(t.timestamp())));
    md.reset();
    byte[] h = md.digest(b.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder(64);
    for (byte x : h) {
      hex.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return hex.toString();
  }

  private static void field(StringBuilder b, String s) {
    b.append(s.length()).append(':').append(s).append(';');
  }
}
