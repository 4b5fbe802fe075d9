import type { UpdateVerdict } from '../../../shared/domain/update-verdict.ts';
import { OrderBook } from '../book/order-book.ts';
import type { UpdateRecord } from './journal-record.ts';

/**
 * The verdict of each update record of one journal, read in order. A journal written with
 * verdicts gives them as written: the engine's book decided once, live. A journal written
 * before verdicts were journalled has none: its records are run through a fresh order book,
 * which decides exactly as the live one did (same rules, same order).
 */
export class JournalVerdicts {
  private book: OrderBook | undefined;

  /** True once a record without a verdict was seen (an older journal). */
  get rederived(): boolean {
    return this.book !== undefined;
  }

  of(record: UpdateRecord): UpdateVerdict {
    if (record.verdict !== undefined) return record.verdict;
    this.book ??= new OrderBook();
    return this.book.apply(record.update, record.source);
  }
}
