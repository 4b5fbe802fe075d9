import Big from 'big.js';
import { shareOf } from '../book/fill-coverage.ts';
import type { UserTrade } from '../rest/alpha-types.ts';

/** One listed fill of an order, placed at `(from, to]` of its cumulative filled quantity. */
export interface PlacedFill {
  readonly trade: UserTrade;
  readonly from: Big;
  readonly to: Big;
  /** The order's cumulative quote quantity after this fill. */
  readonly quoteTo: Big;
}

/** What is known of the order's filled quantity besides its listed fills. */
export interface FilledQuantityKnown {
  /** The exchange's `executedQty` in this reconciliation's row (read before the fills). */
  executedQty: string | null;
  /** The order's quantity (`q`, `origQty`): no order fills beyond it. */
  quantity: string | null;
  /** The filled quantity the book has counted (a fill ends there), if any. */
  mark: string | null;
}

/**
 * The order's fills from a get-user-trades answer, one each, oldest first, placed by adding
 * them up from 0; null when the list is not provably complete. Fills are placed from 0, so a
 * list missing its oldest fill(s) would place every fill too low (a hole "recovered" with the
 * price and fee of the fill above it). Complete means: the fills add up to the exchange's own
 * filled quantity of this reconciliation, or to the order's whole quantity (nothing can fill
 * beyond it); or, with fills newer than the row (the order filled on between the two calls),
 * the placement has a fill boundary exactly at the row's filled quantity and at the book's
 * counted mark (a list missing its oldest fills is shifted off both). Anything else (a page
 * limit, a listing that lags) is not placed.
 *
 * What get-user-trades returns is captured for one order only (ALPHA-PROTOCOL.md §5): every
 * fill, newest first, several sharing a `tradeId` with distinct `pageId`s. Not known, and so
 * handled: the order of the list (sorted here by time, then `pageId`, then `id`); whether
 * `orderId` filters (fills of other orders are left out); whether the same fill can be listed
 * twice on overlapping pages (kept once per `pageId`).
 */
export function placeListedFills(
  listed: readonly UserTrade[],
  orderId: string,
  known: FilledQuantityKnown,
): PlacedFill[] | null {
  const trades = fillsOfOrder(listed, orderId);
  const placed: PlacedFill[] = [];
  let filledTo = new Big(0);
  let quoteTo = new Big(0);
  for (const trade of trades) {
    const from = filledTo;
    filledTo = filledTo.plus(trade.qty || '0');
    quoteTo = quoteTo.plus(trade.quoteQty || '0');
    placed.push({ trade, from, to: filledTo, quoteTo });
  }
  return isComplete(placed, filledTo, known) ? placed : null;
}

function isComplete(
  placed: readonly PlacedFill[],
  total: Big,
  { executedQty, quantity, mark }: FilledQuantityKnown,
): boolean {
  if (!total.gt(0)) return false;
  if (isGiven(executedQty) && total.eq(executedQty)) return true;
  if (isGiven(quantity) && new Big(quantity).gt(0) && total.eq(quantity)) return true;
  if (!isGiven(executedQty) || !total.gt(executedQty)) return false;
  return endsAt(placed, executedQty) && (!isGiven(mark) || endsAt(placed, mark));
}

function isGiven(value: string | null): value is string {
  return value !== null && value !== '';
}

/** Whether a placed fill ends exactly at `filled` (0 counts: nothing filled). */
function endsAt(placed: readonly PlacedFill[], filled: string): boolean {
  const at = new Big(filled);
  return at.eq(0) || placed.some((fill) => fill.to.eq(at));
}

/**
 * The fees of the placed fills within `(from, to]` of the order's filled quantity: a fill that
 * straddles an end gives the share inside, as the book counts a fill in part. A backfill that
 * brings the order from the book's mark `from` to the exchange's `to` carries this fee.
 */
export function feesWithin(placed: readonly PlacedFill[], from: string, to: string): Big {
  const lo = new Big(from);
  const hi = new Big(to);
  let fees = new Big(0);
  for (const fill of placed) {
    const start = fill.from.gt(lo) ? fill.from : lo;
    const end = fill.to.lt(hi) ? fill.to : hi;
    if (!end.gt(start)) continue;
    const fee = fill.trade.commission || '0';
    const inside = end.minus(start);
    fees = fees.plus(inside.eq(fill.trade.qty) ? fee : shareOf(fee, inside, fill.trade.qty));
  }
  return fees;
}

/** The order's own fills in a list, one each, oldest first (see `placeListedFills`). */
export function fillsOfOrder(listed: readonly UserTrade[], orderId: string): UserTrade[] {
  return oldestFirst(onceEach(listed.filter((t) => t.orderId === orderId)));
}

/** One of each listed fill (a `pageId` names one fill; `tradeId` does not). */
function onceEach(trades: UserTrade[]): UserTrade[] {
  const seen = new Set<string>();
  return trades.filter((t) => {
    const key = t.pageId || `${t.id}:${t.time}:${t.qty}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function oldestFirst(trades: UserTrade[]): UserTrade[] {
  return [...trades].sort(
    (a, b) => a.time - b.time || compareIds(a.pageId, b.pageId) || compareIds(a.id, b.id),
  );
}

/** Ids as the exchange sends them: digit strings compared as numbers, others as text. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b))
    return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}
