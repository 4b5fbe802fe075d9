import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnglishSentence } from '../../../test/fakes/english-sentence.ts';
import { createMemoryCliContext } from '../../../test/fakes/memory-cli-context.ts';
import { startStillSimulator, type Simulator } from '../../../test/fakes/simulator.ts';
import { COMMANDS } from './commands/index.ts';
import { main } from './main.ts';

/**
 * Every command's error paths under `--lang zh-CN`: whatever a user sees (stdout and stderr)
 * holds no English sentence. Product names, flags, codes, URLs, paths and text quoted from
 * outside (an OS or server message) may stay (test/fakes/english-sentence.ts).
 */
let dir: string;
let sim: Simulator;
let validFile: string;
let expiredFile: string;
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
});

afterAll(async () => {
  await sim?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function runZh(argv: string[]) {
  const t = createMemoryCliContext('zh-CN', {
    ALPHA_MONITOR_HOME: join(dir, 'home'),
    ALPHA_MONITOR_KEYCHAIN_SERVICE: `alpha-monitor-zh-test-${process.pid}`,
  });
  const code = await main([...argv, '--lang', 'zh-CN'], t.context);
  return { code, output: t.stdout + t.stderr };
}

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

describe('zh-CN output has no English sentence', () => {
  it.each(CASES)('%s', { timeout: 60_000 }, async (_name, argv) => {
    const { output } = await runZh(argv());
    if (process.env.ZH_DUMP) console.log(`=== ${_name}\n${output}`);
    expect(output.trim().length).toBeGreaterThan(0);
    const sentence = findEnglishSentence(output);
    expect(sentence, `English in:\n${output}`).toBeNull();
  });
});
