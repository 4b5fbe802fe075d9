/**
 * The UI bench's host, a child process of the bench (so that the simulator and the sender do
 * not share its event loop, as an exchange would not): the browser host with the app's
 * services, as `alpha-monitor serve --credentials-file` runs them, monitoring one account.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionCredentials } from '../../src/main/core/credentials/session-credentials.ts';
import { nullLogger } from '../../src/main/core/ports/logger.ts';
import { runHost } from '../../src/main/host/run-host.ts';
import { MemorySecretStore } from '../../test/fakes/memory-secret-store.ts';
import { serveAsChild } from './child-ipc.ts';

export const UI_ACCOUNT_ID = 'bench-ui';

export interface UiHostTask {
  restUrl: string;
  wsUrl: string;
  credentials: SessionCredentials;
  rendererDir?: string;
}
/** `accepted`: asks how many updates the monitor has accepted so far. */
export type UiHostRequest =
  { kind: 'task'; task: UiHostTask } | { kind: 'accepted' } | { kind: 'stop' };
export type UiHostMessage = { kind: 'live'; url: string } | { kind: 'accepted'; updates: number };

const send = (message: UiHostMessage) => process.send!(message);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(task: UiHostTask, stopped: Promise<void>) {
  const home = await mkdtemp(join(tmpdir(), 'alpha-monitor-bench-ui-'));
  // The bench's orders exist only in its pushes: the clock reconciliation (every 60 s by
  // default) would find them unknown to the exchange. The longest interval a user can set.
  await writeFile(join(home, 'settings.json'), JSON.stringify({ reconcileIntervalS: 3600 }));
  const running = await runHost({
    port: 0,
    restUrl: task.restUrl,
    wsUrl: task.wsUrl,
    rendererDir: task.rendererDir,
    env: {
      ...process.env,
      ALPHA_MONITOR_HOME: home,
      ALPHA_MONITOR_KEYCHAIN_SERVICE: 'alpha-monitor-bench-ui',
    },
    logger: nullLogger,
    secrets: new MemorySecretStore(),
    credentialsFile: { accountId: UI_ACCOUNT_ID, label: 'Bench', credentials: task.credentials },
  });
  const { handlers } = running.app;
  try {
    for (;;) {
      const connections = await handlers.listConnections(undefined);
      if (connections.some((c) => c.accountId === UI_ACCOUNT_ID && c.state === 'live')) break;
      await sleep(200);
    }
    process.on('message', (request: UiHostRequest) => {
      if (request.kind !== 'accepted') return;
      void (async () => {
        const { stats } = await handlers.getMonitorSnapshot({ accountId: UI_ACCOUNT_ID });
        send({ kind: 'accepted', updates: stats.updatesAccepted });
      })();
    });
    send({ kind: 'live', url: running.host.url });
    await stopped;
  } finally {
    await running.dispose();
    await rm(home, { recursive: true, force: true });
  }
}

serveAsChild(run);
