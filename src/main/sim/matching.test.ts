import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { startSimulator, type Simulator, type SimulatorOptions } from './index.ts';
import { typeMap } from './testing/json-shape.ts';
import { obtainListenKey, placeRestingOto, subscribedSocket } from './testing/demo-session.ts';
import {
  callRest,
  isExecutionReport,
  pushData,
  type RecordingSocket,
} from './testing/sim-test-client.ts';

const CAPTURED_NEW = (
  JSON.parse(
    readFileSync(
      new URL(
        '../../../test/fixtures/protocol/ws/oto-buy-fill-then-sell-fill.jsonl',
        import.meta.url,
      ),
      'utf8',
    ).split('\n')[0]!,
  ) as { data: Record<string, unknown> }
).data;

const DEFI = '/bapi/defi/v1/private';
const reports = (s: RecordingSocket) => s.frames.filter(isExecutionReport).map((f) => pushData(f)!);

describe('matching', () => {
  let clock: FakeClock;
  let sim: Simulator;
  let stream: RecordingSocket;
  const get = async (path: string) =>
    (await callRest(sim.restUrl, 'GET', path, { credentials: sim.demoAccount.credentials })).body;
  const post = async (path: string, body: unknown) =>
    (await callRest(sim.restUrl, 'POST', path, { credentials: sim.demoAccount.credentials, body }))
      .body;
  const placeLimit = async (side: 'BUY' | 'SELL', price: string, quantity: string) => {
    const reply = await post('/bapi/asset/v1/private/alpha-trade/order/place', {
      baseAsset: 'ALPHA_373',
      quoteAsset: 'USDT',
      side,
      price,
      quantity,
      orderType: 'LIMIT',
      paymentDetails: [{ amount: '1', paymentWalletType: side === 'BUY' ? 'CARD' : 'ALPHA' }],
    });
    expect(reply.success).toBe(true);
    return reply.data as string;
  };
  const start = async (options: SimulatorOptions = {}) => {
    sim = await startSimulator({
      clock,
      fillDelayMs: 1_000,
      priceStepFraction: 0,
      splitFillProbability: 0,
      partialFillProbability: 0,
      ...options,
    });
    stream = await subscribedSocket(sim, await obtainListenKey(sim));
  };
  beforeEach(() => {
    clock = new FakeClock();
  });
  afterEach(async () => {
    await stream.close();
    await sim.dispose();
  });

  it('cancelling the working leg ends the pending leg too, with frames in the captured key set', async () => {
    await start();
    const { workingOrderId, pendingOrderId } = await placeRestingOto(sim);
    expect(
      (
        await post(`${DEFI}/alpha-trade/order/cancel`, {
          orderId: String(workingOrderId),
          symbol: 'ALPHA_373USDT',
        })
      ).success,
    ).toBe(true);
    await stream.waitForCount(isExecutionReport, 4);
    const [, , working, pending] = reports(stream);
    expect([working!.i, working!.x, working!.X]).toEqual([
      String(workingOrderId),
      'CANCELED',
      'CANCELED',
    ]);
    expect([pending!.i, pending!.x, pending!.X]).toEqual([
      String(pendingOrderId),
      'CANCELED',
      'CANCELED',
    ]);
    expect(typeMap(working!)).toEqual(typeMap(CAPTURED_NEW));
    expect(await get(`${DEFI}/alpha-trade/order/get-open-order?side=`)).toMatchObject({ data: [] });
    const history = (
      await get(`${DEFI}/alpha-trade/order/get-order-history-merge?orderStatus=CANCELED`)
    ).data as Array<Record<string, unknown>>;
    expect(history.map((r) => r.orderId).sort()).toEqual(
      [String(workingOrderId), String(pendingOrderId)].sort(),
    );
  });

  it('a plain LIMIT rests until the market reaches it, then fills at the market price', async () => {
    await start();
    const orderId = await placeLimit('BUY', '0.2', '100');
    await clock.advance(5_000);
    expect(reports(stream).map((r) => r.X)).toEqual(['NEW']);
    expect(reports(stream)[0]).toMatchObject({ il: '-1', ct: '', cp: '' });
    expect(typeMap(reports(stream)[0]!)).toEqual(typeMap(CAPTURED_NEW));
    sim.market.setPrice('ALPHA_373USDT', '0.19876543');
    await clock.advance(1_000);
    const fill = pushData(await stream.waitFor((f) => pushData(f)?.x === 'TRADE'))!;
    expect(fill).toMatchObject({
      i: orderId,
      X: 'FILLED',
      L: '0.19876543',
      l: '100.00000000',
      N: 'ALPHA_373',
      n: '0.01000000',
    });
  });

  it('a partial fill shows PARTIALLY_FILLED everywhere, and a cancel keeps what was filled', async () => {
    await start();
    const orderId = await placeLimit('BUY', '0.2', '100');
    sim.orders.fillNow(orderId, '40');
    const partial = pushData(await stream.waitFor((f) => pushData(f)?.X === 'PARTIALLY_FILLED'))!;
    expect(partial).toMatchObject({ l: '40', z: '40', q: '100.00000000' });
    const open = (await get(`${DEFI}/alpha-trade/order/get-open-order`)).data as Array<
      Record<string, unknown>
    >;
    expect(open).toEqual([
      expect.objectContaining({
        orderId,
        status: 'PARTIALLY_FILLED',
        executedQty: '40',
        origQty: '100',
      }),
    ]);
    await post(`${DEFI}/alpha-trade/order/cancel`, { orderId, symbol: 'ALPHA_373USDT' });
    const canceled = pushData(await stream.waitFor((f) => pushData(f)?.X === 'CANCELED'))!;
    expect(canceled).toMatchObject({ z: '40.00000000', x: 'CANCELED', l: '0', t: '0' });
    const history = (await get(`${DEFI}/alpha-trade/order/get-order-history-merge`)).data as Array<
      Record<string, unknown>
    >;
    expect(history.find((r) => r.orderId === orderId)).toMatchObject({
      status: 'CANCELED',
      executedQty: '40',
    });
  });

  it('history and user trades agree with what was pushed', async () => {
    await start({ splitFillProbability: 1 });
    const { pendingOrderId } = await placeRestingOto(sim, sim.demoAccount, '0.25');
    await clock.advance(1_000); // working fills (in two frames)
    await clock.advance(1_000); // pending (a market sell at 0.0001) fills (in two frames)
    await stream.waitFor(
      (f) => pushData(f)?.i === String(pendingOrderId) && pushData(f)?.X === 'FILLED',
    );
    const pushes = reports(stream).filter((r) => r.i === String(pendingOrderId) && r.x === 'TRADE');
    expect(pushes).toHaveLength(2);
    expect(pushes[0]!.t).toBe(pushes[1]!.t);
    const last = pushes[1]!;
    const trades = (
      await get(
        `${DEFI}/alpha-trade/order/get-user-trades?orderId=${pendingOrderId}&symbol=ALPHA_373USDT`,
      )
    ).data as Array<Record<string, unknown>>;
    expect(trades).toHaveLength(2);
    expect(trades.map((t) => t.tradeId)).toEqual([last.t, last.t]);
    expect(trades.map((t) => t.qty).sort()).toEqual(
      pushes.map((p) => Number(p.l).toFixed(2)).sort(),
    );
    expect(trades.find((t) => t.lastTrade)!.qty).toBe(Number(last.l).toFixed(2));
    const row = (
      (await get(`${DEFI}/alpha-trade/order/get-order-history-merge?orderStatus=FILLED`))
        .data as Array<Record<string, unknown>>
    ).find((r) => r.orderId === String(pendingOrderId))!;
    expect([row.executedQty, row.cumQuote, row.origQty]).toEqual([
      String(Number(last.z)),
      String(Number(last.Z)),
      String(Number(last.q)),
    ]);
  });

  it.each([
    ['raw', 1],
    ['mulPoint', 4],
  ] as const)("user-volume counts BUY fills' quote value (%s rule)", async (rule, factor) => {
    await start({ userVolumeRule: rule });
    const volumePath = '/bapi/defi/v1/private/wallet-direct/buw/wallet/today/user-volume';
    expect((await get(volumePath)).data).toEqual({ totalVolume: 0, tradeVolumeInfoList: [] });
    await placeRestingOto(sim, sim.demoAccount, '0.25');
    await clock.advance(2_000);
    const buyFill = reports(stream).find((r) => r.S === 'BUY' && r.X === 'FILLED')!;
    const data = (await get(volumePath)).data as {
      totalVolume: number;
      tradeVolumeInfoList: Array<Record<string, unknown>>;
    };
    expect(data.totalVolume).toBeCloseTo(Number(buyFill.Z) * factor, 6);
    expect(data.tradeVolumeInfoList).toEqual([
      expect.objectContaining({ tokenName: 'ALEO', volume: data.totalVolume }),
    ]);
  });

  it('keeps accounts apart: one account never sees another account’s orders', async () => {
    await start();
    const other = sim.createAccount();
    const otherStream = await subscribedSocket(sim, await obtainListenKey(sim, other));
    try {
      const mine = await placeRestingOto(sim);
      const theirs = await placeRestingOto(sim, other);
      await otherStream.waitForCount(isExecutionReport, 2);
      await stream.waitForCount(isExecutionReport, 2);
      expect(reports(stream).map((r) => r.i)).toEqual([
        String(mine.workingOrderId),
        String(mine.pendingOrderId),
      ]);
      expect(reports(otherStream).map((r) => r.i)).toEqual([
        String(theirs.workingOrderId),
        String(theirs.pendingOrderId),
      ]);
    } finally {
      await otherStream.close();
    }
  });

  it.each(['EXPIRED', 'REJECTED'] as const)(
    'endNow pushes an inferred %s frame with the captured key set',
    async (status) => {
      await start();
      const orderId = await placeLimit('BUY', '0.2', '100');
      sim.orders.endNow(orderId, status);
      const frame = pushData(await stream.waitFor((f) => pushData(f)?.X === status))!;
      expect(frame.x).toBe(status);
      expect(typeMap(frame)).toEqual(typeMap(CAPTURED_NEW));
    },
  );

  it('a simulated day of demo activity shows every live status, with ids strictly increasing', async () => {
    await start({
      demoActivity: { ordersPerMinute: 0.5 },
      splitFillProbability: 0.3,
      partialFillProbability: 0.2,
      priceStepFraction: 0.01,
      priceTickIntervalMs: 60_000,
    });
    for (let hour = 0; hour < 24; hour++) await clock.advance(3_600_000);
    await stream.waitForCount(isExecutionReport, 100);
    const ids = reports(stream).map((r) => r.id as number);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    const statuses = new Set(reports(stream).map((r) => r.X));
    for (const status of ['NEW', 'PENDING', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED'])
      expect(statuses).toContain(status);
  });
});
