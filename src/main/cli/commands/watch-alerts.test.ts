import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFixtureHttpServer } from '../../../../test/fakes/fixture-http-server.ts';
import { createMemoryCliContext } from '../../../../test/fakes/memory-cli-context.ts';
import { waitFor } from '../../../../test/fakes/wait-for.ts';
import type { AlertMessage } from '../../core/alerts/index.ts';
import { startSimulator, type Simulator } from '../../sim/index.ts';
import { placeRestingOto } from '../../sim/testing/demo-session.ts';
import { command as watch } from './watch.ts';

let sim: Simulator;
let dir: string;
let receiver: Awaited<ReturnType<typeof startFixtureHttpServer>>;
beforeEach(async () => {
  sim = await startSimulator({ priceStepFraction: 0, fillDelayMs: 3_600_000 });
  dir = await mkdtemp(join(tmpdir(), 'am-watch-alerts-'));
  receiver = await startFixtureHttpServer({
    '/hook': { body: '{}' },
    '/gone': { status: 404, body: 'no such hook' },
  });
});
afterEach(async () => {
  await receiver.close();
  await sim.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function credentialsFile(): Promise<string> {
  const file = join(dir, 'session.json');
  await writeFile(file, JSON.stringify(sim.demoAccount.credentials));
  await chmod(file, 0o600);
  return file;
}

/** watch with a webhook that refuses every alert, until the session dies (exit 3). */
async function watchWithRefusingHook(extra: string[]) {
  const io = createMemoryCliContext('en', { ALPHA_MONITOR_HOME: dir });
  const argv = ['--credentials-file', await credentialsFile(), '--rest-url', sim.restUrl];
  const running = watch.run(
    [...argv, '--ws-url', sim.wsUrl, '--webhook', `${receiver.url}/gone`, ...extra],
    io.context,
  );
  await waitFor(() => io.stdout.includes('Connected'), { what: 'watch is live' });
  sim.faults.invalidateSession();
  sim.faults.dropAllConnections();
  expect(await running).toBe(3);
  expect(receiver.requests.map((r) => r.path)).toEqual(['/gone']);
  return io;
}

describe('watch --webhook', () => {
  it('a refused alert is one friendly line at the end, no raw WARN line without --verbose', async () => {
    const io = await watchWithRefusingHook([]);
    expect(io.stderr).toContain('1 alert was not delivered; run with --verbose to see why.');
    expect(io.stderr).not.toMatch(/ WARN /);
  }, 120_000);

  it('--verbose adds the raw line, naming the component and the account', async () => {
    const io = await watchWithRefusingHook(['--verbose']);
    expect(io.stderr).toMatch(/ WARN \[watch-alerts file\] alert not delivered; giving up /);
    expect(io.stderr).toContain('"code":"REFUSED"');
  }, 120_000);

  it('posts a fill and, as the session dies, a session-expired alert before exiting 3', async () => {
    const file = await credentialsFile();
    const io = createMemoryCliContext('en', {
      ALPHA_MONITOR_HOME: dir,
      ALPHA_MONITOR_WEBHOOK_SECRET: 'watch-secret-123',
      ALPHA_MONITOR_TELEGRAM_BOT_TOKEN: '1:unused-token',
    });
    const messages = () => receiver.requests.map((r) => JSON.parse(r.body) as AlertMessage);
    const running = watch.run(
      [
        '--credentials-file',
        file,
        '--rest-url',
        sim.restUrl,
        '--ws-url',
        sim.wsUrl,
        '--webhook',
        `${receiver.url}/hook`,
      ],
      io.context,
    );
    await waitFor(() => io.stdout.includes('Connected'), { what: 'watch is live' });
    expect(io.stderr).toContain('Alerts: webhook\n');
    const oto = await placeRestingOto(sim);
    sim.orders.fillNow(String(oto.workingOrderId));
    await waitFor(() => messages().some((m) => m.kind === 'fill'), { what: 'the fill alert' });
    sim.faults.invalidateSession();
    sim.faults.dropAllConnections();
    expect(await running).toBe(3);
    expect(messages().map((m) => m.kind)).toEqual(['fill', 'session-expired']);
    expect(messages()[0]!.text).toBe('Fill on file: BUY 100 ALPHA_373USDT @ 0.2');
    expect(messages()[1]!.accountId).toBe(messages()[0]!.accountId);
  }, 120_000);
});
