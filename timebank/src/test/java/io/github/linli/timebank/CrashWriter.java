package io.github.linli.timebank;

import io.github.linli.timebank.store.LedgerStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link JdbcCrashTest}: writes batches of {@value #BATCH} transfers to a
 * JDBC store forever, printing {@code committed <k>} after each batch commits, until it is killed.
 * Usage: {@code CrashWriter <jdbc-url> <tenant> <first-batch>}.
 */
public final class CrashWriter {
  static final int BATCH = 300;

  private CrashWriter() {}

  public static void main(String[] args) {
    LedgerStore store = Databases.store(new SimpleDataSource(args[0], "sa", ""), args[1]);
    TimeBank bank = TimeBank.builder().store(store).build();
    for (int i = 0; i < 4; i++) {
      bank.openAccount(AccountId.of("acc" + i), Credits.ofHours(1000));
    }
    for (int k = Integer.parseInt(args[2]); ; k++) {
      List<TransferRequest> batch = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        batch.add(
            TransferRequest.single(
                TransferId.of("b" + k + "-" + i),
                AccountId.of("acc" + (i % 4)),
                AccountId.of("acc" + ((i + 1) % 4)),
                Credits.ofMinutes(1 + i % 7)));
      }
      bank.submit(batch);
      System.out.println("committed " + k);
      System.out.flush();
    }
  }
}
