import type { FleetPoints } from '../../shared/ipc/views-fleet.ts';
import { utcDate } from '../core/points/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { FleetSource } from './fleet-service.ts';
import type { PointsAppService } from './points-app-service.ts';

/**
 * The fleet's points column from the account's points service (the exchange's user-score plus
 * fills since), so the fleet and the points card show one figure. Null (the fleet falls back
 * to the fills it saw) before the first read, or when the last read was on another UTC day.
 */
export function pointsFleetSource(
  points: PointsAppService,
  clock: Clock,
): FleetSource<FleetPoints> {
  return {
    of(accountId) {
      const s = points.view(accountId).snapshot;
      if (!s || s.date !== utcDate(clock.now())) return null;
      const anyFill = s.wearToday.fills > 0;
      return {
        countedVolumeUsdt: s.today.countedVolumeUsdt,
        volumePoints: s.today.volumePoints,
        wearUsdt: anyFill ? s.wearToday.wearUsdt : null,
        wearBps: anyFill ? s.wearToday.wearBps : null,
        source: 'exchange',
      };
    },
    onDidChange: (listener) => points.onDidChange((view) => listener(view.accountId)),
  };
}
