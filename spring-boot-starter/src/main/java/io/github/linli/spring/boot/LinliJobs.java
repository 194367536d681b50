package io.github.linli.spring.boot;

import io.github.linli.core.Actor;
import io.github.linli.core.ConsistencyException;
import io.github.linli.timebank.TimeBank;
import io.github.linli.timebank.VerifyReport;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The portal's routine Linli jobs, opt-in ({@code linli.jobs.enabled=true}): expire pending
 * transfers past their timeout and auto-confirm delivered exchanges (every
 * {@code linli.jobs.expire-interval}, default one minute), and verify the ledger (cron
 * {@code linli.jobs.verify-cron}, default 03:30 every night in {@code linli.zone}). A failed
 * verification is logged at ERROR with the number of problems (never personal data) and kept in
 * {@link #lastVerify()} for the health indicator to report. Run by Spring's scheduler; each method
 * is safe to run on several servers at once (the ledger serialises its writers). Thread-safe.
 *
 * @since 0.1.0
 */
public class LinliJobs {
  private static final Logger LOG = LoggerFactory.getLogger(LinliJobs.class);

  private final TimeBank bank;
  private final AtomicReference<VerifyReport> lastVerify = new AtomicReference<>();

  /**
   * Jobs on this time bank.
   *
   * @param bank the time bank
   */
  public LinliJobs(TimeBank bank) {
    this.bank = bank;
  }

  /**
   * Expires pending transfers past their timeout and auto-confirms exchanges that are due.
   *
   * @return how many pending transfers expired
   */
  @Scheduled(fixedDelayString = "${linli.jobs.expire-interval:PT1M}", initialDelayString = "${linli.jobs.expire-interval:PT1M}")
  public int expireAndConfirm() {
    int expired = bank.expirePending();
    bank.exchanges().autoConfirmDue(Actor.system());
    return expired;
  }

  /**
   * Verifies the ledger.
   *
   * @return the report
   */
  @Scheduled(cron = "${linli.jobs.verify-cron:0 30 3 * * *}", zone = "${linli.zone:Asia/Shanghai}")
  public VerifyReport verify() {
    VerifyReport r;
    try {
      r = bank.verify();
    } catch (ConsistencyException e) {
      LOG.error("Linli ledger verification failed: {}", e.getMessage());
      throw e;
    }
    lastVerify.set(r);
    if (!r.isConsistent()) {
      LOG.error("Linli ledger is inconsistent: {} problem(s); stop writing and see troubleshooting.md", r.problems().size());
    }
    return r;
  }

  /**
   * The last scheduled verification's report, if one ran.
   *
   * @return the report, or null
   */
  public VerifyReport lastVerify() {
    return lastVerify.get();
  }
}
