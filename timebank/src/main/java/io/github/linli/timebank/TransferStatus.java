package io.github.linli.timebank;

import io.github.linli.core.Label;
import io.github.linli.core.Labelled;

/**
 * The outcome of submitting one transfer. Rejections are returned, not thrown, as in TigerBeetle:
 * only {@link #CREATED} and {@link #EXISTS} leave the transfer in the ledger, and no rejected
 * transfer changes any balance.
 *
 * <p>A transfer rejected because of the ledger's state (an account missing, closed or frozen, a
 * limit, a pending transfer already resolved …) reserves its id ({@link #isRecorded()}): submitting
 * the same id again returns {@link #ID_ALREADY_FAILED}, so a retried request cannot succeed later,
 * when the state has changed, by accident. A rejection that the request alone decides ({@link
 * #AMOUNT_MUST_BE_POSITIVE}, {@link #SAME_ACCOUNT}, {@link #INVALID_TIMEOUT}) reserves nothing: the
 * same request would fail the same way whenever it is sent, so the id stays free for the corrected
 * request (as in TigerBeetle, which reserves ids only for its "transient" results). Rejections
 * inside a failed linked chain reserve nothing either (the whole chain is undone, ids included, so
 * the corrected chain can be resubmitted), nor do the statuses that are not failures.
 *
 * @since 0.1.0
 */
public enum TransferStatus implements Labelled {
  /** The transfer was written. */
  CREATED("已入账", "created"),
  /** A transfer with this id and the same fields exists; nothing changed. */
  EXISTS("已存在", "exists"),
  /** A transfer with this id but other fields exists; nothing changed. */
  EXISTS_WITH_DIFFERENT_FIELDS("编号已被不同内容的转账使用", "id used by a transfer with other fields"),
  /** This id was rejected before, for the state of the ledger, and stays rejected. */
  ID_ALREADY_FAILED("该编号此前已失败", "id already failed"),
  /** Another transfer of its linked chain failed, so the whole chain was undone. */
  LINKED_EVENT_FAILED("关联转账中另一笔失败", "linked event failed"),
  /** The batch ended inside an open linked chain. */
  LINKED_CHAIN_OPEN("关联链未闭合", "linked chain open"),
  /** The amount is zero or negative. */
  AMOUNT_MUST_BE_POSITIVE("金额必须为正", "amount must be positive"),
  /** Debit and credit are the same account. */
  SAME_ACCOUNT("付款与收款账户相同", "same account on both sides"),
  /** An account does not exist. */
  ACCOUNT_NOT_FOUND("账户不存在", "account not found"),
  /** An account is closed. */
  ACCOUNT_CLOSED("账户已销户", "account closed"),
  /** An account is frozen. */
  ACCOUNT_FROZEN("账户已冻结", "account frozen"),
  /** The accounts are on different ledgers, or not on the ledger the request names. */
  LEDGER_MISMATCH("跨账本转账", "accounts on different ledgers"),
  /** The debit account would fall below minus its overdraft limit. */
  EXCEEDS_FLOOR("超出透支额度", "exceeds overdraft limit"),
  /** The credit account would rise above its ceiling. */
  EXCEEDS_CEILING("超出余额上限", "exceeds balance ceiling"),
  /**
   * The transfer would take an account beyond the range a ledger keeps exactly: a balance (with
   * pending credits) above {@link Credits#MAX_UNITS}, or a total of debits or credits beyond a
   * {@code long} (issue 17: totals used to wrap silently).
   */
  EXCEEDS_RANGE("超出账本可记范围", "exceeds the ledger's range"),
  /** The pending transfer to post or void does not exist. */
  PENDING_NOT_FOUND("预留不存在", "pending transfer not found"),
  /** The referenced transfer is not a pending transfer. */
  NOT_PENDING("所指转账不是预留", "referenced transfer is not pending"),
  /** The pending transfer was posted already. */
  PENDING_ALREADY_POSTED("预留已确认", "pending transfer already posted"),
  /** The pending transfer was voided already. */
  PENDING_ALREADY_VOIDED("预留已撤销", "pending transfer already voided"),
  /** The pending transfer expired. */
  PENDING_EXPIRED("预留已过期", "pending transfer expired"),
  /** The amount to post exceeds the pending amount. */
  EXCEEDS_PENDING_AMOUNT("超出预留金额", "exceeds pending amount"),
  /** The fields of a post or void disagree with the pending transfer (accounts or ledger). */
  PENDING_FIELDS_DIFFER("与预留内容不符", "fields differ from the pending transfer"),
  /** The transfer to reverse does not exist. */
  REVERSAL_TARGET_NOT_FOUND("被冲正的转账不存在", "transfer to reverse not found"),
  /** The transfer to reverse posts nothing (a pending or void transfer, or a reversal). */
  NOT_REVERSIBLE("该转账不可冲正", "transfer cannot be reversed"),
  /** The transfer was reversed already: corrections happen at most once. */
  ALREADY_REVERSED("已冲正", "already reversed"),
  /** The timeout is negative, or given on a transfer that is not pending. */
  INVALID_TIMEOUT("超时设置无效", "invalid timeout");

  private final Label label;

  TransferStatus(String zh, String en) {
    this.label = Label.of(zh, en);
  }

  @Override
  public Label label() {
    return label;
  }

  /**
   * Whether the transfer is in the ledger after this outcome.
   *
   * @return true for {@link #CREATED} and {@link #EXISTS}
   */
  public boolean isOk() {
    return this == CREATED || this == EXISTS;
  }

  /**
   * Whether a rejection with this status reserves the id (outside a failed linked chain).
   *
   * @return true for every failure that depends on the ledger's state; false for the idempotency
   *     and chain statuses and for the rejections the request alone decides ({@link
   *     #AMOUNT_MUST_BE_POSITIVE}, {@link #SAME_ACCOUNT}, {@link #INVALID_TIMEOUT})
   */
  public boolean isRecorded() {
    switch (this) {
      case AMOUNT_MUST_BE_POSITIVE:
      case SAME_ACCOUNT:
      case INVALID_TIMEOUT:
      case CREATED:
      case EXISTS:
      case EXISTS_WITH_DIFFERENT_FIELDS:
      case ID_ALREADY_FAILED:
      case LINKED_EVENT_FAILED:
      case LINKED_CHAIN_OPEN:
        return false;
      default:
        return true;
    }
  }
}
