import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, REQUEST_CHANNELS } from './contract.ts';
import { createApi } from './create-api.ts';
import type { ContractHandlers } from './dispatch.ts';
import { createInMemoryTransportPair } from './in-memory.ts';
import { IpcServiceError } from './result.ts';
import { DEFAULT_SETTINGS } from './views-app.ts';

function handlersWith(overrides: Partial<ContractHandlers>): ContractHandlers {
  return new Proxy(overrides, {
    get(target, key: string) {
      return (
        target[key as keyof ContractHandlers] ??
        (() => Promise.reject(new Error(`unexpected call ${key}`)))
      );
    },
  }) as ContractHandlers;
}

describe('IPC contract over an in-memory transport', () => {
  it('exposes one method per request channel and one onX per event, and nothing generic', () => {
    const { client } = createInMemoryTransportPair(handlersWith({}));
    const api = createApi(client);
    const keys = Object.keys(api).sort();
    const expected = [
      ...REQUEST_CHANNELS,
      ...EVENT_NAMES.map((name) => `on${name[0]!.toUpperCase()}${name.slice(1)}`),
    ].sort();
    expect(keys).toEqual(expected);
    expect(keys).not.toContain('invoke');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('passes a valid payload to the handler and returns its value', async () => {
    let seen: unknown;
    const { client } = createInMemoryTransportPair(
      handlersWith({
        updateSettings: (patch) => {
          seen = patch;
          return { ...DEFAULT_SETTINGS, ...patch };
        },
      }),
    );
    const api = createApi(client);
    const result = await api.updateSettings({ theme: 'dark' });
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(seen).toEqual({ theme: 'dark' });
  });

  it('refuses a payload that does not match the schema, without calling the handler', async () => {
    let called = false;
    const { client } = createInMemoryTransportPair(
      handlersWith({
        updateSettings: () => {
          called = true;
          return DEFAULT_SETTINGS;
        },
      }),
    );
    const api = createApi(client);
    // A renderer bug or a hostile page: wrong type and an unknown key.
    const result = await (api.updateSettings as (p: unknown) => Promise<unknown>)({
      theme: 'neon',
      isAdmin: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(called).toBe(false);
  });

  it('carries a service error code, params and message; hides the message of an unexpected error', async () => {
    const { client } = createInMemoryTransportPair(
      handlersWith({
        verifyAccount: () => {
          throw new IpcServiceError('ACCOUNT_NOT_FOUND', 'No account "x".', { accountId: 'x' });
        },
        removeAccount: () => {
          throw new Error('cookie=SECRET leaked in a stack');
        },
      }),
    );
    const api = createApi(client);
    expect(await api.verifyAccount({ accountId: 'x' })).toEqual({
      ok: false,
      error: { code: 'ACCOUNT_NOT_FOUND', params: { accountId: 'x' }, message: 'No account "x".' },
    });
    const hidden = await api.removeAccount({ accountId: 'x' });
    expect(hidden).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', params: { channel: 'removeAccount' } },
    });
    expect(JSON.stringify(hidden)).not.toContain('SECRET');
  });

  it('accepts both undefined and null for channels without a payload', async () => {
    const { client } = createInMemoryTransportPair(handlersWith({ listAccounts: () => [] }));
    expect(await createApi(client).listAccounts()).toEqual({ ok: true, value: [] });
    expect(await client.invoke('listAccounts', null)).toEqual({ ok: true, value: [] });
    expect(await client.invoke('noSuchChannel', null)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('delivers events to listeners until they unsubscribe', () => {
    const { client, sink } = createInMemoryTransportPair(handlersWith({}));
    const api = createApi(client);
    const seen: string[] = [];
    const stop = api.onOpenOrder((request) => seen.push(request.orderId));
    sink.emit('openOrder', { accountId: 'a', orderId: '1' });
    stop();
    sink.emit('openOrder', { accountId: 'a', orderId: '2' });
    expect(seen).toEqual(['1']);
  });
});
