package io.github.linli.timebank.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.linli.timebank.Account;
import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.AccountSpec;
import io.github.linli.timebank.AccountStatus;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.LedgerId;
import io.github.linli.timebank.Transfer;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a ledger whose posted totals wrapped (as the engine let them before it refused with
 * EXCEEDS_RANGE) is reported by verify(); before, the journal's replay wrapped the same way and the
 * ledger's balances still summed to zero, so verify() reported it clean.
 */
class VerifierIssue17Test {
  @Test
  void verify_issue17_reportsTotalsThatWrapped() {
    AccountId a = AccountId.of("a");
    AccountId b = AccountId.of("b");
    long max = Credits.MAX_UNITS;
    int rounds = 9_300;   // 9,300 × 10^15 is beyond Long.MAX_VALUE (9.22 × 10^18)
    Verifier v = new Verifier(List.of(
        Account.of(AccountSpec.of(a, Credits.ofUnits(max)), AccountStatus.ACTIVE, wrapped(rounds, max), wrapped(rounds, max), 0, 0),
        Account.of(AccountSpec.of(b, Credits.ofUnits(max)), AccountStatus.ACTIVE, wrapped(rounds, max), wrapped(rounds, max), 0, 0)));
    Instant t = Instant.parse("2026-11-24T02:00:00Z");
    long seq = 1;
    for (int r = 0; r < rounds; r++) {
      v.accept(Transfer.of(seq++, TransferId.of("ab" + r), TransferKind.SINGLE, a, b, LedgerId.SERVICE_MINUTES, max, null, null, 0, t));
      v.accept(Transfer.of(seq++, TransferId.of("ba" + r), TransferKind.SINGLE, b, a, LedgerId.SERVICE_MINUTES, max, null, null, 0, t));
    }
    List<String> problems = v.finish(id -> null);
    assertTrue(problems.stream().anyMatch(p -> p.contains("account a") && p.contains("negative")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("overflow a long")), problems.toString());
    assertEquals(2L * rounds, v.count());
  }

  @Test
  void verify_issue17_cleanLedgerNearTheRangeStaysClean() {
    AccountId a = AccountId.of("a");
    AccountId b = AccountId.of("b");
    long max = Credits.MAX_UNITS;
    Verifier v = new Verifier(List.of(
        Account.of(AccountSpec.of(a, Credits.ofUnits(max)), AccountStatus.ACTIVE, max, 0, 0, 0),
        Account.of(AccountSpec.of(b, Credits.ofUnits(max)), AccountStatus.ACTIVE, 0, max, 0, 0)));
    v.accept(Transfer.of(1, TransferId.of("t"), TransferKind.SINGLE, a, b, LedgerId.SERVICE_MINUTES, max, null, null, 0,
        Instant.parse("2026-11-24T02:00:00Z")));
    assertEquals(List.of(), v.finish(id -> null));
  }

  /** What a long total holds after {@code rounds} additions of {@code amount}, wrapping. */
  static long wrapped(int rounds, long amount) {
    long total = 0;
    for (int r = 0; r < rounds; r++) {
      total += amount;
    }
    return total;
  }
}
