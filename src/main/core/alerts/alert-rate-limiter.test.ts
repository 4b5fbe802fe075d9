import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import type { AlertEvent, AlertGroup } from './alert-event.ts';
import { AlertRateLimiter } from './alert-rate-limiter.ts';
import { formatAlertText } from './alert-text.ts';

const fill = (accountId: string, orderId: string, atMs: number): AlertEvent => ({
  kind: 'fill',
  accountId,
  atMs,
  orderId,
  symbol: 'ALPHA_373USDT',
  side: 'BUY',
  quantity: '10',
  price: '0.05',
  status: 'FILLED',
});

function setup() {
  const clock = new FakeClock();
  const sent: AlertGroup[] = [];
  const sentAtMs: number[] = [];
  const limiter = new AlertRateLimiter({
    clock,
    emit: (g) => {
      sent.push(g);
      sentAtMs.push(clock.now());
    },
  });
  return { clock, sent, sentAtMs, limiter };
}

describe('AlertRateLimiter', () => {
  it('sends the first event of a kind at once, and merges those within the minute into one message at its end', async () => {
    const { clock, sent, limiter } = setup();
    limiter.push({ kind: 'missed-updates', accountId: 'acct1', atMs: clock.now(), missed: 2 });
    expect(sent).toHaveLength(1);
    await clock.advance(10_000);
    limiter.push({ kind: 'missed-updates', accountId: 'acct1', atMs: clock.now(), missed: 3 });
    await clock.advance(10_000);
    limiter.push({ kind: 'missed-updates', accountId: 'acct1', atMs: clock.now(), missed: 4 });
    expect(sent).toHaveLength(1);
    await clock.advance(39_999);
    expect(sent).toHaveLength(1);
    await clock.advance(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.events).toHaveLength(2);
    expect(formatAlertText(sent[1]!, 'en', 'acct1')).toBe(
      '7 update(s) the stream missed on acct1 were recovered over REST (2 times)',
    );
  });

  it('groups a burst of fills into one message ("3 fills on acct1: …") after the group window', async () => {
    const { clock, sent, limiter } = setup();
    for (const id of ['1', '2', '3']) {
      limiter.push(fill('acct1', id, clock.now()));
      await clock.advance(1_000);
    }
    expect(sent).toHaveLength(0);
    await clock.advance(2_000);
    expect(sent).toHaveLength(1);
    expect(formatAlertText(sent[0]!, 'en', 'acct1')).toBe(
      '3 fills on acct1: BUY 10 ALPHA_373USDT @ 0.05; BUY 10 ALPHA_373USDT @ 0.05; BUY 10 ALPHA_373USDT @ 0.05',
    );
    expect(formatAlertText(sent[0]!, 'zh-CN', 'acct1')).toMatch(/^acct1 有 3 笔成交：/);
  });

  it('sends at most one message per kind per account per minute, however many fills come', async () => {
    const { clock, sent, sentAtMs, limiter } = setup();
    // One fill every 2 s for 5 minutes.
    for (let i = 0; i < 150; i++) {
      limiter.push(fill('acct1', String(i), clock.now()));
      await clock.advance(2_000);
    }
    await clock.advance(120_000);
    const times = sentAtMs;
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(60_000);
    expect(sent.reduce((n, g) => n + g.events.length, 0)).toBe(150);
    expect(sent.length).toBeLessThanOrEqual(6);
  });

  it('keeps kinds and accounts apart: each has its own minute', async () => {
    const { clock, sent, limiter } = setup();
    limiter.push({ kind: 'session-expired', accountId: 'acct1', atMs: clock.now() });
    limiter.push({ kind: 'session-expired', accountId: 'acct2', atMs: clock.now() });
    limiter.push({ kind: 'verification-needed', accountId: 'acct1', atMs: clock.now() });
    expect(sent.map((g) => `${g.kind}/${g.accountId}`)).toEqual([
      'session-expired/acct1',
      'session-expired/acct2',
      'verification-needed/acct1',
    ]);
  });

  it('sends a new event at once when the last message of its kind is more than a minute old', async () => {
    const { clock, sent, limiter } = setup();
    limiter.push({ kind: 'session-expired', accountId: 'acct1', atMs: clock.now() });
    await clock.advance(61_000);
    limiter.push({ kind: 'session-expired', accountId: 'acct1', atMs: clock.now() });
    expect(sent).toHaveLength(2);
  });

  it('flush sends what waits at once (before a command-line run exits)', async () => {
    const { clock, sent, limiter } = setup();
    limiter.push(fill('acct1', '1', clock.now()));
    limiter.flush();
    expect(sent).toHaveLength(1);
    await clock.advance(120_000);
    expect(sent).toHaveLength(1);
  });

  it('lists at most ten events in a merged message and counts the rest', async () => {
    const { clock, sent, limiter } = setup();
    for (let i = 0; i < 13; i++) limiter.push(fill('acct1', String(i), clock.now()));
    await clock.advance(5_000);
    const text = formatAlertText(sent[0]!, 'en', 'acct1');
    expect(text.startsWith('13 fills on acct1: ')).toBe(true);
    expect(text.endsWith('… and 3 more')).toBe(true);
  });
});
