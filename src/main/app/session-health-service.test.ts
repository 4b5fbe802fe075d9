import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import type { VerificationOutcome } from '../core/accounts/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import { nullLogger } from '../core/ports/logger.ts';
import { SessionHealthService } from './session-health-service.ts';

const HOUR_MS = 60 * 60_000;

/** A fake clock that can also jump (a laptop waking up): time moves, no timer runs meanwhile. */
function sleepyClock() {
  const fake = new FakeClock(1_750_000_000_000);
  let offsetMs = 0;
  const clock: Clock = {
    now: () => fake.now() + offsetMs,
    setTimeout: (cb, ms) => fake.setTimeout(cb, ms),
    setInterval: (cb, ms) => fake.setInterval(cb, ms),
  };
  return { clock, fake, sleep: (ms: number) => void (offsetMs += ms) };
}

function setup(outcomes: Record<string, VerificationOutcome>) {
  const { clock, fake, sleep } = sleepyClock();
  const probed: string[] = [];
  const health = new SessionHealthService({
    clock,
    logger: nullLogger,
    accountIds: async () => Object.keys(outcomes),
    probe: async (id) => {
      probed.push(id);
      return outcomes[id]!;
    },
  });
  health.start();
  return { health, fake, sleep, probed, clock };
}

describe('SessionHealthService', () => {
  it('probes every account hourly and marks an expired session before anything else hits it', async () => {
    const outcomes: Record<string, VerificationOutcome> = { main: 'OK', alt: 'OK' };
    const { health, fake, probed } = setup(outcomes);
    const changed: string[] = [];
    health.onDidChange((id) => changed.push(id));

    await fake.advance(30 * 60_000);
    expect(probed).toEqual([]);
    expect(health.view('main').status).toBe('unchecked');

    await fake.advance(31 * 60_000);
    expect(probed.sort()).toEqual(['alt', 'main']);
    expect(health.view('main')).toMatchObject({ status: 'ok', reasons: [] });

    // The user places an order in the browser: the copy's tokens rotate.
    outcomes.main = 'SESSION_EXPIRED';
    await fake.advance(HOUR_MS);
    expect(health.view('main')).toMatchObject({ status: 'expired', reasons: ['SESSION_EXPIRED'] });
    expect(health.view('alt').status).toBe('ok');
    expect(changed).toContain('main');
    health.dispose();
  });

  it('after a wake-up (the clock jumped) probes every account at once, not an hour later', async () => {
    const outcomes: Record<string, VerificationOutcome> = { main: 'OK' };
    const { health, fake, sleep, probed } = setup(outcomes);
    await fake.advance(61 * 60_000);
    expect(probed).toEqual(['main']);

    outcomes.main = 'SESSION_EXPIRED';
    sleep(20 * 60_000); // asleep for 20 minutes: no timer ran
    await fake.advance(60_000); // the first tick after waking
    expect(probed).toEqual(['main', 'main']);
    expect(health.view('main').status).toBe('expired');
    health.dispose();
  });

  it('a copy made without "stay signed in" is at risk even while it works', async () => {
    const { health, fake } = setup({ main: 'OK' });
    expect(health.view('main', ['SHORT_LIVED_COPY'])).toMatchObject({
      status: 'at-risk',
      reasons: ['SHORT_LIVED_COPY'],
    });
    await fake.advance(61 * 60_000);
    expect(health.view('main', ['SHORT_LIVED_COPY']).status).toBe('at-risk');
    health.record('main', 'VERIFICATION_REQUIRED');
    expect(health.view('main', ['SHORT_LIVED_COPY'])).toMatchObject({
      status: 'verification-required',
      reasons: ['VERIFICATION_REQUIRED', 'SHORT_LIVED_COPY'],
    });
    health.dispose();
  });
});
