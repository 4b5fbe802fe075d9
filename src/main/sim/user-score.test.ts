import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Big from 'big.js';
import { JumpClock } from '../../../test/fakes/jump-clock.ts';
import { startSimulator, type SimAccount, type Simulator } from './index.ts';
import { deepShape, typeMap } from './testing/json-shape.ts';
import { callRest } from './testing/sim-test-client.ts';

const FIXTURES = new URL('../../../test/fixtures/protocol/rest/', import.meta.url);
const capture = JSON.parse(
  readFileSync(new URL('user-score.15-days.consistency-checked.json', FIXTURES), 'utf8'),
) as { data: Record<string, unknown> & { list: Row[]; userSpendList: Spend[] } };

interface Row {
  date: string;
  totalScore: string;
  balanceScore: string;
  alphaVolumeScore: string;
  balanceSnapshot: string;
  alphaVolume: string;
  [key: string]: unknown;
}
interface Spend {
  spendTime: number;
  spendScore: string;
  [key: string]: unknown;
}
interface ScoreData {
  sumScore: string;
  startDatetime: number;
  endDatetime: number;
  list: Row[];
  userSpendList: Spend[];
}

const USER_SCORE = '/bapi/defi/v1/private/wallet-direct/buw/tge/common/user-score';
const WALLET_ASSET = '/bapi/asset/v3/private/asset-service/asset/get-wallet-asset';
const PLACE = '/bapi/asset/v1/private/alpha-trade/order/place';
/** 2025-07-16 10:00 UTC, the capture's newest day. */
const START_MS = Date.UTC(2025, 6, 16, 10);
const DAY_MS = 86_400_000;

const floorLog2 = (v: string) => {
  let k = 0;
  while (new Big(2).pow(k + 1).lte(v)) k++;
  return new Big(v).lt(2) ? 0 : k;
};

describe('simulated user-score and get-wallet-asset', () => {
  // Days-long jumps: no timer needs to run (fills are forced with fillNow).
  const clock = new JumpClock(START_MS);
  let sim: Simulator;
  let trader: SimAccount;

  const score = async (who: SimAccount) => {
    const reply = await callRest(sim.restUrl, 'GET', USER_SCORE, { credentials: who.credentials });
    expect(reply.body.success).toBe(true);
    return reply.body.data as ScoreData;
  };
  const buy = async (
    who: SimAccount,
    base: string,
    price: string,
    quantity: string,
    side = 'BUY',
  ) => {
    const reply = await callRest(sim.restUrl, 'POST', PLACE, {
      credentials: who.credentials,
      body: {
        baseAsset: base,
        quoteAsset: 'USDT',
        side,
        price,
        quantity,
        paymentDetails: [
          side === 'BUY'
            ? {
                amount: new Big(price).times(quantity).round(8, Big.roundDown).toFixed(),
                paymentWalletType: 'CARD',
              }
            : { amount: quantity, paymentWalletType: 'ALPHA' },
        ],
        orderType: 'LIMIT',
      },
    });
    expect(reply.body.success).toBe(true);
    sim.orders.fillNow(reply.body.data as string);
  };

  beforeAll(async () => {
    sim = await startSimulator({
      clock,
      priceStepFraction: 0,
      splitFillProbability: 0,
      partialFillProbability: 0,
    });
    trader = sim.createAccount({ balances: { USDT: '5000' } });
  });
  afterAll(async () => {
    await sim.dispose();
  });

  it('answers the demo account in the captured shape, key for key and type for type', async () => {
    const reply = await callRest(sim.restUrl, 'GET', USER_SCORE, {
      credentials: sim.demoAccount.credentials,
    });
    expect(Object.keys(reply.body)).toEqual(Object.keys(capture));
    expect(deepShape(reply.body)).toEqual(deepShape(capture));
    const data = reply.body.data as ScoreData;
    expect(Object.keys(data)).toEqual(Object.keys(capture.data));
    expect(typeMap(data as unknown as Record<string, unknown>)).toEqual(typeMap(capture.data));
    expect(Object.keys(data.list[0]!)).toEqual(Object.keys(capture.data.list[0]!));
    for (const row of data.list) expect(typeMap(row)).toEqual(typeMap(capture.data.list[0]!));
    expect(data.userSpendList.length).toBeGreaterThan(0);
    for (const spend of data.userSpendList) {
      expect(Object.keys(spend)).toEqual(Object.keys(capture.data.userSpendList[0]!));
      expect(typeMap(spend)).toEqual(typeMap(capture.data.userSpendList[0]!));
      expect(spend.spendScore).toBe('15.000000000000000000');
    }
    // The seeded window: 15 UTC days ending today, newest first, as captured.
    expect(data.list).toHaveLength(15);
    expect(data.list[0]!.date).toBe('2025-07-16');
    expect(data.endDatetime).toBe(Date.UTC(2025, 6, 16));
    expect(data.startDatetime).toBe(Date.UTC(2025, 6, 2));
  });

  it('holds the captured consistency rules on every row, and the sum', async () => {
    const data = await score(sim.demoAccount);
    for (const row of data.list) {
      expect(Number(row.alphaVolumeScore)).toBe(floorLog2(row.alphaVolume));
      expect(Number(row.totalScore)).toBe(Number(row.balanceScore) + Number(row.alphaVolumeScore));
    }
    const earned = data.list.reduce((s, r) => s + Number(r.totalScore), 0);
    const spent = data.userSpendList.reduce((s, x) => s.plus(x.spendScore), new Big(0));
    expect(data.sumScore).toBe(new Big(earned).minus(spent).toFixed());
  });

  it('counts today: Σ BUY quote × mulPoint, floor(log2), balance tier; SELLs do not count', async () => {
    const before = await score(trader);
    expect(before.list).toHaveLength(1);
    expect(before.list[0]).toMatchObject({ alphaVolume: '0.00000000', alphaVolumeScore: '0' });
    await buy(trader, 'ALPHA_373', '0.22690468', '1000'); // ALEO, mulPoint 4
    await buy(trader, 'ALPHA_22', '48.02764722', '1'); // KOGE, mulPoint 1
    await buy(trader, 'ALPHA_373', '0.22690468', '500', 'SELL');
    const counted = new Big('226.90468').times(4).plus('48.02764722');
    const today = (await score(trader)).list[0]!;
    expect(today.alphaVolume).toBe(counted.toFixed(8));
    expect(sim.points.countedToday(trader.userId)).toBe(counted.toFixed());
    expect(today.alphaVolumeScore).toBe('9'); // 512 ≤ 955.6 < 1024
    // About 5,000 USDT of value: the 1,000 tier.
    expect(new Big(today.balanceSnapshot).gt(4990)).toBe(true);
    expect(today.balanceScore).toBe('2');
    expect(today.totalScore).toBe('11');
  });

  it('starts a new row at 00:00 UTC and keeps yesterday', async () => {
    clock.set(Date.UTC(2025, 6, 17));
    const data = await score(trader);
    expect(data.list.map((r) => r.date)).toEqual(['2025-07-17', '2025-07-16']);
    expect(data.list[0]!.alphaVolumeScore).toBe('0');
    expect(data.list[1]!.alphaVolumeScore).toBe('9');
    expect(data.endDatetime).toBe(Date.UTC(2025, 6, 17));
    expect(data.sumScore).toBe(String(2 + 11));
  });

  it('spends 15 points through the control API as an airdrop claim, and refuses an overdraft', async () => {
    const before = await score(sim.demoAccount);
    const response = await fetch(`${sim.controlUrl}/points/spend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    const after = await score(sim.demoAccount);
    expect(new Big(after.sumScore).toFixed()).toBe(new Big(before.sumScore).minus(15).toFixed());
    expect(after.userSpendList[0]).toMatchObject({
      spendTime: clock.now(),
      spendScore: '15.000000000000000000',
      bizType: 'AIRDROP',
    });
    const refused = await fetch(`${sim.controlUrl}/points/spend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: trader.userId, score: '100' }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('REJECTED');
  });

  it('drops days older than the 15-day window', async () => {
    clock.advance(15 * DAY_MS);
    const data = await score(trader);
    expect(data.list.map((r) => r.date)).toEqual(['2025-08-01']);
    expect(data.startDatetime).toBe(Date.UTC(2025, 6, 18));
  });

  it('get-wallet-asset: one row per asset with the asked wallets as decimal-string buckets', async () => {
    const reply = await callRest(sim.restUrl, 'POST', WALLET_ASSET, {
      credentials: trader.credentials,
      body: { includeWallets: ['CARD', 'MAIN', 'SAVING'], includeEq: true },
    });
    expect(reply.body.success).toBe(true);
    const rows = reply.body.data as Array<Record<string, unknown>>;
    const bucket = { free: 'string', locked: 'string', freeze: 'string', withdrawing: 'string' };
    expect(deepShape(rows)).toEqual([
      { asset: 'string', coinBusinessType: 'string', funding: bucket, spot: bucket, earn: bucket },
    ]);
    const usdt = rows.find((r) => r.asset === 'USDT') as { funding: { free: string } };
    expect(new Big(usdt.funding.free).lt(5000)).toBe(true);
    const cardOnly = await callRest(sim.restUrl, 'POST', WALLET_ASSET, {
      credentials: trader.credentials,
      body: { includeWallets: ['CARD'], includeEq: true },
    });
    expect(Object.keys((cardOnly.body.data as object[])[0]!)).toEqual([
      'asset',
      'coinBusinessType',
      'funding',
    ]);
  });
});
