import type { SessionHealthReason } from '../../shared/ipc/views-app.ts';
import type { FleetSessionHealth } from '../../shared/ipc/views-fleet.ts';
import type { FleetSource } from './fleet-service.ts';
import type { SessionHealthService } from './session-health-service.ts';

/**
 * The fleet's session column from the session health service (the paste check and the light
 * probe), so the fleet and the account show one verdict. Null, so the fleet falls back to what
 * the monitor saw (live, expired, ...), while the account was never checked (e.g. the demo).
 */
export function healthFleetSource(health: SessionHealthService): FleetSource<FleetSessionHealth> & {
  /** What the paste check found of each stored copy (from the account list). */
  noteCopyWarnings(
    records: ReadonlyArray<{ id: string; copyWarnings?: readonly SessionHealthReason[] }>,
  ): void;
} {
  const copyWarnings = new Map<string, readonly SessionHealthReason[]>();
  return {
    of(accountId) {
      const view = health.view(accountId, copyWarnings.get(accountId) ?? []);
      if (view.status === 'unchecked') return null;
      return { status: view.status, reasons: [...view.reasons], checkedAtMs: view.checkedAtMs };
    },
    onDidChange: health.onDidChange,
    noteCopyWarnings(records) {
      for (const r of records) copyWarnings.set(r.id, r.copyWarnings ?? []);
    },
  };
}
