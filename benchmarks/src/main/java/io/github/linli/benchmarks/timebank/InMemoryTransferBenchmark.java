package io.github.linli.benchmarks.timebank;

import io.github.linli.timebank.AccountId;
import io.github.linli.timebank.Credits;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.TransferId;
import io.github.linli.timebank.TransferRequest;
import io.github.linli.timebank.TransferResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Transfers per second into the in-memory time bank on one thread: batches of 1,000 (the target is
 * ≥ 1,000,000/s) beside one transfer per call. Each transfer gets a fresh client id (built inside
 * the measured loop, as a client would) between 1,000 accounts with room to pay; the bank is new
 * for each iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class InMemoryTransferBenchmark {
  static final int BATCH = 1000;
  static final int ACCOUNTS = 1000;

  private TimeBank bank;
  private AccountId[] accounts;
  private long next;

  /** A fresh bank per iteration, so the journal does not grow without bound. */
  @Setup(Level.Iteration)
  public void setUp() {
    bank = TimeBank.inMemory();
    accounts = new AccountId[ACCOUNTS];
    for (int i = 0; i < ACCOUNTS; i++) {
      accounts[i] = AccountId.of("acc" + i);
      bank.openAccount(accounts[i], Credits.ofHours(1_000_000));
    }
  }

  private TransferRequest request() {
    long k = next++;
    return TransferRequest.single(
        TransferId.of("t" + k),
        accounts[(int) (k % ACCOUNTS)],
        accounts[(int) ((k * 7 + 1) % ACCOUNTS)],
        Credits.ofMinutes(1 + k % 60));
  }

  /**
   * One batch of 1,000 transfers.
   *
   * @return the results
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<TransferResult> batched() {
    List<TransferRequest> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(request());
    }
    return bank.submit(batch);
  }

  /**
   * One transfer per call.
   *
   * @return the result
   */
  @Benchmark
  public TransferResult single() {
    return bank.submit(request());
  }
}
