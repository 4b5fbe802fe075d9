import Big from 'big.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorOptions } from '../../sim/index.ts';
import { findEnglishSentence } from '../../../../test/fakes/english-sentence.ts';
import {
  StrategyCliHarness,
  type StrategyCliResult,
  words,
} from '../../../../test/fakes/strategy-cli-harness.ts';

/**
 * `alpha-monitor --lang zh-CN strategy` against the simulator, one run per way a run ends: what
 * a person reads (stdout and stderr) says why in Chinese, with no English sentence in it
 * (product names, codes, flags, order ids and quoted outside text may stay).
 */
let h: StrategyCliHarness | undefined;
const start = async (options: SimulatorOptions = {}) => {
  h = await StrategyCliHarness.start({ priceStepFraction: 0, ...options });
  return h;
};
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const KOGE = '--token KOGE --chain BSC --interval 0 --yes';

async function runZh(
  s: StrategyCliHarness,
  line: string,
  onStdout?: (text: string) => void,
): Promise<StrategyCliResult> {
  return s.run([...words(line), ...s.connection()], onStdout, undefined, 'zh-CN');
}

/** All a person saw holds no English sentence; returns it for the Chinese checks. */
function chineseOnly(result: StrategyCliResult): string {
  const text = result.stdout + result.stderr;
  for (const line of text.split('\n')) {
    // The dry-run's wire body is JSON sent to the exchange, not prose.
    if (line.trim().startsWith('{')) continue;
    expect(findEnglishSentence(line), line).toBeNull();
  }
  return text;
}

describe('strategy in zh-CN: every stop says why in Chinese', () => {
  it('the wear limit (--max-wear-bps)', async () => {
    const s = await start();
    const result = await runZh(s, `${KOGE} --volume 100 --max-wear-bps 0`);
    expect(result.code).toBe(1);
    expect(chineseOnly(result)).toMatch(/已停止：第 1 笔磨损 \d+\.\d\d bps，超过上限 0 bps。/);
  });

  it('the price-move limit (--max-move-pct)', async () => {
    const s = await start();
    let moved = false;
    const result = await runZh(s, `${KOGE} --volume 100 --max-move-pct 2`, (text) => {
      if (!moved && /第 1 笔：卖单 #\d+ 成交/.test(text)) {
        moved = true;
        const price = new Big(s.sim.market.getPrice('ALPHA_22USDT'));
        s.sim.market.setPrice('ALPHA_22USDT', price.times('1.05').toFixed(8));
      }
    });
    expect(moved).toBe(true);
    expect(result.code).toBe(1);
    expect(chineseOnly(result)).toMatch(
      /已停止：第 1 笔期间价格变动 5\.00 %（.+ → .+），超过上限 2 %。/,
    );
  });

  it('the loss limit (--max-loss)', async () => {
    const s = await start();
    const result = await runZh(s, `${KOGE} --volume 100 --max-loss 0.000001`);
    expect(result.code).toBe(1);
    expect(chineseOnly(result)).toMatch(/已停止：已实现成本 [\d.]+ USDT 达到上限 0\.000001 USDT。/);
  });

  it('the target met, and the target already met before the run', async () => {
    const s = await start();
    const first = await runZh(s, `${KOGE} --volume 5`);
    expect(first.code).toBe(0);
    expect(chineseOnly(first)).toMatch(/已达到目标。/);
    const again = await runZh(s, `${KOGE} --volume 5`);
    expect(again.code).toBe(0);
    expect(chineseOnly(again)).toMatch(/今日目标已达到/);
  });

  it('a buy that times out, then too many failures in a row (--timeout, --max-failures)', async () => {
    const s = await start();
    const result = await runZh(
      s,
      `${KOGE} --volume 20 --buy-offset=-20 --timeout 0.3 --max-failures 1`,
    );
    expect(result.code).toBe(1);
    const text = chineseOnly(result);
    expect(text).toMatch(/第 1 笔：买单 #\d+ 超时未成交/);
    expect(text).toMatch(/第 1 笔失败：买单 \d+ 超时未成交，已撤销/);
    expect(text).toMatch(/已停止：连续 1 笔交易失败；最后一次：买单 \d+ 超时未成交，已撤销。/);
  });

  it('leftovers sold at the end (--sell-leftovers)', async () => {
    const s = await start();
    const result = await runZh(
      s,
      `${KOGE} --volume 5 --sell-offset=-20 --timeout 0.3 --sell-leftovers`,
    );
    expect(result.code).toBe(0);
    expect(chineseOnly(result)).toMatch(
      /剩余代币：已卖出 [\d.]+，得 [\d.]+ USDT，手续费 [\d.]+ USDT（#\d+）。/,
    );
  });

  it('a supplementary verification, a risk challenge, an insufficient balance', async () => {
    const s = await start({ demoBalances: { USDT: '5' } });
    const poor = await runZh(s, `${KOGE} --volume 50`);
    expect(poor.code).toBe(1);
    expect(chineseOnly(poor)).toMatch(/余额不足/);
    s.sim.faults.setOrderGate('verification');
    const verification = await runZh(s, `${KOGE} --volume 50`);
    expect(verification.code).toBe(3);
    expect(chineseOnly(verification)).toMatch(/币安要求补充认证/);
    s.sim.faults.setOrderGate('riskChallenge');
    const risk = await runZh(s, `${KOGE} --volume 50`);
    expect(risk.code).toBe(3);
    expect(chineseOnly(risk)).toMatch(/安全验证（2FA）/);
  });

  it('the session lost mid-run', async () => {
    const s = await start();
    let invalidated = false;
    const result = await runZh(s, `${KOGE} --volume 100`, (text) => {
      if (!invalidated && /已下 OTO 买入/.test(text)) {
        invalidated = true;
        s.sim.faults.invalidateSession(s.sim.demoAccount.userId);
      }
    });
    expect(invalidated).toBe(true);
    expect(result.code).toBe(3);
    expect(chineseOnly(result)).toMatch(/会话被拒绝（SESSION_EXPIRED）：币安会话已失效/);
  });

  it('a token not on the chain, and a target too large for one run', async () => {
    const s = await start();
    const missing = await runZh(s, '--token KOGE --chain ETH --volume 5 --yes');
    expect(missing.code).toBe(2);
    expect(chineseOnly(missing)).toMatch(/失败（TOKEN_NOT_FOUND）：链 ETH 上没有 KOGE/);
    const huge = await runZh(s, '--token KOGE --chain BSC --volume 1e9 --dry-run');
    expect(huge.code).toBe(2);
    expect(chineseOnly(huge)).toMatch(/超过单次运行最多 10000 笔/);
  });

  it('--demo to its target, and --json keeps the reason as code + parameters', async () => {
    const s = await start();
    const demo = await s.run(
      words('--demo --token KOGE --chain BSC --volume 5 --interval 0'),
      undefined,
      undefined,
      'zh-CN',
    );
    expect(demo.code).toBe(0);
    expect(chineseOnly(demo)).toMatch(/已达到目标。/);
    const json = await runZh(s, `${KOGE} --volume 100 --max-wear-bps 0 --json`);
    const summary = json.events.at(-1)!;
    expect(summary).toMatchObject({
      type: 'summary',
      outcome: 'max-wear',
      reasonCode: 'MAX_WEAR_TRADE',
      reason: { code: 'MAX_WEAR_TRADE', trade: 1, maxWearBps: '0' },
      message: expect.stringMatching(/^trade 1 wore \d+\.\d\d bps, above the limit of 0 bps$/),
    });
    // Decimal values stay decimal strings.
    expect((summary.reason as { wearBps: unknown }).wearBps).toEqual(
      expect.stringMatching(/^\d+\.\d\d$/),
    );
  });
});
