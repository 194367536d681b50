package io.github.linli.timebank;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.linli.core.ValidationException;

/**
 * How one unit converts into another, through two pool accounts: the payer pays the source amount
 * into the source pool (on the source ledger), and the target pool pays the converted amount to
 * the receiver (on the target ledger). The two transfers form a linked chain: both or neither.
 *
 * <p><b>Rounding rule:</b> converted = ⌊source × numerator ÷ denominator⌋, rounded down (toward
 * zero), and the payer pays the whole source amount: the remainder stays in the source pool, so a
 * conversion never creates value. When the converted amount rounds to zero the chain is rejected
 * with {@link TransferStatus#AMOUNT_MUST_BE_POSITIVE}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Conversion {
  private final AccountId sourcePool;
  private final AccountId targetPool;
  private final long numerator;
  private final long denominator;

  private Conversion(AccountId sourcePool, AccountId targetPool, long numerator, long denominator) {
    this.sourcePool = sourcePool;
    this.targetPool = targetPool;
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /**
   * Creates a conversion rate.
   *
   * @param sourcePool the pool that receives the source amount (source ledger)
   * @param targetPool the pool that pays the converted amount (target ledger)
   * @param numerator target units per {@code denominator} source units, positive
   * @param denominator positive
   * @return the conversion
   * @throws NullPointerException if a pool is null
   * @throws ValidationException if numerator or denominator is not positive or above one million
   */
  public static Conversion of(
      AccountId sourcePool, AccountId targetPool, long numerator, long denominator) {
    checkNotNull(sourcePool, "sourcePool");
    checkNotNull(targetPool, "targetPool");
    if (numerator <= 0 || numerator > 1_000_000) {
      throw new ValidationException("conversion.numerator", numerator, "must be 1..1000000");
    }
    if (denominator <= 0 || denominator > 1_000_000) {
      throw new ValidationException("conversion.denominator", denominator, "must be 1..1000000");
    }
    return new Conversion(sourcePool, targetPool, numerator, denominator);
  }

  /**
   * The converted amount of a source amount, rounded down.
   *
   * @param source the source amount
   * @return ⌊source × numerator ÷ denominator⌋
   * @throws ValidationException if the result exceeds {@link Credits#MAX_UNITS}
   */
  public Credits convert(Credits source) {
    java.math.BigInteger[] qr =
        java.math.BigInteger.valueOf(source.minutes())
            .multiply(java.math.BigInteger.valueOf(numerator))
            .divideAndRemainder(java.math.BigInteger.valueOf(denominator));
    java.math.BigInteger q = qr[0];
    if (qr[1].signum() < 0) {
      q = q.subtract(java.math.BigInteger.ONE);
    }
    if (q.abs().compareTo(java.math.BigInteger.valueOf(Credits.MAX_UNITS)) > 0) {
      throw new ValidationException("conversion.result", q, "exceeds " + Credits.MAX_UNITS);
    }
    return Credits.ofMinutes(q.longValueExact());
  }

  /**
   * The source pool.
   *
   * @return the account
   */
  public AccountId sourcePool() {
    return sourcePool;
  }

  /**
   * The target pool.
   *
   * @return the account
   */
  public AccountId targetPool() {
    return targetPool;
  }

  /**
   * The numerator.
   *
   * @return target units per {@link #denominator()} source units
   */
  public long numerator() {
    return numerator;
  }

  /**
   * The denominator.
   *
   * @return the denominator
   */
  public long denominator() {
    return denominator;
  }

  @Override
  public String toString() {
    return "Conversion{" + sourcePool + " -> " + targetPool + " " + numerator + "/" + denominator + "}";
  }
}
