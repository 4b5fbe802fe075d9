import Big from 'big.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorOptions } from '../../sim/index.ts';
import { floorLog2 } from '../../../../test/fakes/floor-log2.ts';
import {
  StrategyCliHarness,
  ofType,
  summaryOf,
  words,
} from '../../../../test/fakes/strategy-cli-harness.ts';

let h: StrategyCliHarness | undefined;
const start = async (options: SimulatorOptions = {}) => {
  h = await StrategyCliHarness.start(options);
  return h;
};
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe('strategy --points', () => {
  it('--demo --points 7 on ALEO (mulPoint 4) ends at or above 7 points, with wear and cost per point', async () => {
    const first = await start();
    const result = await first.run(
      words('--demo --token ALEO --chain BSC --points 7 --amount 10 --interval 0 --json'),
    );
    expect(result.code, result.stderr).toBe(0);
    const prepared = ofType(result, 'prepared')[0]!;
    // 2^7 = 128 counted USDT at ×4 is 32 USDT of buys from a day at 0.
    expect(prepared).toMatchObject({ targetPoints: 7, pointsToday: 0, targetMet: false });
    expect(new Big(prepared.targetVolumeUsdt as string).eq(32)).toBe(true);
    const summary = summaryOf(result);
    expect(summary).toMatchObject({ type: 'summary', outcome: 'target-reached', targetPoints: 7 });
    expect(summary.points as number).toBeGreaterThanOrEqual(7);
    expect(floorLog2(summary.countedVolumeUsdt as string)).toBeGreaterThanOrEqual(7);
    expect(summary.wearUsdt).toEqual(expect.stringMatching(/^-?\d/));
    expect(summary.wearBps).toEqual(expect.stringMatching(/^-?\d+\.\d\d$/));
    expect(summary.costPerPoint).toEqual(expect.stringMatching(/^-?\d+\.\d{8}$/));

    const human = await first.run(
      words('--demo --token ALEO --chain BSC --points 6 --amount 10 --interval 0'),
    );
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /Today: 0 volume points \(counted volume 0\.00 USDT, all tokens\)/,
    );
    expect(human.stdout).toMatch(
      /wear -?\d+\.\d{4} USDT \(-?\d+\.\d bps\) · volume points today \d+ \(\+\d+ from this run\) · cost per point -?\d+\.\d{4} USDT/,
    );
  });

  it('says a points target already met up front, and places nothing', async () => {
    const s = await start();
    await s.run([
      ...words('--token KOGE --chain BSC --points 4 --interval 0 --yes'),
      ...s.connection(),
    ]);
    const again = await s.run([
      ...words('--token KOGE --chain BSC --points 3 --interval 0 --yes --json'),
      ...s.connection(),
    ]);
    expect(ofType(again, 'prepared')[0]).toMatchObject({ targetMet: true, tradesEstimated: 0 });
    expect(ofType(again, 'order-placed')).toEqual([]);
    expect(summaryOf(again)).toMatchObject({ outcome: 'target-reached', trades: 0 });
  });
});

describe('strategy stops', () => {
  it('--max-wear-bps stops after the first trade whose wear is above it, exit 1', async () => {
    // A frozen price: each trade wears its fees (a walking price can make a trade gain).
    const s = await start({ priceStepFraction: 0 });
    const result = await s.run([
      ...words('--token KOGE --chain BSC --volume 100 --interval 0 --max-wear-bps 0 --yes --json'),
      ...s.connection(),
    ]);
    expect(result.code).toBe(1);
    expect(ofType(result, 'order-placed')).toHaveLength(1);
    expect(summaryOf(result)).toMatchObject({ outcome: 'max-wear', reasonCode: 'MAX_WEAR_TRADE' });
    const text = await s.run([
      ...words('--token KOGE --chain BSC --volume 100 --interval 0 --max-wear-bps 0 --yes'),
      ...s.connection(),
    ]);
    expect(text.stdout).toMatch(/Stopped: trade 1 wore \d+\.\d\d bps, above the limit of 0 bps\./);
  });

  it('--max-move-pct stops when the price moved more than that during a trade', async () => {
    const s = await start({ priceStepFraction: 0 });
    let moved = false;
    const result = await s.run(
      [
        ...words(
          '--token KOGE --chain BSC --volume 100 --interval 0 --max-move-pct 2 --yes --json',
        ),
        ...s.connection(),
      ],
      (text) => {
        // The trade's SELL filled: the market jumps 5 % before the run looks again.
        if (!moved && text.includes('"leg":"pending"')) {
          moved = true;
          const price = new Big(s.sim.market.getPrice('ALPHA_22USDT'));
          s.sim.market.setPrice('ALPHA_22USDT', price.times('1.05').toFixed(8));
        }
      },
    );
    expect(moved).toBe(true);
    expect(result.code).toBe(1);
    expect(ofType(result, 'order-placed')).toHaveLength(1);
    expect(summaryOf(result)).toMatchObject({ outcome: 'price-moved', reasonCode: 'PRICE_MOVED' });
    expect(summaryOf(result).reason).toMatchObject({
      code: 'PRICE_MOVED',
      trade: 1,
      movedPct: '5.00',
      maxMovePct: '2',
    });
    expect(summaryOf(result).message).toMatch(/moved 5\.00 % during trade 1/);
  });

  it('--timeout cancels a BUY that does not fill and reports it', async () => {
    const s = await start({ priceStepFraction: 0 });
    const result = await s.run([
      ...words(
        '--token KOGE --chain BSC --volume 20 --buy-offset=-20 --timeout 0.3 --max-failures 1 --interval 0 --yes',
      ),
      ...s.connection(),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/trade 1: BUY #\d+ did not fill in time/);
    expect(result.stdout).toMatch(/trade 1: order #\d+ cancelled/);
    expect(await s.rest().getOpenOrders()).toEqual([]);
  });

  it('--sell-leftovers sells what a SELL that timed out left, and says so', async () => {
    // Frozen price and a SELL 20 % above it: the pending leg never fills.
    const s = await start({ priceStepFraction: 0 });
    const koge = async () =>
      new Big(
        (await s.rest().getAlphaWallet()).list.find((r) => r.tokenId === 'ALPHA_22')?.free ?? 0,
      );
    const before = await koge();
    const result = await s.run([
      ...words(
        '--token KOGE --chain BSC --volume 5 --sell-offset=-20 --timeout 0.3 --interval 0 --sell-leftovers --yes --json',
      ),
      ...s.connection(),
    ]);
    expect(result.code).toBe(0);
    const summary = summaryOf(result);
    expect(summary.leftovers).toMatchObject({ outcome: 'sold', code: null });
    // The sale's fee is one of the run's fees: the legs' fees plus it, exactly.
    const legFees = ofType(result, 'leg-filled').reduce(
      (sum, e) => sum.plus(e.feeUsdt as string),
      new Big(0),
    );
    const { feeUsdt } = summary.leftovers as { feeUsdt: string };
    expect(new Big(feeUsdt).gt(0)).toBe(true);
    expect(summary.fees).toBe(legFees.plus(feeUsdt).toFixed());
    expect(ofType(result, 'leftovers')).toHaveLength(1);
    expect(await s.rest().getOpenOrders()).toEqual([]);
    // Back to what the account held before, up to the lot step and the BUY's fee.
    expect((await koge()).minus(before).abs().lte('0.0002')).toBe(true);
    const text = await s.run([
      ...words(
        '--token KOGE --chain BSC --volume 10 --sell-offset=-20 --timeout 0.3 --interval 0 --sell-leftovers --yes',
      ),
      ...s.connection(),
    ]);
    expect(text.stdout).toMatch(
      /Leftovers: sold [\d.]+ for [\d.]+ USDT, fee [\d.]+ USDT \(#\d+\)\./,
    );
  });
});

describe('strategy stops the account at once on a verification, a risk challenge, no balance', () => {
  it('补充认证: exit 3, one attempt, says to finish the verification in the Binance app', async () => {
    const s = await start();
    s.sim.faults.setOrderGate('verification');
    const result = await s.run([
      ...words('--token KOGE --chain BSC --volume 50 --interval 0 --yes'),
      ...s.connection(),
    ]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/Stopped at once, not retried: .*supplementary verification/);
    expect(result.stdout).toMatch(/Finish it in the Binance app/);
    expect(result.stdout).not.toMatch(/trade \d+ failed/);
    expect((await s.rest().getOrderHistory()).rows).toEqual([]);
  });

  it('risk_challenge_* headers: exit 3, never retried, says how to pass the check', async () => {
    const s = await start();
    s.sim.faults.setOrderGate('riskChallenge');
    const result = await s.run([
      ...words('--token KOGE --chain BSC --volume 50 --interval 0 --max-failures 5 --yes --json'),
      ...s.connection(),
    ]);
    expect(result.code).toBe(3);
    expect(summaryOf(result)).toMatchObject({
      outcome: 'auth-rejected',
      reasonCode: 'RISK_CHALLENGE',
      trades: 1,
    });
    expect(ofType(result, 'trade-failed')).toEqual([]);
  });

  it('481020 insufficient balance: exit 1 at the first refusal, says to add USDT or lower --amount', async () => {
    const s = await start({ demoBalances: { USDT: '5' } });
    const result = await s.run([
      ...words('--token KOGE --chain BSC --volume 50 --interval 0 --max-failures 5 --yes'),
      ...s.connection(),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/481020 insufficient balance/);
    expect(result.stdout).toMatch(/Add USDT to the funding wallet or lower --amount/);
    expect(result.stdout).not.toMatch(/trade \d+ failed/);
  });
});
