import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { DownloadTickets } from './download-tickets.ts';

describe('DownloadTickets', () => {
  it('opens its own file once, and not after it expired', async () => {
    const clock = new FakeClock(0);
    const tickets = new DownloadTickets(clock, 1_000);
    const a = tickets.issue('id-a/orders.csv');
    expect(tickets.redeem(a, 'id-b/orders.csv')).toBe(false);
    expect(tickets.redeem(a, 'id-a/orders.csv')).toBe(true);
    expect(tickets.redeem(a, 'id-a/orders.csv')).toBe(false);

    const late = tickets.issue('id-c/updates.csv');
    await clock.advance(1_000);
    expect(tickets.redeem(late, 'id-c/updates.csv')).toBe(false);
    expect(tickets.redeem(null, 'id-c/updates.csv')).toBe(false);
  });
});
