/**
 * The preload AS BUILT (out/preload/index.cjs), run the way a sandboxed Electron preload runs:
 * in its own context, with a `require` that knows only `electron`. The page must get exactly
 * `window.api`, made of functions only (nothing that leaks ipcRenderer or an event's sender).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, REQUEST_CHANNELS } from '../src/shared/ipc/contract.ts';
import { eventMethodName } from '../src/shared/ipc/create-api.ts';

const BUILT_PRELOAD = resolve(import.meta.dirname, '..', 'out', 'preload', 'index.cjs');

interface Loaded {
  exposed: Array<{ name: string; value: unknown }>;
  required: string[];
  invoked: Array<{ channel: string; payload: unknown }>;
  listeners: Map<string, (event: unknown, payload: unknown) => void>;
}

function loadPreload(): Loaded {
  if (!existsSync(BUILT_PRELOAD))
    throw new Error(`${BUILT_PRELOAD} is missing: run \`npm run build\` first (npm test does).`);
  const loaded: Loaded = { exposed: [], required: [], invoked: [], listeners: new Map() };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, value: unknown) => loaded.exposed.push({ name, value }),
    },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => {
        loaded.invoked.push({ channel, payload });
        return { ok: true, value: null };
      },
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
        loaded.listeners.set(channel, listener),
      removeListener: (channel: string) => loaded.listeners.delete(channel),
    },
  };
  const module = { exports: {} };
  const sandbox = {
    module,
    exports: module.exports,
    console,
    require: (id: string) => {
      loaded.required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${id}"`);
    },
  };
  runInContext(readFileSync(BUILT_PRELOAD, 'utf8'), createContext(sandbox), {
    filename: BUILT_PRELOAD,
  });
  return loaded;
}

describe('the built preload', () => {
  it('requires only electron and exposes exactly window.api, functions only', () => {
    const loaded = loadPreload();
    expect([...new Set(loaded.required)]).toEqual(['electron']);
    expect(loaded.exposed.map((e) => e.name)).toEqual(['api']);
    const api = loaded.exposed[0]!.value as Record<string, unknown>;
    const expected = [...REQUEST_CHANNELS, ...EVENT_NAMES.map((name) => eventMethodName(name))];
    expect(Object.keys(api).sort()).toEqual([...expected].sort());
    for (const [key, value] of Object.entries(api))
      expect([key, typeof value]).toEqual([key, 'function']);
  });

  it('calls its own channel for each method and hands listeners the payload only', async () => {
    const loaded = loadPreload();
    const api = loaded.exposed[0]!.value as Record<string, (...args: unknown[]) => unknown>;
    await api.startMonitor!({ accountId: 'a1' });
    expect(loaded.invoked).toEqual([
      { channel: 'alpha-monitor:req:startMonitor', payload: { accountId: 'a1' } },
    ]);

    const got: unknown[] = [];
    const stop = api.onNotice!((payload: unknown) => got.push(payload)) as () => void;
    const channel = 'alpha-monitor:evt:notice';
    loaded.listeners.get(channel)!(
      { sender: { secret: 'ipcRenderer' } },
      { title: 'Order filled' },
    );
    expect(got).toEqual([{ title: 'Order filled' }]);
    stop();
    expect(loaded.listeners.has(channel)).toBe(false);
  });
});
