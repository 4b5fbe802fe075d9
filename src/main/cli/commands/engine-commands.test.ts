import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../sim/index.ts';
import { createMemoryCliContext } from '../../../../test/fakes/memory-cli-context.ts';
import { findEnglishSentence } from '../../../../test/fakes/english-sentence.ts';
import { waitFor } from '../../../../test/fakes/wait-for.ts';
import { openCliLogFile } from '../common/cli-log-file.ts';
import { command as check } from './check.ts';
import { command as listenKey } from './listen-key.ts';
import { command as watch } from './watch.ts';

let sim: Simulator;
let dir: string;
let goodFile: string;
let staleFile: string;

beforeAll(async () => {
  sim = await startSimulator({ priceStepFraction: 0 });
  dir = await mkdtemp(join(tmpdir(), 'engine-cli-'));
  goodFile = join(dir, 'good.json');
  staleFile = join(dir, 'stale.json');
  await writeFile(goodFile, JSON.stringify(sim.demoAccount.credentials));
  const stale = sim.createAccount({ userId: 'stale' });
  await writeFile(staleFile, JSON.stringify(stale.credentials));
  sim.faults.invalidateSession('stale');
  await chmod(goodFile, 0o600);
  await chmod(staleFile, 0o600);
});

afterAll(async () => {
  await sim.dispose();
  await rm(dir, { recursive: true, force: true });
});

const urls = () => ['--rest-url', sim.restUrl, '--ws-url', sim.wsUrl];

/** A context whose CLI log is a real file in a fresh home, and a reader of that file. */
async function withLogFile(lang: 'en' | 'zh-CN' = 'en') {
  const home = await mkdtemp(join(dir, 'home-'));
  const logFile = openCliLogFile({ env: { ALPHA_MONITOR_HOME: home }, lang, warn: () => {} });
  const io = createMemoryCliContext(lang, {}, { logFile });
  return { io, log: () => readFile(logFile.path, 'utf8') };
}
/** listen-key opens no stream, so it takes no --ws-url. */
const restUrl = () => ['--rest-url', sim.restUrl];

describe('listen-key', () => {
  it('prints the key masked, never in full', async () => {
    const io = createMemoryCliContext();
    expect(await listenKey.run(['--credentials-file', goodFile, ...restUrl()], io.context)).toBe(0);
    const match = /Listen key: ([0-9a-f]{10})\.\.\./.exec(io.stdout);
    expect(match).not.toBeNull();
    expect(io.stdout).not.toMatch(/[0-9a-f]{32}/);
  });

  it('exits 3 naming the fix when the session is expired (for a simulator: its credentials file)', async () => {
    const io = createMemoryCliContext();
    expect(await listenKey.run(['--credentials-file', staleFile, ...restUrl()], io.context)).toBe(
      3,
    );
    expect(io.stderr).toContain(`The simulator at ${sim.restUrl} does not accept this session`);
    expect(io.stderr).toContain('--write-credentials');
    expect(io.stderr).not.toContain('binance.com');
  });

  it('with --json, a rejection carries its code and a sentence in the chosen language', async () => {
    const io = createMemoryCliContext('zh-CN');
    const argv = ['--credentials-file', staleFile, ...restUrl(), '--json'];
    expect(await listenKey.run(argv, io.context)).toBe(3);
    const line = JSON.parse(io.stdout.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ type: 'error', code: 'SESSION_EXPIRED', params: {} });
    expect(line.message).toMatch(/^币安会话已失效/);
  });

  it('writes the outcome to the CLI log: the key masked, a refusal with its code', async () => {
    const good = await withLogFile();
    expect(
      await listenKey.run(['--credentials-file', goodFile, ...restUrl()], good.io.context),
    ).toBe(0);
    const masked = /Listen key: ([0-9a-f]{10}\.\.\.)/.exec(good.io.stdout)![1]!;
    const goodLog = await good.log();
    expect(goodLog).toMatch(/ INFO \[listen-key\] listen key obtained /);
    expect(goodLog).toContain(masked);
    expect(goodLog).not.toMatch(/[0-9a-f]{32}/);

    const stale = await withLogFile();
    await listenKey.run(['--credentials-file', staleFile, ...restUrl()], stale.io.context);
    expect(await stale.log()).toMatch(
      / WARN \[listen-key\] listen key refused .*"SESSION_EXPIRED"/,
    );
  });

  it('refuses a credentials file others can read (exit 2)', async () => {
    const open = join(dir, 'open.json');
    await writeFile(open, JSON.stringify(sim.demoAccount.credentials));
    await chmod(open, 0o644);
    await expect(
      listenKey.run(['--credentials-file', open, ...restUrl()], createMemoryCliContext().context),
    ).rejects.toMatchObject({ exitCode: 2 });
  });
});

describe('check', () => {
  it('prints every step with ✅ and exits 0', async () => {
    const io = createMemoryCliContext();
    expect(await check.run(['--credentials-file', goodFile, ...urls()], io.context)).toBe(0);
    expect(io.stdout.match(/✅/g)).toHaveLength(5);
  });

  it('writes each step to the CLI log, a failed one with its code', async () => {
    const { io, log } = await withLogFile('zh-CN');
    expect(await check.run(['--credentials-file', staleFile, ...urls()], io.context)).toBe(3);
    const text = await log();
    expect(text).toMatch(/ INFO \[check\] credentials ok /);
    expect(text).toMatch(/ WARN \[check\] listenKey failed .*"code":"SESSION_EXPIRED"/);
  });

  it('marks the failing step ❌ with what to do, in Chinese too', async () => {
    const io = createMemoryCliContext('zh-CN');
    const code = await check.run(
      [
        '--credentials-file',
        goodFile,
        '--rest-url',
        sim.restUrl,
        '--ws-url',
        'ws://127.0.0.1:1/w3w/stream',
      ],
      io.context,
    );
    expect(code).toBe(4);
    expect(io.stdout).toContain('❌ 连接');
    expect(io.stdout).toContain('处理办法');
  });

  it('speaks Chinese throughout with zh-CN: the credential source and the rejection reason', async () => {
    const io = createMemoryCliContext('zh-CN');
    expect(await check.run(['--credentials-file', staleFile, ...urls()], io.context)).toBe(3);
    expect(io.stdout).toContain('（来源 凭据文件）');
    expect(io.stdout).toContain('❌ listenKey：币安会话已失效（100002001）');
    expect(io.stdout).not.toMatch(/from file|has expired/);
  });

  it('reports steps as JSON with --json', async () => {
    const io = createMemoryCliContext();
    expect(
      await check.run(['--credentials-file', staleFile, ...urls(), '--json'], io.context),
    ).toBe(3);
    const steps = io.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(steps.map((s) => [s.step, s.ok])).toEqual([
      ['credentials', true],
      ['listenKey', false],
    ]);
    expect(steps[1]).toMatchObject({ code: 'SESSION_EXPIRED', params: {} });
    expect(steps[0].params).toEqual({ account: 'file', source: 'file' });
  });

  it('keeps codes in --json and says each step in the chosen language', async () => {
    const io = createMemoryCliContext('zh-CN');
    expect(
      await check.run(['--credentials-file', staleFile, ...urls(), '--json'], io.context),
    ).toBe(3);
    const lines = io.stdout.trim().split('\n');
    const key = JSON.parse(lines[1] ?? '{}') as { code: string; message: string; fix: string };
    expect(key.code).toBe('SESSION_EXPIRED');
    expect(key.message).toMatch(/^listenKey：币安会话已失效（100002001）/);
    expect(key.fix).toContain('--write-credentials');
    expect(findEnglishSentence(key.message + key.fix)).toBeNull();
  });
});

describe('watch', () => {
  it('exits 3 on an expired session without retrying', async () => {
    const io = createMemoryCliContext();
    expect(
      await watch.run(
        ['--credentials-file', staleFile, ...urls(), '--json', '--duration', '20'],
        io.context,
      ),
    ).toBe(3);
    const lines = io.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-2)).toMatchObject({ type: 'state', state: 'failed', code: 'SESSION_EXPIRED' });
    expect(lines.at(-1).type).toBe('summary');
  });

  it.each([
    ['en', 'does not accept this session', 'Binance'],
    ['zh-CN', '上的模拟器不接受此会话', '币安'],
  ] as const)(
    'for a simulator on this machine, the live status line names the simulator, not Binance (%s)',
    async (lang, says, notSays) => {
      const io = createMemoryCliContext(lang);
      expect(
        await watch.run(
          ['--credentials-file', staleFile, ...urls(), '--duration', '20'],
          io.context,
        ),
      ).toBe(3);
      const failedLine = io.stdout.split('\n').find((l) => l.startsWith('❌'));
      expect(failedLine).toContain(says);
      expect(failedLine).toContain(sim.restUrl);
      expect(failedLine).toContain('100002001');
      expect(io.stdout + io.stderr).not.toContain(notSays);
    },
  );

  it('exits 4 when it never gets live within the duration', async () => {
    const io = createMemoryCliContext();
    const code = await watch.run(
      [
        '--credentials-file',
        goodFile,
        '--rest-url',
        sim.restUrl,
        '--ws-url',
        'ws://127.0.0.1:1/w3w/stream',
        '--duration',
        '1',
      ],
      io.context,
    );
    expect(code).toBe(4);
    expect(io.stderr).toContain('alpha-monitor check');
  });

  it('shows each update as an "order update #k" block and the statistics; Ctrl+C ends it with 0', async () => {
    const io = createMemoryCliContext();
    const running = watch.run(['--credentials-file', goodFile, ...urls()], io.context);
    await waitFor(() => io.stdout.includes('Connected'), { what: 'Connected' });
    const price = sim.market.getPrice('ALPHA_22USDT');
    const rest = new (await import('../../core/rest/index.ts')).AlphaRestClient({
      baseUrl: sim.restUrl,
      credentials: sim.demoAccount.credentials,
    });
    const orderId = await rest.placeOrder({
      baseAsset: 'ALPHA_22',
      quoteAsset: 'USDT',
      side: 'BUY',
      price: (Number(price) / 2).toFixed(8),
      quantity: '0.5',
    });
    await waitFor(() => io.stdout.includes('Order update #1'), { what: 'the first update' });
    io.interrupt();
    expect(await running).toBe(0);
    expect(io.stdout).toContain(`Order ID: ${orderId}`);
    expect(io.stdout).toMatch(/Status: NEW/);
    expect(io.stdout).toMatch(/Total order updates: 1\n/);
    expect(io.stdout).toMatch(/Status distribution[^\n]*\n {3}NEW: 1/);
  });

  it('rejects bad usage with exit code 2', async () => {
    await expect(
      watch.run(['--duration', '-5', '--demo'], createMemoryCliContext().context),
    ).rejects.toMatchObject({ exitCode: 2 });
    await expect(watch.run(['--bogus'], createMemoryCliContext().context)).rejects.toMatchObject({
      exitCode: 2,
    });
  });

  it.each([
    ['en', '--duration needs a number of seconds ≥ 0 (0: until Ctrl+C), got "abc"'],
    ['zh-CN', '--duration 需要一个 ≥ 0 的秒数（0：直到 Ctrl+C），收到“abc”'],
  ] as const)(
    'a --duration that is no number says the rule: 0 is allowed (%s)',
    async (lang, text) => {
      for (const raw of ['abc', '-5'])
        await expect(
          watch.run(['--demo', `--duration=${raw}`], createMemoryCliContext(lang).context),
        ).rejects.toMatchObject({ exitCode: 2, message: text.replace('abc', raw) });
    },
  );
});
