import { afterEach, describe, expect, it } from 'vitest';
import { forgetListenKeysForTests, rememberListenKey } from '../secrets/listen-key-registry.ts';
import { maskingEventSink } from './masking-sink.ts';
import type { EventSink } from './transport.ts';

afterEach(() => forgetListenKeysForTests());

describe('maskingEventSink', () => {
  it('masks an obtained key in any event payload bound for the renderer', () => {
    const key = '0123456789abcdef0123456789abcdef';
    rememberListenKey(key);
    const seen: unknown[] = [];
    const sink: EventSink = { emit: (_name, payload) => void seen.push(payload) };
    const notice = { kind: 'x', message: `listen key ${key} refused` };
    maskingEventSink(sink).emit('notice', notice as never);
    expect(JSON.stringify(seen)).not.toContain(key);
    expect(JSON.stringify(seen)).toContain('0123456789...');
  });
});
