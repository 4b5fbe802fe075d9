import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Big from 'big.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator, SimulatorOptions } from '../../sim/index.ts';
import { main } from '../main.ts';
import {
  StrategyCliHarness,
  ofType,
  parseNdjson,
  summaryOf,
  words,
} from '../../../../test/fakes/strategy-cli-harness.ts';
import { startCli } from '../../../../test/fakes/cli-process.ts';
import { createMemoryCliContext } from '../../../../test/fakes/memory-cli-context.ts';

const REPO = join(import.meta.dirname, '../../../..');

let h: StrategyCliHarness | undefined;
let sim: Simulator;

async function startSim(options: SimulatorOptions = {}): Promise<void> {
  h = await StrategyCliHarness.start(options);
  sim = h.sim;
}

afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const connection = () => h!.connection();
const runCli = (args: string[], onStdout?: (text: string) => void, typed?: string) =>
  h!.run(args, onStdout, typed);
const demoRest = () => h!.rest();

describe('alpha-monitor strategy against the simulator', () => {
  it('KOGE/BSC --volume 20 --amount 10 from zero places the estimated trades, the last sized down, and ends just above 20', async () => {
    await startSim();
    const result = await runCli([
      ...words('--token KOGE --chain BSC --volume 20 --amount 10 --interval 0 --yes --json'),
      ...connection(),
    ]);
    expect(result.code).toBe(0);
    const summary = summaryOf(result);
    expect(summary).toMatchObject({ type: 'summary', outcome: 'target-reached' });
    const placed = ofType(result, 'order-placed');
    expect(summary.trades).toBe(placed.length);
    // What was announced before the first order is what was placed.
    expect(ofType(result, 'prepared')[0]!.tradesEstimated).toBe(placed.length);
    // The exchange's own figure is at or above the target, but not a whole extra trade above
    // it: the last trade bought only what remained.
    const volume = await demoRest().getUserVolume();
    const koge = volume.tradeVolumeInfoList.find((row) => row.tokenName === 'KOGE')!;
    expect(new Big(koge.volume).gte(20)).toBe(true);
    expect(new Big(koge.volume).lt(20 + 10)).toBe(true);
    expect(new Big(summary.volume as string).lt(20 + 10)).toBe(true);
    const lastPlan = placed.at(-1)!.plan as { paymentAmount: string };
    expect(new Big(lastPlan.paymentAmount).lt(9)).toBe(true);
    // ...and no trade was placed once it was reached: the last one started below 20.
    expect(new Big(placed.at(-1)!.doneBeforeUsdt as string).lt(20)).toBe(true);
    // Every trade's quantity is on the lot step (0.0001) and worth about 10 USDT.
    for (const e of placed) {
      const plan = e.plan as { quantity: string; paymentAmount: string };
      expect(new Big(plan.quantity).times(10_000).mod(1).eq(0)).toBe(true);
      expect(new Big(plan.paymentAmount).lte(10)).toBe(true);
    }
    expect(await demoRest().getOpenOrders()).toEqual([]);
    expect(new Big(summary.fees as string).gt(0)).toBe(true);
  });

  it('summary and --json carry points, wear (USDT and bps of counted volume) and cost per point', async () => {
    await startSim();
    const result = await runCli([
      ...words('--token ALEO --chain BSC --volume 30 --amount 10 --interval 0 --yes --json'),
      ...connection(),
    ]);
    expect(result.code).toBe(0);
    const summary = summaryOf(result);
    // ALEO counts ×4; the demo account starts today at 0 counted volume.
    const counted = sim.points.countedToday(sim.demoAccount.userId);
    expect(summary.countedVolumeUsdt).toBe(counted);
    let log2 = 0;
    while (new Big(2).pow(log2 + 1).lte(counted)) log2++;
    expect(summary).toMatchObject({ points: log2, pointsGained: log2 });
    const wear = new Big(summary.wearUsdt as string);
    expect(summary.wearBps).toBe(
      wear.times(10_000).div(counted).round(2, Big.roundHalfUp).toFixed(2),
    );
    expect(summary.costPerPoint).toBe(wear.div(log2).round(8, Big.roundHalfUp).toFixed(8));
    // One wear event per trade that filled, summing to the run's wear.
    const perTrade = ofType(result, 'trade-wear');
    expect(perTrade).toHaveLength(summary.trades as number);
    const sum = perTrade.reduce((t, e) => t.plus(e.wearUsdt as string), new Big(0));
    // A trade's wear marks what it bought and did not sell (the lot step left after the buy's
    // fee) at that trade's last fill price; the run's wear marks all of it at the run's last
    // price. So the trades sum to the run once those leftovers are re-marked; each figure is
    // rounded to 8 dp, so they may still differ by half a unit per trade.
    const legs = ofType(result, 'leg-filled');
    const lastPrice = (fills: typeof legs) => {
      const last = fills[fills.length - 1]!;
      return new Big(last.quoteUsdt as string).div(last.quantity as string);
    };
    const runPrice = lastPrice(legs);
    let remarked = new Big(0);
    for (const e of perTrade) {
      const fills = legs.filter((l) => l.trade === e.trade);
      const left = fills.reduce(
        (q, l) =>
          l.leg === 'working' ? q.plus(l.quantity as string) : q.minus(l.quantity as string),
        new Big(0),
      );
      remarked = remarked.plus(left.times(runPrice.minus(lastPrice(fills))));
    }
    expect(
      sum
        .minus(remarked)
        .minus(wear)
        .abs()
        .lte(new Big('0.00000001').times(perTrade.length + 1)),
    ).toBe(true);
    const text = await runCli([
      ...words('--token ALEO --chain BSC --volume 40 --amount 10 --interval 0 --yes'),
      ...connection(),
    ]);
    expect(text.stdout).toMatch(/trade \d+: wear -?\d+\.\d{4} USDT \(-?\d+\.\d bps\)/);
    expect(text.stdout).toMatch(
      /Counted volume [\d.]+ USDT · wear -?\d+\.\d{4} USDT \(-?\d+\.\d bps\) · volume points today \d+/,
    );
  });

  it('cancels a working leg that cannot fill at its timeout, and confirms the cancel', async () => {
    // Frozen price and a buy 20 % below it: the BUY can never fill.
    await startSim({ priceStepFraction: 0 });
    const result = await runCli([
      ...words(
        '--token KOGE --chain BSC --volume 20 --amount 10 --buy-offset=-20 --timeout 0.3 --max-failures 1 --interval 0 --yes --json',
      ),
      ...connection(),
    ]);
    const placed = ofType(result, 'order-placed');
    expect(placed).toHaveLength(1);
    const workingId = placed[0]!.workingOrderId;
    expect(ofType(result, 'leg-timeout')[0]).toMatchObject({ leg: 'working', orderId: workingId });
    expect(ofType(result, 'order-canceled').map((e) => e.orderId)).toContain(workingId);
    expect(summaryOf(result)).toMatchObject({ outcome: 'too-many-failures' });
    expect(result.code).toBe(1);
    expect(await demoRest().getOpenOrders()).toEqual([]);
  });

  it('reports a pending SELL left open at the end, and cancels it with --cancel-pending', async () => {
    // Frozen price and a SELL 20 % above it: the pending leg can never fill.
    await startSim({ priceStepFraction: 0 });
    const args = [
      ...words(
        '--token KOGE --chain BSC --volume 5 --amount 10 --sell-offset=-20 --timeout 0.3 --interval 0 --yes --json',
      ),
      ...connection(),
    ];
    const kept = await runCli(args);
    expect(kept.code).toBe(0);
    const keptPending = ofType(kept, 'order-placed')[0]!.pendingOrderId;
    expect(summaryOf(kept)).toMatchObject({
      outcome: 'target-reached',
      openPendingOrders: [{ orderId: keptPending }],
      canceledPendingOrders: [],
    });
    expect((await demoRest().getOpenOrders()).map((row) => row.orderId)).toEqual([keptPending]);

    // The first run bought about 5 USDT: one more trade (sized down) brings it to 14.
    const canceled = await runCli([...args, '--volume', '14', '--cancel-pending']);
    const pendingIds = ofType(canceled, 'order-placed').map((e) => e.pendingOrderId);
    expect(pendingIds).toHaveLength(1);
    expect(summaryOf(canceled)).toMatchObject({
      outcome: 'target-reached',
      openPendingOrders: [],
      canceledPendingOrders: [{ orderId: pendingIds[0] }],
    });
    // The earlier run's SELL is not ours to cancel in this run: only it stays open.
    expect((await demoRest().getOpenOrders()).map((row) => row.orderId)).toEqual([keptPending]);
  });

  it('stops with exit code 3 and the reason when the session is invalidated mid-run', async () => {
    await startSim();
    let invalidated = false;
    const result = await runCli(
      [
        ...words('--token KOGE --chain BSC --volume 100 --amount 10 --interval 0 --yes --json'),
        ...connection(),
      ],
      (text) => {
        if (!invalidated && text.includes('"type":"order-placed"')) {
          invalidated = true;
          sim.faults.invalidateSession(sim.demoAccount.userId);
        }
      },
    );
    expect(invalidated).toBe(true);
    expect(result.code).toBe(3);
    expect(summaryOf(result)).toMatchObject({
      outcome: 'auth-rejected',
      reasonCode: 'SESSION_EXPIRED',
      trades: 1,
    });
  });

  it('--dry-run prints the orders and places none (lot step 0.01 for ALEO)', async () => {
    await startSim();
    const result = await runCli([
      ...words('--token ALEO --chain BSC --volume 20 --amount 10 --dry-run --json'),
      ...connection(),
    ]);
    expect(result.code).toBe(0);
    const planned = ofType(result, 'order-planned');
    expect(planned.length).toBeGreaterThan(0);
    for (const e of planned) {
      const plan = e.plan as { quantity: string; wireBody: { paymentDetails: unknown } };
      expect(new Big(plan.quantity).times(100).mod(1).eq(0)).toBe(true);
      expect(plan.wireBody.paymentDetails).toEqual([
        { amount: expect.stringMatching(/^\d+\.\d{8}$/), paymentWalletType: 'CARD' },
      ]);
    }
    expect(ofType(result, 'order-placed')).toEqual([]);
    expect(summaryOf(result)).toMatchObject({ outcome: 'dry-run', trades: 0 });
    expect((await demoRest().getOrderHistory()).rows).toEqual([]);
    expect(await demoRest().getOpenOrders()).toEqual([]);
  });

  it('refuses an order below min notional before sending it, and says which rule', async () => {
    await startSim();
    const result = await runCli([
      ...words('--token KOGE --chain BSC --volume 20 --amount 0.05 --yes'),
      ...connection(),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FILTER_VIOLATION.*below the minimum notional 0\.1/);
    expect((await demoRest().getOrderHistory()).rows).toEqual([]);
  });

  it('refuses a live run without --yes when stdin is not a terminal', async () => {
    await startSim();
    const result = await runCli([
      ...words('--token KOGE --chain BSC --volume 20 --amount 10'),
      ...connection(),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--yes/);
    expect(await demoRest().getOpenOrders()).toEqual([]);
  });

  it('asks a person at a terminal to confirm, showing token, amounts and expected wear', async () => {
    await startSim();
    const args = [
      ...words('--token KOGE --chain BSC --volume 5 --amount 10 --interval 0'),
      ...connection(),
    ];
    const declined = await runCli(args, undefined, 'no\n');
    expect(declined.stderr).toMatch(
      /REAL funds: KOGE \(ALPHA_22USDT\), 10 USDT per trade, about 1 trade\(s\) toward 5 USDT, expected wear [\d.]+ USDT/,
    );
    expect(declined.stdout).toMatch(/Not confirmed: nothing was placed/);
    expect(declined.code).toBe(0);
    expect((await demoRest().getOrderHistory()).rows).toEqual([]);
    const confirmed = await runCli(args, undefined, 'yes\n');
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toMatch(/Target reached/);
    // Fees carry their unit and every digit; the cost is said as wear, one way everywhere.
    expect(confirmed.stdout).toMatch(
      /\] trades 1 · fills \d · fees \d+\.\d+ USDT · wear -?\d+\.\d{4} USDT \(-?\d+\.\d bps\)/,
    );
    expect(confirmed.stdout).not.toMatch(/P&L/);
  });

  it('starts real trading only on exactly "yes", after showing today\'s volume and points', async () => {
    await startSim();
    const args = [
      ...words('--token KOGE --chain BSC --volume 5 --amount 10 --interval 0'),
      ...connection(),
    ];
    const y = await runCli(args, undefined, 'y\n');
    expect(y.stderr).toMatch(
      /Today so far: volume 0 USDT on KOGE, 0 volume points \(counted 0\.00 USDT\)\./,
    );
    expect(y.stdout).toMatch(/Not confirmed: nothing was placed/);
    expect((await demoRest().getOrderHistory()).rows).toEqual([]);
    await runCli([...args, '--yes']);
    // The target is met now: it is said, and nothing is asked.
    const met = await runCli(args, undefined, 'yes\n');
    expect(met.stderr).not.toMatch(/Type "yes"/);
    expect(met.stdout).toMatch(
      /Target already met today: [\d.]+ of 5 USDT\. Nothing to trade, nothing was placed\./,
    );
    expect(met.code).toBe(0);
  });

  it.each(['en', 'zh-CN'] as const)(
    'an unknown --user is said before any "Connecting" (%s)',
    async (lang) => {
      const home = await mkdtemp(join(tmpdir(), 'am-strategy-user-'));
      try {
        const io = createMemoryCliContext(lang, { ALPHA_MONITOR_HOME: home });
        const args = words('--token KOGE --chain BSC --volume 20 --user 1 --yes');
        expect(await main(['strategy', ...args, '--lang', lang], io.context)).toBe(2);
        expect(io.stderr).toContain(lang === 'en' ? 'No account "1"' : '没有账户“1”');
        expect(io.stdout + io.stderr).not.toMatch(/Connecting|正在连接/);
      } finally {
        await rm(home, { recursive: true, force: true });
      }
    },
  );

  it('says it connects to the address it uses', async () => {
    await startSim();
    const result = await runCli([
      ...words('--token KOGE --chain BSC --volume 20 --dry-run'),
      ...connection(),
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Connecting to ${sim.restUrl}...`);
  });

  it('checks every parameter before connecting: exit 2, the reason, no summary', async () => {
    await startSim();
    // Nothing listens there: a command that connected would fail another way.
    const offline = [
      ...['--rest-url', 'http://127.0.0.1:9', '--ws-url', 'ws://127.0.0.1:9/w3w/stream'],
      ...['--credentials-file', h!.credentialsFile],
    ];
    const cases: Array<[string, RegExp]> = [
      ['--volume 0', /--volume must be above 0/],
      ['--volume=-5', /--volume must not be negative, got -5/],
      ['--volume -5', /--volume must not be negative, got -5/],
      ['--volume 20 --amount 0', /--amount must be above 0/],
      ['--volume 20 --sell-offset 150', /--sell-offset must be in -100 < x < 100/],
      ['--volume 20 --max-loss=-1', /--max-loss must not be negative/],
      ['--volume 20 --timeout 0', /--timeout must be above 0/],
      ['--volume 20 --max-wear-bps=-1', /--max-wear-bps must not be negative/],
      ['--volume 20 --max-move-pct 0', /--max-move-pct must be above 0/],
      ['--points 0', /--points must be in 1\.\.40/],
    ];
    for (const [bad, message] of cases) {
      const result = await runCli([...words(`--token KOGE --chain BSC ${bad} --yes`), ...offline]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr, bad).toMatch(message);
      expect(result.stderr, bad).not.toMatch(/ambiguous/i);
      expect(result.stdout, bad).not.toMatch(/Connecting|Summary/);
    }
  });

  it('--dry-run of an absurd target refuses it instead of planning without end', async () => {
    await startSim();
    const result = await runCli([
      ...words('--token KOGE --chain BSC --volume 1e9 --dry-run --json'),
      ...connection(),
    ]);
    expect(result.code).toBe(2);
    expect(summaryOf(result)).toMatchObject({ outcome: 'failed', reasonCode: 'TOO_MANY_TRADES' });
    // The reason as code + parameters for scripts, and in English for people.
    expect(summaryOf(result).reason).toMatchObject({ code: 'TOO_MANY_TRADES', maxTrades: 10000 });
    expect(summaryOf(result).message).toMatch(/more than the 10000 one run may place/);
    expect(ofType(result, 'order-planned')).toEqual([]);
  });

  it('Ctrl+C at the confirmation prompt cancels: nothing placed, exit 0', async () => {
    await startSim();
    const stdin = new PassThrough();
    Object.assign(stdin, { isTTY: true });
    // The person presses Ctrl+C instead of answering.
    const io = createMemoryCliContext(
      'en',
      {},
      {
        cwd: h!.dir,
        stdin,
        onStderr: (text) => void (text.includes('Type "yes"') && io.interrupt()),
      },
    );
    const args = [...words('--token KOGE --chain BSC --volume 5'), ...connection()];
    const code = await main(['strategy', ...args, '--lang', 'en'], io.context);
    expect(io.stderr).toMatch(/REAL funds/);
    expect(io.stdout).toMatch(/Cancelled: nothing was placed/);
    expect(code).toBe(0);
    expect((await demoRest().getOrderHistory()).rows).toEqual([]);
  });

  it('reports an unknown token and a bad option as usage errors', async () => {
    await startSim();
    const unknown = await runCli([
      ...words('--token NOPE --chain BSC --volume 20 --yes'),
      ...connection(),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toMatch(/TOKEN_NOT_FOUND/);
    const bad = await runCli([...words('--token KOGE --chain BSC --volume lots'), ...connection()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--volume must be a number/);
  });

  it('Ctrl+C mid-run cancels our open working order, then prints the summary', async () => {
    await startSim({ priceStepFraction: 0 });
    const cli = startCli(
      [
        'strategy',
        ...words('--token KOGE --chain BSC --volume 20 --amount 10 --buy-offset=-20'),
        ...words('--timeout 600 --yes --json --lang en'),
        ...connection(),
      ],
      {},
      { cwd: REPO },
    );
    const interrupted = await cli.waitForOutput('"type":"order-placed"').then(
      () => (cli.kill('SIGINT'), true),
      () => false,
    );
    const code = await cli.exited;
    expect(interrupted, cli.stderr).toBe(true);
    const events = parseNdjson(cli.stdout);
    const placed = events.filter((e) => e.type === 'order-placed');
    expect(placed).toHaveLength(1);
    expect(events.filter((e) => e.type === 'order-canceled').map((e) => e.orderId)).toContain(
      placed[0]!.workingOrderId,
    );
    expect(events.at(-1)).toMatchObject({ type: 'summary', outcome: 'stopped', trades: 1 });
    expect(code).toBe(0);
    expect(await demoRest().getOpenOrders()).toEqual([]);
  }, 60_000);
});
