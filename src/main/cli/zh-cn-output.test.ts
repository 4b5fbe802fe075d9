import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnglishSentence } from '../../../test/fakes/english-sentence.ts';
import { startFixtureHttpServer } from '../../../test/fakes/fixture-http-server.ts';
import { createMemoryCliContext } from '../../../test/fakes/memory-cli-context.ts';
import {
  placeRestingOto,
  startStillSimulator,
  type Simulator,
} from '../../../test/fakes/simulator.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';
import { curlForSession } from '../../../test/fakes/accounts-cli-harness.ts';
import { COMMANDS } from './commands/index.ts';
import { main } from './main.ts';

/**
 * Every command's normal output and its error paths under `--lang zh-CN`: whatever a user
 * sees (stdout and stderr) holds no English sentence. Product names, flags, codes, URLs, paths and text quoted from
 * outside (an OS or server message) may stay (test/fakes/english-sentence.ts).
 */
let dir: string;
let sim: Simulator;
let validFile: string;
let expiredFile: string;
let curlFile: string;
let hook: Awaited<ReturnType<typeof startFixtureHttpServer>>;
const CLOSED_URL = 'http://127.0.0.1:9';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'alpha-zh-'));
  sim = await startStillSimulator();
  validFile = join(dir, 'demo.json');
  writeFileSync(validFile, JSON.stringify(sim.demoAccount.credentials), { mode: 0o600 });
  const expired = sim.createAccount();
  expiredFile = join(dir, 'expired.json');
  writeFileSync(expiredFile, JSON.stringify(expired.credentials), { mode: 0o600 });
  sim.faults.invalidateSession(expired.userId);
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  curlFile = join(dir, 'session.curl');
  writeFileSync(curlFile, curlForSession(sim.createAccount().credentials), { mode: 0o600 });
  hook = await startFixtureHttpServer({ '/hook': { body: '{}' } });
});

afterAll(async () => {
  await hook?.close();
  await sim?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

type MemoryRun = ReturnType<typeof createMemoryCliContext>;

/** Runs a command in zh-CN; `meanwhile` acts on a running one (e.g. Ctrl+C once it is up). */
async function runZh(argv: string[], meanwhile?: (run: MemoryRun) => Promise<void>) {
  const t = createMemoryCliContext('zh-CN', {
    ALPHA_MONITOR_HOME: join(dir, 'home'),
    ALPHA_MONITOR_KEYCHAIN_SERVICE: `alpha-monitor-zh-test-${process.pid}`,
    ALPHA_MONITOR_WEBHOOK_SECRET: 'zh-test-webhook-secret',
    // serve's start line needs only a page to serve, not the built renderer.
    ALPHA_MONITOR_RENDERER_DIR: join(dir, 'renderer'),
  });
  const running = main([...argv, '--lang', 'zh-CN'], t.context);
  await meanwhile?.(t);
  const code = await running;
  return { code, output: t.stdout + t.stderr };
}

/** Presses Ctrl+C once the command printed `text`. */
const interruptAfter = (text: string) => async (run: MemoryRun) => {
  await waitFor(() => (run.stdout + run.stderr).includes(text), { what: text });
  run.interrupt();
};

const live = () => ['--rest-url', sim.restUrl, '--ws-url', sim.wsUrl];
const closed = () => ['--rest-url', CLOSED_URL, '--ws-url', 'ws://127.0.0.1:9/w3w/stream'];

/** Each command's error paths (and its --help), as a user would type them. */
const CASES: Array<[name: string, argv: () => string[]]> = [
  ['unknown command', () => ['nosuch']],
  ...Object.keys(COMMANDS).flatMap((name): Array<[string, () => string[]]> => [
    [`${name} --help`, () => [name, '--help']],
    [`${name}: unknown option`, () => [name, '--nosuch']],
  ]),
  ['watch: option without its value', () => ['watch', '--duration']],
  ['watch: not a number', () => ['watch', '--duration', 'abc', '--demo']],
  ['watch: missing credentials file', () => ['watch', '--credentials-file', join(dir, 'no.json')]],
  ['watch: --demo with credentials', () => ['watch', '--demo', '--credentials-file', validFile]],
  [
    'watch: exchange unreachable',
    () => ['watch', ...closed(), '--credentials-file', validFile, '--duration', '5'],
  ],
  [
    'watch: session expired',
    () => ['watch', ...live(), '--credentials-file', expiredFile, '--duration', '5'],
  ],
  ['check: exchange unreachable', () => ['check', ...closed(), '--credentials-file', validFile]],
  ['check: session expired', () => ['check', ...live(), '--credentials-file', expiredFile]],
  [
    'listen-key: exchange unreachable',
    () => ['listen-key', '--rest-url', CLOSED_URL, '--credentials-file', validFile],
  ],
  [
    'listen-key: session expired',
    () => ['listen-key', '--rest-url', sim.restUrl, '--credentials-file', expiredFile],
  ],
  ['accounts: unknown subcommand', () => ['accounts', 'nosuch']],
  [
    'accounts: --demo with --rest-url',
    () => ['accounts', 'list', '--demo', '--rest-url', CLOSED_URL],
  ],
  ['alerts: unknown subcommand', () => ['alerts', 'nosuch']],
  ['strategy: bad volume', () => ['strategy', '--demo', '--volume', 'abc']],
  ['strategy: no target', () => ['strategy', '--demo']],
  [
    'strategy: session expired',
    () => [
      'strategy',
      ...live(),
      '--credentials-file',
      expiredFile,
      '--token',
      'KOGE',
      '--chain',
      'BSC',
      '--volume',
      '20',
      '--yes',
    ],
  ],
  ['points: exchange unreachable', () => ['points', ...closed(), '--credentials-file', validFile]],
  ['points: session expired', () => ['points', ...live(), '--credentials-file', expiredFile]],
  ['sim: bad port', () => ['sim', '--port', 'abc']],
  ['serve: bad port', () => ['serve', '--port', 'abc']],
  ['fleet: bad accounts', () => ['fleet', '--demo', '--accounts', 'abc']],
];

/** Each command doing its job, as a user would type it (exit code 0). */
const SUCCESS_CASES: Array<
  [name: string, argv: () => string[], meanwhile?: (run: MemoryRun) => Promise<void>]
> = [
  [
    'watch: an order placed and filled, then Ctrl+C',
    () => ['watch', ...live(), '--credentials-file', validFile],
    async (run) => {
      await waitFor(() => run.stdout.includes('WebSocket 连接已建立'), { what: 'live' });
      const oto = await placeRestingOto(sim);
      sim.orders.fillNow(String(oto.workingOrderId));
      await waitFor(() => run.stdout.includes('FILLED'), { what: 'the fill on screen' });
      run.interrupt();
    },
  ],
  ['check', () => ['check', ...live(), '--credentials-file', validFile]],
  ['listen-key', () => ['listen-key', '--rest-url', sim.restUrl, '--credentials-file', validFile]],
  ['accounts list (none yet)', () => ['accounts', 'list']],
  [
    'accounts add from a cURL file',
    () => ['accounts', 'add', '--user', 'zh1', '--from-curl', curlFile, '--rest-url', sim.restUrl],
  ],
  ['accounts list (one)', () => ['accounts', 'list']],
  ['accounts remove', () => ['accounts', 'remove', '--user', 'zh1']],
  [
    'strategy --demo (one small trade)',
    () => [
      ...['strategy', '--demo', '--token', 'KOGE', '--chain', 'BSC'],
      ...['--volume', '20', '--amount', '10', '--yes'],
    ],
  ],
  ['points', () => ['points', ...live(), '--credentials-file', validFile]],
  ['fleet --demo --once', () => ['fleet', '--demo', '--accounts', '2', '--once']],
  ['alerts (show)', () => ['alerts']],
  ['alerts test --webhook', () => ['alerts', 'test', '--webhook', `${hook.url}/hook`]],
  ['sim: its start lines, then Ctrl+C', () => ['sim', '--no-demo'], interruptAfter('Ctrl+C')],
  [
    'serve: its start line, then Ctrl+C',
    () => ['serve', '--demo', '--port', '0', '--credentials-file', validFile],
    interruptAfter('http://127.0.0.1:'),
  ],
];

describe('zh-CN normal output has no English sentence', () => {
  it.each(SUCCESS_CASES)('%s', { timeout: 120_000 }, async (_name, argv, meanwhile) => {
    const { code, output } = await runZh(argv(), meanwhile);
    if (process.env.ZH_DUMP) console.log(`=== ${_name} (exit ${code})\n${output}`);
    expect(code, output).toBe(0);
    const sentence = findEnglishSentence(output);
    expect(sentence, `English in:\n${output}`).toBeNull();
  });
});

describe('zh-CN output has no English sentence', () => {
  it.each(CASES)('%s', { timeout: 60_000 }, async (_name, argv) => {
    const { output } = await runZh(argv());
    if (process.env.ZH_DUMP) console.log(`=== ${_name}\n${output}`);
    expect(output.trim().length).toBeGreaterThan(0);
    const sentence = findEnglishSentence(output);
    expect(sentence, `English in:\n${output}`).toBeNull();
  });
});
