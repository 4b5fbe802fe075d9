import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import type { OrderStatus, OrderUpdate } from '../../../shared/domain/order-update.ts';
import { Emitter } from '../../../shared/event/emitter.ts';
import type { Problem } from '../../../shared/reasons/reason.ts';
import { BookedUpdates } from '../../../../test/fakes/booked-updates.ts';
import { sampleOrderUpdate } from '../../../../test/fakes/order-updates.ts';
import { createAcceleratedClock } from '../ports/clock.ts';
import { nullLogger } from '../ports/logger.ts';
import { AlphaApiError } from '../rest/index.ts';
import type {
  AggTickerItem,
  ExchangeSymbolInfo,
  PlaceOtoOrderRequest,
  StrategyRestPort,
} from './strategy-ports.ts';
import { createStrategyRun } from './strategy-run.ts';
import {
  DEFAULT_STRATEGY_PARAMS,
  type StrategyEvent,
  type StrategyParams,
} from './strategy-types.ts';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/protocol/rest');
const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

type Behaviour =
  | 'fill-before-reply'
  | 'fill-after-reply'
  /** Each leg fills in four parts; fill 3's frame is lost, recovered at the next volume read. */
  | 'fill-lost-below-later'
  | 'never-fill'
  /** The BUY fills; the SELL only as its cancel arrives (it fills while the cancel is on its way). */
  | 'sell-fills-on-cancel'
  /**
   * The BUY fills, the SELL never does (the leftover sale sells the tokens); the leftover SELL
   * fills in four parts, fill 3's frame lost and recovered by the end's user-score read.
   */
  | 'leftover-fill-lost-below-later'
  /** The same, every fill of the leftover SELL arriving. */
  | 'leftover-fills-whole'
  /** As 'leftover-fill-lost-below-later', the leftover SELL's fees charged in BNB. */
  | 'leftover-bnb-fill-lost-below-later'
  | 'session-expired';

/**
 * A small in-memory exchange: enough of the REST port and the order stream (through a real
 * order book, as a monitor hands it on) to drive the loop. Volume counts filled BUY quote,
 * like the simulator's default rule.
 */
class FakeAlpha {
  readonly updates = new BookedUpdates();
  /** Fills whose frames were lost, as reconciliation backfills them (fill-holes.ts). */
  private readonly lost: OrderUpdate[] = [];
  readonly placed: PlaceOtoOrderRequest[] = [];
  readonly canceled: string[] = [];
  /** Plain orders placed (the leftover sale). */
  readonly sold: Array<{ side: string; quantity: string }> = [];
  /** The account's token balance: 100 held before the run, plus what the run bought and kept. */
  free = new Big(100);
  private readonly requests = new Map<string, PlaceOtoOrderRequest>();
  /** Orders placed alone (the leftover sale), not legs of an OTO pair. */
  private readonly plain = new Set<string>();
  readonly open = new Map<string, { status: OrderStatus }>();
  volume = new Big(0);
  private nextId = 1000;
  private eventId = 1;

  constructor(public behaviour: Behaviour) {}

  readonly rest: StrategyRestPort = {
    getAggTicker24: async () => fixture<AggTickerItem[]>('agg-ticker24.entries.KOGE-ALEO-AOP.json'),
    getExchangeInfo: async () => ({
      symbols: fixture<ExchangeSymbolInfo[]>(
        'exchange-info.symbols.ALPHA_22USDT-ALPHA_373USDT.json',
      ),
    }),
    getUserVolume: async () => {
      this.recoverLost();
      return {
        totalVolume: this.volume.toFixed(),
        tradeVolumeInfoList: [{ tokenName: 'KOGE', volume: this.volume.toFixed() }],
      };
    },
    placeOtoOrder: async (request) => {
      if (this.behaviour === 'session-expired') {
        throw new AlphaApiError('SESSION_EXPIRED', 'Session expired: log in again', {
          apiCode: '100002001',
        });
      }
      this.placed.push(request);
      const working = String(this.nextId++);
      const pending = String(this.nextId++);
      this.open.set(working, { status: 'NEW' });
      this.open.set(pending, { status: 'PENDING' });
      this.push(working, 'BUY', 'NEW', 'NEW', request);
      this.push(pending, 'SELL', 'NEW', 'PENDING', request);
      const fill = () => {
        this.push(working, 'BUY', 'TRADE', 'FILLED', request);
        this.volume = this.volume.plus(
          new Big(request.workingPrice).times(request.workingQuantity),
        );
        this.push(pending, 'SELL', 'TRADE', 'FILLED', request);
      };
      const fillInParts = () => {
        this.fillInParts(working, 'BUY', request);
        this.volume = this.volume.plus(
          new Big(request.workingPrice).times(request.workingQuantity),
        );
        this.fillInParts(pending, 'SELL', request);
      };
      // The stream may deliver the fill before the REST reply: the original lost those.
      if (this.behaviour === 'fill-before-reply') fill();
      else if (this.behaviour === 'fill-after-reply') setTimeout(fill, 5);
      else if (this.behaviour === 'fill-lost-below-later') setTimeout(fillInParts, 5);
      else if (this.leftoverBehaviour()) {
        setTimeout(() => {
          this.push(working, 'BUY', 'TRADE', 'FILLED', request);
          this.volume = this.volume.plus(
            new Big(request.workingPrice).times(request.workingQuantity),
          );
        }, 5);
      } else if (this.behaviour === 'sell-fills-on-cancel') {
        this.requests.set(pending, request);
        setTimeout(() => {
          this.push(working, 'BUY', 'TRADE', 'FILLED', request);
          this.volume = this.volume.plus(
            new Big(request.workingPrice).times(request.workingQuantity),
          );
        }, 5);
      }
      return { workingOrderId: working, pendingOrderId: pending };
    },
    getAlphaWallet: async () => ({
      totalValuation: '0',
      list: [{ tokenId: 'ALPHA_22', free: this.free.toFixed() } as never],
    }),
    placeOrder: async (request) => {
      this.sold.push({ side: request.side, quantity: request.quantity });
      const orderId = String(this.nextId++);
      if (this.leftoverBehaviour()) {
        this.plain.add(orderId);
        this.open.set(orderId, { status: 'NEW' });
        const asOto = {
          workingQuantity: request.quantity,
          workingPrice: request.price,
          pendingPrice: request.price,
        } as PlaceOtoOrderRequest;
        setTimeout(() => {
          this.push(orderId, 'SELL', 'NEW', 'NEW', asOto);
          this.fillInParts(orderId, 'SELL', asOto, this.behaviour !== 'leftover-fills-whole');
        }, 5);
      }
      return orderId;
    },
    // Read at the end, after the leftover sale: reconciliation has recovered the lost fill by then.
    getUserScore: async () => {
      this.recoverLost();
      return { days: [] } as unknown as Awaited<
        ReturnType<NonNullable<StrategyRestPort['getUserScore']>>
      >;
    },
    cancelOrder: async ({ orderId }) => {
      const request = this.requests.get(orderId);
      if (request) {
        // Filled just before the cancel reached it.
        this.requests.delete(orderId);
        this.push(orderId, 'SELL', 'TRADE', 'FILLED', request);
        throw new Error('Unknown order sent.');
      }
      this.canceled.push(orderId);
      const order = this.open.get(orderId);
      if (order) order.status = 'CANCELED';
      this.open.delete(orderId);
    },
    getOpenOrders: async () =>
      [...this.open.keys()].map(
        (orderId) =>
          ({ orderId }) as unknown as Awaited<
            ReturnType<StrategyRestPort['getOpenOrders']>
          >[number],
      ),
  };

  private push(
    orderId: string,
    side: 'BUY' | 'SELL',
    x: OrderUpdate['executionType'],
    status: OrderStatus,
    request: PlaceOtoOrderRequest,
  ): void {
    const filled = status === 'FILLED' ? request.workingQuantity : '0';
    this.updates.push(this.update(orderId, side, x, status, request, filled, filled));
  }

  private leftoverBehaviour(): boolean {
    return (
      this.behaviour === 'leftover-fill-lost-below-later' ||
      this.behaviour === 'leftover-bnb-fill-lost-below-later' ||
      this.behaviour === 'leftover-fills-whole'
    );
  }

  /** Four fills of a quarter each; fill 3's frame is lost below fill 4, which ends the order. */
  private fillInParts(
    orderId: string,
    side: 'BUY' | 'SELL',
    request: PlaceOtoOrderRequest,
    loseThird = true,
  ) {
    const part = new Big(request.workingQuantity).div(4);
    for (const n of [1, 2, 3, 4]) {
      const status = n === 4 ? 'FILLED' : 'PARTIALLY_FILLED';
      const cumulative = part.times(n).toFixed();
      const update = this.update(
        orderId,
        side,
        'TRADE',
        status,
        request,
        part.toFixed(),
        cumulative,
      );
      if (n === 3 && loseThird) this.lost.push(update);
      else this.updates.push(update);
    }
  }

  /** Backfills the lost fills as reconciliation does: each with its order's last event id. */
  private recoverLost(): void {
    for (const update of this.lost.splice(0)) {
      const last = this.updates.book.ended(update.orderId)?.eventId ?? update.eventId;
      this.updates.push({ ...update, eventId: last }, 'backfill');
    }
  }

  private update(
    orderId: string,
    side: 'BUY' | 'SELL',
    x: OrderUpdate['executionType'],
    status: OrderStatus,
    request: PlaceOtoOrderRequest,
    lastQty: string,
    cumulativeQty: string,
  ): OrderUpdate {
    if (status === 'FILLED') this.open.delete(orderId);
    const price = side === 'BUY' ? request.workingPrice : request.pendingPrice;
    const qty = request.workingQuantity;
    const quoteOf = (base: string) => new Big(price).times(base).toFixed();
    const fee = (base: string) =>
      side === 'BUY'
        ? new Big(base).times('0.0001').toFixed()
        : new Big(quoteOf(base)).times('0.0001').toFixed();
    const filled = x === 'TRADE';
    return sampleOrderUpdate({
      eventTimeMs: 0,
      transactionTimeMs: 0,
      updateTimeMs: 0,
      orderCreationTimeMs: 0,
      symbol: 'ALPHA_22USDT',
      baseAsset: 'ALPHA_22',
      side,
      quantity: qty,
      price,
      avgPrice: price,
      executionType: x,
      status,
      orderId,
      lastFilledQty: lastQty,
      cumulativeFilledQty: cumulativeQty,
      lastFilledPrice: price,
      commission: filled ? fee(lastQty) : null,
      commissionAsset: filled ? (side === 'BUY' ? 'ALPHA_22' : 'USDT') : null,
      cumulativeQuoteQty: quoteOf(cumulativeQty),
      lastQuoteQty: quoteOf(lastQty),
      eventId: this.eventId++,
      orderListId: '1',
      contingencyType: 'OTO',
      contingencyPosition: side === 'BUY' ? 'OTO_WORKING' : 'OTO_PENDING',
      ...(this.plain.has(orderId)
        ? { orderListId: null, contingencyType: null, contingencyPosition: null }
        : {}),
      ...(this.plain.has(orderId) &&
      filled &&
      this.behaviour === 'leftover-bnb-fill-lost-below-later'
        ? { commission: '0.0001', commissionAsset: 'BNB' }
        : {}),
    });
  }
}

function params(overrides: Partial<StrategyParams> = {}): StrategyParams {
  return {
    ...DEFAULT_STRATEGY_PARAMS,
    token: 'KOGE',
    chain: 'BSC',
    targetVolumeUsdt: '20',
    amountUsdt: '10',
    intervalMs: 100,
    legTimeoutMs: 60_000,
    volumeRule: 'mulPoint',
    maxLossUsdt: null,
    cancelPendingAtEnd: false,
    dryRun: false,
    ...overrides,
  };
}

function runAgainst(alpha: FakeAlpha, p: StrategyParams, sessionFailures?: Emitter<Problem>) {
  // 1000× faster than real time: a 60 s leg timeout takes 60 ms.
  const clock = createAcceleratedClock({ speed: 1000 });
  const run = createStrategyRun(
    {
      rest: alpha.rest,
      orderUpdates: alpha.updates.event,
      clock,
      logger: nullLogger,
      sessionFailures: sessionFailures?.event,
    },
    p,
  );
  const events: StrategyEvent[] = [];
  run.onDidEvent((e) => events.push(e));
  return { run, events };
}

describe('strategy run (in-memory exchange)', () => {
  it('sees a fill that arrives before the place reply, and stops once the target is reached', async () => {
    const alpha = new FakeAlpha('fill-before-reply');
    const { run, events } = runAgainst(alpha, params());
    const summary = await run.start();
    expect(summary.outcome).toBe('target-reached');
    // Each buy is a bit under 10 USDT after rounding to the lot step, so 3 trades reach 20.
    expect(alpha.placed).toHaveLength(3);
    expect(new Big(summary.volume).gte(20)).toBe(true);
    const lastPlaced = events.filter((e) => e.type === 'order-placed').at(-1)!;
    expect(
      new Big(lastPlaced.type === 'order-placed' ? lastPlaced.doneBeforeUsdt : '0').lt(20),
    ).toBe(true);
    expect(summary.fills).toBe(6);
    expect(new Big(summary.fees).gt(0)).toBe(true);
  });

  it('counts the fee of a fill recovered below a later one, after its leg was reported: the same fees, cost and wear as a run whose fills all arrived', async () => {
    const lossy = new FakeAlpha('fill-lost-below-later');
    const { run, events } = runAgainst(lossy, params());
    const summary = await run.start();
    expect(summary.outcome).toBe('target-reached');
    expect(lossy.placed).toHaveLength(3);
    // Every fill's fee once: the BUY's 0.01 % of its quantity in the token at the buy price,
    // the SELL's 0.01 % of its quote.
    const fees = lossy.placed.reduce(
      (sum, r) =>
        sum
          .plus(new Big(r.workingQuantity).times('0.0001').times(r.workingPrice))
          .plus(new Big(r.workingQuantity).times(r.pendingPrice).times('0.0001')),
      new Big(0),
    );
    expect(summary.fees).toBe(fees.toFixed());
    // The legs were reported without fill 3 (its fee came later, as a backfill).
    const reported = events.flatMap((e) => (e.type === 'leg-filled' ? [new Big(e.feeUsdt)] : []));
    expect(reported.reduce((a, b) => a.plus(b), new Big(0)).lt(fees)).toBe(true);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ feesUsdt: fees.toFixed() });

    const whole = new FakeAlpha('fill-after-reply');
    const reference = await runAgainst(whole, params()).run.start();
    expect(whole.placed).toEqual(lossy.placed);
    expect(summary).toMatchObject({
      fees: reference.fees,
      cost: reference.cost,
      wearUsdt: reference.wearUsdt,
      wearBps: reference.wearBps,
      volume: reference.volume,
    });
  });

  it("a pending SELL that fills only at the end is the run's: its fee and wear count, and the leftover sale never sells the tokens held before", async () => {
    const alpha = new FakeAlpha('sell-fills-on-cancel');
    const { run, events } = runAgainst(
      alpha,
      params({ targetVolumeUsdt: '5', legTimeoutMs: 30_000, sellLeftovers: true }),
    );
    const summary = await run.start();
    expect(alpha.placed).toHaveLength(1);
    const [request] = alpha.placed;
    // The SELL filled as the run ended: nothing of the run is left to sell.
    expect(summary.leftovers).toMatchObject({ outcome: 'none' });
    expect(alpha.sold).toEqual([]);
    const buyFee = new Big(request!.workingQuantity).times('0.0001').times(request!.workingPrice);
    const sellQuote = new Big(request!.workingQuantity).times(request!.pendingPrice);
    const sellFee = sellQuote.times('0.0001');
    expect(summary.fees).toBe(buyFee.plus(sellFee).toFixed());
    // Wear = paid − received + fees, the round trip complete.
    const paid = new Big(request!.workingQuantity).times(request!.workingPrice);
    expect(summary.wearUsdt).toBe(
      paid.minus(sellQuote).plus(buyFee).plus(sellFee).round(8).toFixed(),
    );
    expect(summary.fills).toBe(2);
    expect(events.some((e) => e.type === 'leg-timeout' && e.leg === 'pending')).toBe(true);
  });

  it("counts the fee of a leftover SELL's fill recovered after the sale's result: the same fees and wear as a sale whose fills all arrived", async () => {
    const sell = (behaviour: Behaviour) => {
      const alpha = new FakeAlpha(behaviour);
      const p = params({ targetVolumeUsdt: '5', legTimeoutMs: 300, sellLeftovers: true });
      return { alpha, ...runAgainst(alpha, p) };
    };
    const lossy = sell('leftover-fill-lost-below-later');
    const summary = await lossy.run.start();
    expect(lossy.alpha.sold).toHaveLength(1);
    const { quantity } = lossy.alpha.sold[0]!;
    expect(summary.leftovers).toMatchObject({ outcome: 'sold', soldQuantity: quantity });
    // The sale was reported without fill 3's fee: it came later, as a backfill.
    const reported = lossy.events.find((e) => e.type === 'leftovers');
    const whole = sell('leftover-fills-whole');
    const reference = await whole.run.start();
    expect(whole.alpha.sold).toEqual(lossy.alpha.sold);
    const allFees = reference.leftovers!.feeUsdt!;
    expect(reported).toMatchObject({ type: 'leftovers', outcome: 'sold' });
    expect(new Big((reported as { feeUsdt: string }).feeUsdt).lt(allFees)).toBe(true);
    expect(summary.leftovers!.feeUsdt).toBe(allFees);
    expect(summary).toMatchObject({
      fees: reference.fees,
      cost: reference.cost,
      wearUsdt: reference.wearUsdt,
      wearBps: reference.wearBps,
    });
    expect(lossy.events.filter((e) => e.type === 'progress').at(-1)).toMatchObject({
      feesUsdt: reference.fees,
    });
  });

  it("states a leftover SELL's fees charged in BNB in BNB, the one recovered late included, apart from the USDT fee", async () => {
    const alpha = new FakeAlpha('leftover-bnb-fill-lost-below-later');
    const { run, events } = runAgainst(
      alpha,
      params({ targetVolumeUsdt: '5', legTimeoutMs: 300, sellLeftovers: true }),
    );
    const summary = await run.start();
    expect(events.find((e) => e.type === 'leftovers')).toMatchObject({
      outcome: 'sold',
      unvaluedFees: [{ asset: 'BNB', amount: '0.0003' }],
    });
    expect(summary.leftovers).toMatchObject({
      outcome: 'sold',
      feeUsdt: '0',
      unvaluedFees: [{ asset: 'BNB', amount: '0.0004' }],
    });
  });

  it('cancels a working leg that never fills, confirms it, and stops after N failures in a row', async () => {
    const alpha = new FakeAlpha('never-fill');
    const { run, events } = runAgainst(
      alpha,
      params({ maxConsecutiveFailures: 2, cancelConfirmTimeoutMs: 10 }),
    );
    const summary = await run.start();
    expect(summary).toMatchObject({
      outcome: 'too-many-failures',
      reason: { code: 'TOO_MANY_FAILURES', failures: 2, last: { code: 'WORKING_TIMEOUT' } },
    });
    expect(alpha.placed).toHaveLength(2);
    const workingIds = events.flatMap((e) => (e.type === 'order-placed' ? [e.workingOrderId] : []));
    expect(alpha.canceled).toEqual(expect.arrayContaining(workingIds));
    expect(
      events
        .filter((e) => e.type === 'order-canceled')
        .map((e) => (e.type === 'order-canceled' ? e.orderId : '')),
    ).toEqual(expect.arrayContaining(workingIds));
    expect(alpha.open.size).toBe(0);
  });

  it('stops at once when the session is rejected', async () => {
    const alpha = new FakeAlpha('session-expired');
    const { run } = runAgainst(alpha, params());
    const summary = await run.start();
    expect(summary).toMatchObject({
      outcome: 'auth-rejected',
      reasonCode: 'SESSION_EXPIRED',
      trades: 1,
    });
  });

  it('stops at once, cancelling the open buy, when the stream reports the session lost', async () => {
    const alpha = new FakeAlpha('never-fill');
    const failures = new Emitter<Problem>({ name: 'test.failures' });
    // A leg timeout of 10 virtual hours: only the session loss can end this run in time.
    const { run } = runAgainst(
      alpha,
      params({ legTimeoutMs: 36_000_000, cancelConfirmTimeoutMs: 10 }),
      failures,
    );
    let workingId = '';
    run.onDidPlaceOrder((e) => {
      workingId = e.workingOrderId;
      failures.fire({ code: 'SESSION_EXPIRED', reason: { code: 'SESSION_EXPIRED' } });
    });
    const summary = await run.start();
    expect(summary).toMatchObject({
      outcome: 'auth-rejected',
      reasonCode: 'SESSION_EXPIRED',
      trades: 1,
    });
    expect(alpha.canceled).toContain(workingId);
  });

  it('dry run plans the orders and places none', async () => {
    const alpha = new FakeAlpha('fill-before-reply');
    const { run, events } = runAgainst(alpha, params({ dryRun: true }));
    const summary = await run.start();
    expect(summary.outcome).toBe('dry-run');
    expect(alpha.placed).toHaveLength(0);
    // 20 USDT at about 9.95 a trade: two full trades, then one for what remains.
    const planned = events.flatMap((e) => (e.type === 'order-planned' ? [e.plan] : []));
    expect(planned).toHaveLength(3);
    expect(new Big(planned[2]!.paymentAmount).lt(planned[0]!.paymentAmount)).toBe(true);
  });

  it('stop() while a working leg is open cancels it before finishing', async () => {
    const alpha = new FakeAlpha('never-fill');
    const { run } = runAgainst(alpha, params({ cancelConfirmTimeoutMs: 10 }));
    const placed = new Promise<string>((resolve) =>
      run.onDidPlaceOrder((e) => resolve(e.workingOrderId)),
    );
    const done = run.start();
    const workingId = await placed;
    await run.stop();
    const summary = await done;
    expect(summary.outcome).toBe('stopped');
    expect(alpha.canceled).toContain(workingId);
  });

  it('stops when realised cost reaches --max-loss', async () => {
    const alpha = new FakeAlpha('fill-after-reply');
    const { run } = runAgainst(
      alpha,
      params({ targetVolumeUsdt: '1000', maxLossUsdt: '0.05', sellOffsetPct: '1' }),
    );
    const summary = await run.start();
    expect(summary).toMatchObject({
      outcome: 'max-loss',
      reason: {
        code: 'MAX_LOSS',
        maxLossUsdt: '0.05',
        costUsdt: expect.stringMatching(/^\d+\.\d{4}$/),
      },
    });
    // One trade loses ~1 % of 10 USDT = 0.1 ≥ 0.05.
    expect(summary.trades).toBe(1);
    expect(new Big(summary.cost).gte('0.05')).toBe(true);
  });

  it('refuses a token that is not on the chain before placing anything', async () => {
    const alpha = new FakeAlpha('fill-before-reply');
    const { run } = runAgainst(alpha, params({ chain: 'ETH' }));
    const summary = await run.start();
    expect(summary).toMatchObject({
      outcome: 'failed',
      reasonCode: 'TOKEN_NOT_FOUND',
      reason: { code: 'TOKEN_NOT_FOUND', token: 'KOGE', chain: 'ETH', listedOn: 'BSC' },
      trades: 0,
    });
    expect(alpha.placed).toHaveLength(0);
  });
});
