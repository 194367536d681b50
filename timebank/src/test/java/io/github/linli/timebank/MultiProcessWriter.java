package io.github.linli.timebank;

import io.github.linli.timebank.store.LedgerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A child process of {@link MultiProcessTest}: sends 40 batches of 20 transfers drawn from the
 * shared id pool of {@link ConcurrencyTest} and prints {@code <id> <status>} per result. Usage:
 * {@code MultiProcessWriter <jdbc-url> <user> <tenant> <seed>}.
 */
public final class MultiProcessWriter {
  private MultiProcessWriter() {}

  public static void main(String[] args) {
    try (LedgerStore store =
        Databases.store(new SimpleDataSource(args[0], args[1], ""), args[2])) {
      TimeBank bank = TimeBank.builder().store(store).build();
      Random random = new Random(Long.parseLong(args[3]));
      StringBuilder out = new StringBuilder();
      for (int round = 0; round < 40; round++) {
        List<TransferRequest> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          batch.add(ConcurrencyTest.request(random.nextInt(ConcurrencyTest.IDS)));
        }
        for (TransferResult r : bank.submit(batch)) {
          out.append(r.id()).append(' ').append(r.status()).append('\n');
        }
      }
      System.out.print(out);
      System.out.println("done");
    }
  }
}
