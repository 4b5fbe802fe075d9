import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { nullLogger } from '../ports/logger.ts';
import { AlertDeliveryError, backoffDelayMs, DeliveryQueue } from './delivery-queue.ts';

function setup(options: { maxQueued?: number; fail?: (item: string, attempt: number) => boolean }) {
  const clock = new FakeClock();
  const attempts: Array<{ item: string; atMs: number; droppedBefore: number }> = [];
  const delivered: Array<{ item: string; droppedBefore: number }> = [];
  const queue = new DeliveryQueue<string>({
    name: 'test',
    clock,
    logger: nullLogger,
    maxQueued: options.maxQueued,
    backoff: { baseMs: 1_000, capMs: 8_000, maxAttempts: 6 },
    send: async (item, droppedBefore) => {
      const attempt = attempts.filter((a) => a.item === item).length + 1;
      attempts.push({ item, atMs: clock.now(), droppedBefore });
      if (options.fail?.(item, attempt))
        throw new AlertDeliveryError('NETWORK', 'cannot connect', true);
      delivered.push({ item, droppedBefore });
    },
  });
  return { clock, queue, attempts, delivered };
}

/** A queue whose every send runs `send` (counting calls). */
function queueWith(send: () => Promise<void>) {
  const clock = new FakeClock();
  const calls = { n: 0 };
  const queue = new DeliveryQueue<string>({
    name: 'test',
    clock,
    logger: nullLogger,
    send: () => {
      calls.n++;
      return send();
    },
  });
  return { clock, queue, calls };
}

describe('DeliveryQueue', () => {
  it('retries a failed send with exponential backoff (1, 2, 4, 8, 8 s, capped) and delivers when it works', async () => {
    const start = new FakeClock().now();
    const { clock, queue, attempts, delivered } = setup({ fail: (_, attempt) => attempt < 6 });
    queue.enqueue('a');
    await clock.advance(60_000);
    expect(attempts.map((a) => a.atMs - start)).toEqual([0, 1_000, 3_000, 7_000, 15_000, 23_000]);
    expect(delivered.map((d) => d.item)).toEqual(['a']);
    expect(queue.stats).toMatchObject({ delivered: 1, retries: 5, dropped: 0 });
  });

  it('enqueue returns at once while a send hangs: the caller is never blocked', async () => {
    const { queue, calls } = queueWith(() => new Promise<void>(() => {}));
    for (let i = 0; i < 1_000; i++) queue.enqueue(String(i));
    expect(calls.n).toBe(1);
    expect(queue.stats.queued).toBeLessThanOrEqual(101);
    queue.dispose();
  });

  it('gives up after the last attempt, and the next message that goes says how many were lost', async () => {
    const { clock, queue, delivered } = setup({ fail: (item) => item === 'a' });
    queue.enqueue('a');
    queue.enqueue('b');
    await clock.advance(120_000);
    expect(delivered).toEqual([{ item: 'b', droppedBefore: 1 }]);
    expect(queue.stats).toMatchObject({ delivered: 1, dropped: 1 });
  });

  it('gives up at once on a refusal that cannot pass (a wrong token)', async () => {
    const { clock, queue, calls } = queueWith(async () => {
      throw new AlertDeliveryError('REFUSED', 'HTTP 401', false);
    });
    queue.enqueue('a');
    await clock.advance(600_000);
    expect(calls.n).toBe(1);
    expect(queue.stats.dropped).toBe(1);
  });

  it('is bounded: while the channel is down the oldest waiting messages are dropped and counted', async () => {
    let down = true;
    const { clock, queue, delivered } = setup({ maxQueued: 3, fail: () => down });
    for (const item of ['a', 'b', 'c', 'd', 'e', 'f']) queue.enqueue(item);
    // 'a' is being tried; b and c were pushed out by e and f.
    down = false;
    await clock.advance(10_000);
    expect(delivered.map((d) => d.item)).toEqual(['a', 'd', 'e', 'f']);
    expect(delivered[0]!.droppedBefore).toBe(2);
    expect(delivered[1]!.droppedBefore).toBe(0);
    expect(queue.stats.dropped).toBe(2);
  });

  it("waits as long as the receiver asks (Telegram's retry_after) when that is longer than the backoff", async () => {
    const start = new FakeClock().now();
    const clock = new FakeClock();
    const attemptsAtMs: number[] = [];
    const queue = new DeliveryQueue<string>({
      name: 'test',
      clock,
      logger: nullLogger,
      backoff: { baseMs: 1_000, capMs: 8_000, maxAttempts: 6 },
      send: async () => {
        attemptsAtMs.push(clock.now() - start);
        if (attemptsAtMs.length === 1)
          throw new AlertDeliveryError('HTTP_ERROR', 'HTTP 429', true, 30_000);
      },
    });
    queue.enqueue('a');
    await clock.advance(60_000);
    expect(attemptsAtMs).toEqual([0, 30_000]);
  });

  it('idle() resolves once everything is delivered', async () => {
    const { clock, queue } = setup({ fail: (_, attempt) => attempt < 2 });
    queue.enqueue('a');
    const idle = queue.idle(30_000);
    await clock.advance(5_000);
    await expect(idle).resolves.toBe(true);
  });

  it('backoffDelayMs doubles from the base up to the cap', () => {
    const backoff = { baseMs: 2_000, capMs: 120_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelayMs(n, backoff))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 120_000, 120_000,
    ]);
  });
});
