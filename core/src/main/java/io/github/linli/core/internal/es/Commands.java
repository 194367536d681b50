package io.github.linli.core.internal.es;

import io.github.linli.core.ConflictException;
import io.github.linli.core.store.AppendRequest;
import io.github.linli.core.store.AppendResult;
import io.github.linli.core.store.EventStore;
import io.github.linli.core.store.RecordedEvent;
import io.github.linli.core.store.WrongExpectedVersionException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command loop that {@link FeedState} and {@link StreamState} share: catch up; answer a
 * repeated command id from the record; decide; append; catch up; after losing a race, catch up and
 * decide again (with a short random pause from the third attempt), up to {@link #ATTEMPTS} times.
 * Not API. Callers hold their state's lock.
 */
final class Commands {
  /** How many times a command decides again after losing a race. */
  static final int ATTEMPTS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

  private Commands() {}

  static <R> R run(EventStore store, String tenant, String commandId, Runnable catchUp,
      Supplier<AppendRequest> decide, Function<List<RecordedEvent>, R> result) {
    catchUp.run();
    if (commandId != null) {
      Optional<AppendResult> done = store.findCommand(tenant, commandId);
      if (done.isPresent()) {
        return result.apply(done.get().events());
      }
    }
    WrongExpectedVersionException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      AppendRequest request = decide.get();
      if (request == null) {
        return result.apply(List.of());
      }
      if (commandId != null) {
        request = request.commandId(commandId);
      }
      try {
        AppendResult r = store.append(request);
        catchUp.run();
        return result.apply(r.events());
      } catch (WrongExpectedVersionException e) {
        last = e;
        LOG.debug("command lost a race on {}; deciding again on fresh state", e.stream());
        catchUp.run();
        if (attempt > 2) {
          pause(attempt);
        }
      }
    }
    throw last;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictException("interrupted while retrying a command that lost a race");
    }
  }
}
