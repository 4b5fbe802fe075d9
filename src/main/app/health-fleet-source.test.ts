import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { nullLogger } from '../core/ports/logger.ts';
import { healthFleetSource } from './health-fleet-source.ts';
import { SessionHealthService } from './session-health-service.ts';

function setup() {
  const clock = new FakeClock();
  const health = new SessionHealthService({
    clock,
    logger: nullLogger,
    accountIds: async () => ['a1', 'a2'],
    probe: async () => 'OK',
  });
  return { clock, health, source: healthFleetSource(health) };
}

describe('the fleet session column from session health', () => {
  it('leaves a never-checked account to what its monitor saw', () => {
    expect(setup().source.of('a1')).toBeNull();
  });

  it('shows an expired session, and a short-lived copy as at risk', () => {
    const { clock, health, source } = setup();
    const changed: string[] = [];
    source.onDidChange((id) => changed.push(id));
    health.record('a1', 'SESSION_EXPIRED');
    health.record('a2', 'OK');
    source.noteCopyWarnings([{ id: 'a2', copyWarnings: ['SHORT_LIVED_COPY'] }]);
    expect(source.of('a1')).toEqual({
      status: 'expired',
      reasons: ['SESSION_EXPIRED'],
      checkedAtMs: clock.now(),
    });
    expect(source.of('a2')).toMatchObject({ status: 'at-risk', reasons: ['SHORT_LIVED_COPY'] });
    expect(changed).toContain('a1');
  });
});
