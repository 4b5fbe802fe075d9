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
  receiver = await startFixtureHttpServer({ '/hook': { body: '{}' } });
});
afterEach(async () => {
  await receiver.close();
  await sim.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('watch --webhook', () => {
  it('posts a fill and, as the session dies, a session-expired alert before exiting 3', async () => {
    const file = join(dir, 'session.json');
    await writeFile(file, JSON.stringify(sim.demoAccount.credentials));
    await chmod(file, 0o600);
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
