import Big from 'big.js';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import { reasonOf } from '../../../shared/reasons/reason-of.ts';
import type { StrategyReason } from '../../../shared/reasons/strategy-reason.ts';
import { isAuthRejection, isInsufficientBalance, errorCodeOf } from './strategy-error.ts';
import { OrderTracker, TERMINAL, totalsOf, type TrackedOrder } from './order-tracker.ts';
import type { StrategyRestPort } from './strategy-ports.ts';
import type { PendingLegRef, StrategyEvent } from './strategy-types.ts';
import type { TradePlan } from './trade-plan.ts';

/** How one trade ended. */
export type TradeResult =
  | {
      kind: 'completed' | 'pending-open';
      /** Quote spent on the working BUY. */
      buyQuote: Big;
      /** Quote received from the pending SELL (0 while it is open). */
      sellQuote: Big;
      feeQuote: Big;
      /** Fee of the SELL, in quote (part of feeQuote). */
      sellFeeQuote: Big;
      pending: PendingLegRef;
    }
  | {
      kind: 'failed';
      code: string;
      reason: StrategyReason;
      buyQuote: Big;
      feeQuote: Big;
      pending: PendingLegRef | null;
    }
  | { kind: 'stopped'; buyQuote: Big; feeQuote: Big; pending: PendingLegRef | null };

export interface TradeExecutorDeps {
  rest: StrategyRestPort;
  tracker: OrderTracker;
  clock: Clock;
  logger: Logger;
  emit: (event: StrategyEvent) => void;
  legTimeoutMs: number;
  cancelConfirmTimeoutMs: number;
  /** Aborts when the user asks the run to stop. */
  stopSignal: AbortSignal;
}

/**
 * Thrown out of a trade when the session is rejected or the order cannot be paid (481020):
 * the run must stop at once, and never retry (retries escalate risk control).
 */
export class AuthStop extends Error {
  constructor(readonly authError: Error & { code: string }) {
    super(authError.message);
    this.name = 'AuthStop';
  }
}

/**
 * Runs one OTO trade: place, wait for the working BUY to fill on the stream, then for the
 * pending SELL. An unfilled working leg is cancelled (and the cancel confirmed); a pending
 * leg still open at its timeout is reported, not cancelled (the run decides at its end).
 */
export async function executeTrade(
  deps: TradeExecutorDeps,
  trade: number,
  plan: TradePlan,
  doneBeforeUsdt: string,
): Promise<TradeResult> {
  const zero = new Big(0);
  let ids: { workingOrderId: string; pendingOrderId: string };
  try {
    ids = await deps.rest.placeOtoOrder(plan.request);
  } catch (error) {
    if (isAuthRejection(error) || isInsufficientBalance(error)) throw new AuthStop(error);
    return {
      kind: 'failed',
      code: errorCodeOf(error),
      reason: { code: 'PLACE_FAILED', cause: reasonOf(error) },
      buyQuote: zero,
      feeQuote: zero,
      pending: null,
    };
  }
  const workingId = String(ids.workingOrderId);
  const pending: PendingLegRef = {
    trade,
    orderId: String(ids.pendingOrderId),
    symbol: plan.symbol,
  };
  deps.emit({
    type: 'order-placed',
    trade,
    workingOrderId: workingId,
    pendingOrderId: pending.orderId,
    plan,
    doneBeforeUsdt,
  });

  const working = await deps.tracker.waitForStatus(
    workingId,
    TERMINAL,
    deps.legTimeoutMs,
    deps.stopSignal,
  );
  let workingOrder: TrackedOrder | undefined = working.order;
  if (working.kind !== 'reached') {
    if (working.kind === 'timeout')
      deps.emit({ type: 'leg-timeout', trade, leg: 'working', orderId: workingId });
    const end = await cancelAndConfirm(deps, trade, workingId, plan.symbol);
    workingOrder = deps.tracker.get(workingId);
    if (end !== 'FILLED') {
      // The pending leg of a cancelled OTO: whether the exchange ends it too is unknown
      // (ALPHA-PROTOCOL.md §4), so make sure it is not left behind.
      await endPendingAfterCancel(deps, trade, pending);
      const totals = totalsOf(workingOrder);
      if (working.kind === 'aborted')
        return {
          kind: 'stopped',
          buyQuote: totals.quote,
          feeQuote: totals.feeQuote,
          pending: null,
        };
      return {
        kind: 'failed',
        code: end === 'UNCONFIRMED' ? 'CANCEL_UNCONFIRMED' : 'WORKING_TIMEOUT',
        reason: {
          code: end === 'UNCONFIRMED' ? 'CANCEL_UNCONFIRMED' : 'WORKING_TIMEOUT',
          orderId: workingId,
        },
        buyQuote: totals.quote,
        feeQuote: totals.feeQuote,
        pending: null,
      };
    }
  } else if (working.order.latest.status !== 'FILLED') {
    const status = working.order.latest.status;
    await endPendingAfterCancel(deps, trade, pending);
    const totals = totalsOf(working.order);
    return {
      kind: 'failed',
      code: `WORKING_${status}`,
      reason: { code: 'WORKING_ENDED', orderId: workingId, status },
      buyQuote: totals.quote,
      feeQuote: totals.feeQuote,
      pending: null,
    };
  }
  const buy = totalsOf(workingOrder);
  deps.emit({
    type: 'leg-filled',
    trade,
    leg: 'working',
    orderId: workingId,
    quantity: buy.quantity.toFixed(),
    quoteUsdt: buy.quote.toFixed(),
    feeUsdt: buy.feeQuote.toFixed(),
  });
  warnUnvalued(deps.logger, buy.unvaluedFeeAssets);

  const sell = await deps.tracker.waitForStatus(
    pending.orderId,
    TERMINAL,
    deps.legTimeoutMs,
    deps.stopSignal,
  );
  if (sell.kind === 'reached' && sell.order.latest.status === 'FILLED') {
    const totals = totalsOf(sell.order);
    deps.emit({
      type: 'leg-filled',
      trade,
      leg: 'pending',
      orderId: pending.orderId,
      quantity: totals.quantity.toFixed(),
      quoteUsdt: totals.quote.toFixed(),
      feeUsdt: totals.feeQuote.toFixed(),
    });
    warnUnvalued(deps.logger, totals.unvaluedFeeAssets);
    return {
      kind: 'completed',
      buyQuote: buy.quote,
      sellQuote: totals.quote,
      feeQuote: buy.feeQuote.plus(totals.feeQuote),
      sellFeeQuote: totals.feeQuote,
      pending,
    };
  }
  if (sell.kind === 'timeout')
    deps.emit({ type: 'leg-timeout', trade, leg: 'pending', orderId: pending.orderId });
  if (sell.kind === 'reached') {
    // The SELL ended without a full fill (cancelled elsewhere, expired): the bought tokens
    // stay in the wallet. Volume still counts; say what happened.
    const status = sell.order.latest.status;
    deps.logger.warn('pending sell ended without a fill', {
      trade,
      orderId: pending.orderId,
      status,
    });
    return {
      kind: 'failed',
      code: `PENDING_${status}`,
      reason: { code: 'PENDING_ENDED', orderId: pending.orderId, status },
      buyQuote: buy.quote,
      feeQuote: buy.feeQuote,
      pending: null,
    };
  }
  const partial = totalsOf(sell.order);
  return {
    kind: 'pending-open',
    buyQuote: buy.quote,
    sellQuote: zero,
    feeQuote: buy.feeQuote.plus(partial.feeQuote),
    sellFeeQuote: partial.feeQuote,
    pending,
  };
}

/** Says (in the log) which fee assets were left out of the cost. */
export function warnUnvalued(logger: Logger, assets: string[]): void {
  if (assets.length > 0)
    logger.warn('fees paid in an asset we cannot value are left out of the cost', { assets });
}

/** The status a cancelled order ended in, or UNCONFIRMED. */
type CancelEnd = 'CANCELED' | 'FILLED' | 'GONE' | 'UNCONFIRMED';

/**
 * Cancels `orderId` and confirms it: first through the stream (a terminal status), then, since
 * what a cancel looks like on the stream is unknown (ALPHA-PROTOCOL.md §4), through REST
 * open orders (gone from the list = ended). A cancel that fails because the order just filled
 * is not an error: the fill is reported.
 */
export async function cancelAndConfirm(
  deps: TradeExecutorDeps,
  trade: number,
  orderId: string,
  symbol: string,
): Promise<CancelEnd> {
  let cancelError: unknown;
  try {
    await deps.rest.cancelOrder({ orderId, symbol });
  } catch (error) {
    if (isAuthRejection(error)) throw new AuthStop(error);
    cancelError = error;
  }
  const seen = await deps.tracker.waitForStatus(orderId, TERMINAL, deps.cancelConfirmTimeoutMs);
  if (seen.kind === 'reached') {
    const status = seen.order.latest.status;
    if (status === 'FILLED') return 'FILLED';
    deps.emit({ type: 'order-canceled', trade, orderId, confirmedBy: 'stream' });
    return 'CANCELED';
  }
  try {
    const open = await deps.rest.getOpenOrders();
    if (!open.some((row) => String(row.orderId) === orderId)) {
      deps.emit({ type: 'order-canceled', trade, orderId, confirmedBy: 'rest' });
      return 'GONE';
    }
  } catch (error) {
    if (isAuthRejection(error)) throw new AuthStop(error);
    deps.logger.warn('open orders could not be read to confirm a cancel', {
      orderId,
      code: errorCodeOf(error),
    });
  }
  deps.logger.error('cancel not confirmed', {
    orderId,
    code: cancelError === undefined ? null : errorCodeOf(cancelError),
  });
  return 'UNCONFIRMED';
}

async function endPendingAfterCancel(
  deps: TradeExecutorDeps,
  trade: number,
  pending: PendingLegRef,
): Promise<void> {
  if (
    deps.tracker.get(pending.orderId) &&
    TERMINAL.has(deps.tracker.get(pending.orderId)!.latest.status)
  )
    return;
  try {
    const open = await deps.rest.getOpenOrders();
    if (!open.some((row) => String(row.orderId) === pending.orderId)) return;
  } catch (error) {
    if (isAuthRejection(error)) throw new AuthStop(error);
  }
  await cancelAndConfirm(deps, trade, pending.orderId, pending.symbol);
}
