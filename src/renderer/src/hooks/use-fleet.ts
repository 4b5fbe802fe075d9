import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { FleetRowView, FleetSnapshot, FleetUpdate } from '../../../shared/ipc/views-fleet.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { applyFleetUpdate } from '../model/fleet-query.ts';
import type { LiveReducer } from '../model/live-state.ts';
import { useLiveState } from './use-live-feed.ts';

type FleetRows = ReadonlyMap<string, FleetRowView>;

/** Updates that raced the snapshot apply on top of it unless the snapshot is newer. */
const FLEET: LiveReducer<FleetRows, FleetSnapshot, FleetUpdate> = {
  loaded: (snapshot, held) => {
    let next: FleetRows = new Map(snapshot.rows.map((r) => [r.accountId, r]));
    for (const update of held)
      if (update.atMs >= snapshot.atMs) next = applyFleetUpdate(next, update);
    return next;
  },
  event: (current, update) => applyFleetUpdate(current ?? new Map(), update),
};

/**
 * Every account's fleet row, kept current by the one aggregated `fleetChanged` event (see
 * useLiveFeed: loaded again after the host connection came back). `reload` asks again.
 */
export function useFleet(api: ContractApi): {
  rows: FleetRows | null;
  error: IpcError | null;
  reload: () => void;
} {
  const { value, error, reload } = useLiveState(
    () => api.getFleet(),
    (listener: (update: FleetUpdate) => void) => api.onFleetChanged(listener),
    FLEET,
    [api],
  );
  return { rows: value, error, reload };
}
