import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { startCli } from './cli-process.ts';
import type { SimCredentials } from './sim-client.ts';

/** The browser host started for one test, with its own empty data folder. */
export interface HostFixture {
  /** The URL it printed (with its token). */
  url: string;
  /** Its ALPHA_MONITOR_HOME. */
  home: string;
}

/** A standalone simulator (`alpha-monitor sim --json`), as a second terminal would run it. */
export interface SimFixture {
  restUrl: string;
  wsUrl: string;
  controlUrl: string;
  userId: string;
  credentials: SimCredentials;
}

interface SimAnnouncement {
  restUrl: string;
  wsUrl: string;
  controlUrl: string;
  demoAccount?: { userId: string; credentials: SimCredentials };
  userId?: string;
  credentials?: SimCredentials;
}

/**
 * Starts a browser host with a fresh data folder. `hostArgs` lets a test add flags (e.g.
 * `--demo`). The host and its folder are removed after the test, pass or fail.
 */
export const test = base.extend<{
  hostArgs: string[];
  /** Environment of the host beyond its data folder (e.g. no keychain). */
  hostEnv: Record<string, string>;
  host: HostFixture;
  sim: SimFixture;
}>({
  hostArgs: [[], { option: true }],
  hostEnv: [{}, { option: true }],
  host: async ({ hostArgs, hostEnv }, use) => {
    const home = await mkdtemp(join(tmpdir(), 'alpha-monitor-e2e-'));
    const host = await startCli<{ url: string }>(['serve', '--json', '--port', '0', ...hostArgs], {
      env: { ...hostEnv, ALPHA_MONITOR_HOME: home },
      accept: (json) => typeof (json as { url?: unknown }).url === 'string',
    });
    try {
      await use({ url: host.info.url, home });
    } finally {
      await host.stop();
      await rm(home, { recursive: true, force: true });
    }
  },
  // Playwright needs an object pattern here even when no other fixture is used.
  // eslint-disable-next-line no-empty-pattern
  sim: async ({}, use) => {
    const sim = await startCli<SimAnnouncement>(['sim', '--json', '--no-demo'], {
      accept: (json) => typeof (json as { controlUrl?: unknown }).controlUrl === 'string',
    });
    const info = sim.info;
    const account = info.demoAccount ?? { userId: info.userId!, credentials: info.credentials! };
    try {
      await use({
        restUrl: info.restUrl,
        wsUrl: info.wsUrl,
        controlUrl: info.controlUrl,
        userId: account.userId,
        credentials: account.credentials,
      });
    } finally {
      await sim.stop();
    }
  },
});

export { expect } from '@playwright/test';
