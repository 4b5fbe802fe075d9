import type { Clock } from '../core/ports/clock.ts';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import { Emitter } from '../../shared/event/emitter.ts';
import type { AccountState } from './accounts.ts';
import { Big, floorToStep } from './decimal.ts';
import { SimBusinessError, SimErrorCode } from './errors.ts';
import { buildExecutionReport, type ExecutionType } from './execution-report.ts';
import { FillEngine, type FillOptions } from './fill-engine.ts';
import type { Market, MarketToken } from './market.ts';
import { isFinal, isWorking, type Side, type SimOrder } from './order-model.ts';
import type { LimitRequest, OtoRequest } from './order-validation.ts';
import type { Random } from './random.ts';
import { IdSequences } from './id-sequences.ts';
import { createOrder, lockFor, type OrderExtras } from './order-factory.ts';

/** Something to push to every live listen key of `userId`. */
export interface UserPush {
  userId: string;
  data: Record<string, unknown>;
}

export type MatchingOptions = FillOptions;

/**
 * Orders: placement, OTO life cycle, cancel, and the executionReport frames each step
 * pushes. Fills themselves (when and how much) are in fill-engine.ts.
 */
export class MatchingEngine implements Disposable {
  private readonly orders = new Map<string, SimOrder>();
  /** Orders not yet final, so price ticks in long accelerated runs do not scan all history. */
  private readonly open = new Set<SimOrder>();
  private readonly ids = new IdSequences();
  private readonly fills: FillEngine;
  private readonly onDidPushEmitter = new Emitter<UserPush>({ name: 'sim-matching-engine.push' });
  /** A frame for the user's stream, in the order the exchange emits them. */
  readonly onDidPush = this.onDidPushEmitter.event;

  constructor(
    private readonly clock: Clock,
    private readonly market: Market,
    random: Random,
    private readonly accounts: (userId: string) => AccountState | undefined,
    options: MatchingOptions,
  ) {
    this.fills = new FillEngine(clock, market, random, this.ids, options, {
      emit: (order, type, times, fill) => this.emit(order, type, times, fill),
      balancesOf: (order) => this.require(order.userId).balances,
      onCompleted: (order, times) => this.onCompleted(order, times),
      openOrdersOf: (symbol) =>
        this.openOrders().filter((o) => o.symbol === symbol && isWorking(o)),
    });
  }

  /** Fires for every fill (user volume listens). */
  get onDidFill() {
    return this.fills.onDidFill;
  }

  /** Places a plain LIMIT order; returns it after its NEW frame was pushed. */
  placeLimit(account: AccountState, request: LimitRequest): SimOrder {
    this.checkOrderCount(account.userId, request.token, 1);
    const locked = lockFor(account, request.token, request.side, request.price, request.quantity);
    const now = this.clock.now();
    const order = this.newOrder(
      account.userId,
      request.token,
      request.side,
      request.price,
      request.quantity,
      {
        orderListId: '-1',
        position: undefined,
        linkedOrderId: undefined,
        createdMs: now,
        locked,
      },
    );
    this.emit(order, 'NEW', this.ids.times(now));
    this.fills.consider(order);
    return order;
  }

  /** Places an OTO pair: working NEW and pending PENDING (q "0") in one instant, as captured. */
  placeOto(account: AccountState, request: OtoRequest): { working: SimOrder; pending: SimOrder } {
    this.checkOrderCount(account.userId, request.token, 2);
    const locked = lockFor(
      account,
      request.token,
      request.workingSide,
      request.workingPrice,
      request.workingQuantity,
    );
    const now = this.clock.now();
    const orderListId = this.ids.nextOrderListId();
    const workingId = this.ids.peekOrderId();
    const pendingId = String(Number(workingId) + 1);
    const working = this.newOrder(
      account.userId,
      request.token,
      request.workingSide,
      request.workingPrice,
      request.workingQuantity,
      { orderListId, position: 'OTO_WORKING', linkedOrderId: pendingId, createdMs: now, locked },
    );
    const pending = this.newOrder(
      account.userId,
      request.token,
      opposite(request.workingSide),
      request.pendingPrice,
      new Big(0),
      {
        orderListId,
        position: 'OTO_PENDING',
        linkedOrderId: workingId,
        createdMs: now,
        locked: new Big(0),
      },
    );
    pending.status = 'PENDING';
    pending.workingTimeMs = 0;
    const times = this.ids.times(now);
    this.emit(working, 'NEW', times);
    this.emit(pending, 'NEW', times);
    this.fills.consider(working);
    return { working, pending };
  }

  /**
   * Cancels an order. Cancelling either leg of an OTO whose pending leg has not been activated
   * ends both legs (inferred: never captured; Spot cancels the whole order list).
   */
  cancel(userId: string, orderId: string, symbol?: string): void {
    const order = this.orders.get(orderId);
    if (!order || order.userId !== userId || (symbol !== undefined && symbol !== order.symbol)) {
      throw new SimBusinessError(SimErrorCode.orderNotFound, `Order ${orderId} does not exist.`);
    }
    if (isFinal(order)) {
      throw new SimBusinessError(
        SimErrorCode.orderNotCancelable,
        `Order ${orderId} is already ${order.status}.`,
      );
    }
    this.end(order, 'CANCELED');
  }

  /** Ends an order as EXPIRED or REJECTED (fault injection; inferred frames). */
  endNow(orderId: string, status: 'CANCELED' | 'EXPIRED' | 'REJECTED'): void {
    const order = this.requireOrder(orderId);
    if (isFinal(order))
      throw new SimBusinessError(
        SimErrorCode.orderNotCancelable,
        `Order ${orderId} is already ${order.status}.`,
      );
    this.end(order, status);
  }

  /** Fills a working order now (see FillEngine.fillNow). */
  fillNow(orderId: string, quantity?: string | string[]): void {
    this.fills.fillNow(this.requireOrder(orderId), quantity);
  }

  order(orderId: string): SimOrder | undefined {
    return this.orders.get(orderId);
  }

  /** The account's orders not final yet, newest first, without scanning its history. */
  openOrdersOf(userId: string): SimOrder[] {
    return this.openOrders()
      .filter((o) => o.userId === userId)
      .reverse();
  }

  /** Every order of the account, newest first. */
  ordersOf(userId: string): SimOrder[] {
    return [...this.orders.values()].filter((o) => o.userId === userId).reverse();
  }

  dispose(): void {
    this.fills.dispose();
    this.onDidPushEmitter.dispose();
  }

  private end(order: SimOrder, status: 'CANCELED' | 'EXPIRED' | 'REJECTED'): void {
    const times = this.ids.times(this.clock.now());
    const legs = [order];
    const linked = order.linkedOrderId ? this.orders.get(order.linkedOrderId) : undefined;
    if (linked && !isFinal(linked) && (linked.status === 'PENDING' || order.status === 'PENDING')) {
      legs.push(linked);
    }
    legs.sort((a, b) => Number(a.orderId) - Number(b.orderId));
    for (const leg of legs) {
      this.fills.forget(leg);
      leg.status = status;
      leg.updatedMs = times.transactionTimeMs;
      this.releaseLocked(leg);
      this.emit(leg, status, times);
    }
  }

  /** After a fill completed an order: free what it still held; activate its pending leg. */
  private onCompleted(
    order: SimOrder,
    times: { eventTimeMs: number; transactionTimeMs: number },
  ): void {
    this.releaseLocked(order);
    if (order.position !== 'OTO_WORKING' || !order.linkedOrderId) return;
    const pending = this.orders.get(order.linkedOrderId);
    if (!pending || pending.status !== 'PENDING') return;
    const token = this.market.bySymbol(order.symbol)!;
    const step = new Big(token.listing.rules.stepSize);
    // Captured: 869.56 bought − 0.086956 fee = 869.473044 → 869.47 at step 0.01.
    const baseFee = order.fills
      .filter((f) => f.commissionAsset === order.baseAsset)
      .reduce((s, f) => s.plus(f.commission), new Big(0));
    const qty = floorToStep(order.executedQty.minus(baseFee), step);
    // Captured: activation 1 ms after the fill's E, with the fill's T.
    const activation = {
      eventTimeMs: times.eventTimeMs + 1,
      transactionTimeMs: times.transactionTimeMs,
    };
    this.ids.noteEventTime(activation.eventTimeMs);
    const balances = this.require(pending.userId).balances;
    if (qty.lt(token.listing.rules.minQty)) {
      // inferred: what happens when the activated quantity is below the minimum is unknown.
      pending.status = 'EXPIRED';
      pending.updatedMs = activation.transactionTimeMs;
      this.emit(pending, 'EXPIRED', activation);
      return;
    }
    const lockAsset = pending.side === 'SELL' ? pending.baseAsset : pending.quoteAsset;
    const lockAmount =
      pending.side === 'SELL' ? qty : pending.price.times(qty).round(8, Big.roundUp);
    try {
      balances.lock(lockAsset, lockAmount);
    } catch {
      // inferred: the real exchange's behaviour is unknown; REJECTED keeps the pair consistent.
      pending.status = 'REJECTED';
      pending.updatedMs = activation.transactionTimeMs;
      this.emit(pending, 'REJECTED', activation);
      return;
    }
    pending.locked = lockAmount;
    pending.origQty = qty;
    pending.status = 'NEW';
    pending.workingTimeMs = activation.transactionTimeMs;
    pending.updatedMs = activation.transactionTimeMs;
    this.emit(pending, 'NEW', activation);
    this.fills.consider(pending);
  }

  private emit(
    order: SimOrder,
    executionType: ExecutionType,
    times: { eventTimeMs: number; transactionTimeMs: number },
    fill?: SimOrder['fills'][number],
  ): void {
    const data = buildExecutionReport(order, {
      executionType,
      eventId: this.ids.nextEventId(),
      ...times,
      fill,
    });
    this.onDidPushEmitter.fire({ userId: order.userId, data });
  }

  private releaseLocked(order: SimOrder): void {
    if (order.locked.gt(0)) {
      const balances = this.require(order.userId).balances;
      balances.unlock(order.side === 'BUY' ? order.quoteAsset : order.baseAsset, order.locked);
      order.locked = new Big(0);
    }
  }

  private checkOrderCount(userId: string, token: MarketToken, adding: number): void {
    const open = this.openOrders().filter(
      (o) => o.userId === userId && o.symbol === token.symbol && !isFinal(o),
    ).length;
    if (open + adding > token.listing.rules.maxNumOrders) {
      throw new SimBusinessError(
        SimErrorCode.tooManyOrders,
        `At most ${token.listing.rules.maxNumOrders} open orders per symbol.`,
      );
    }
  }

  private newOrder(
    userId: string,
    token: MarketToken,
    side: Side,
    price: Big,
    qty: Big,
    extra: OrderExtras,
  ): SimOrder {
    const order = createOrder(this.ids.nextOrderId(), userId, token, side, price, qty, extra);
    this.orders.set(order.orderId, order);
    this.open.add(order);
    return order;
  }

  /** Orders not final yet; drops the ones that became final since the last call. */
  private openOrders(): SimOrder[] {
    const out: SimOrder[] = [];
    for (const order of this.open) {
      if (isFinal(order)) this.open.delete(order);
      else out.push(order);
    }
    return out;
  }

  private require(userId: string): AccountState {
    const account = this.accounts(userId);
    if (!account) throw new Error(`Unknown account ${userId}`);
    return account;
  }

  private requireOrder(orderId: string): SimOrder {
    const order = this.orders.get(orderId);
    if (!order)
      throw new SimBusinessError(SimErrorCode.orderNotFound, `Order ${orderId} does not exist.`);
    return order;
  }
}

function opposite(side: Side): Side {
  return side === 'BUY' ? 'SELL' : 'BUY';
}
