import { useEffect, useState } from 'react';
import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { FleetRowView, FleetUpdate } from '../../../shared/ipc/views-fleet.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { applyFleetUpdate } from '../model/fleet-query.ts';

/**
 * Every account's fleet row, kept current by the one aggregated `fleetChanged` event. The
 * listener is attached before the snapshot is asked for; events that raced the snapshot are
 * applied on top of it, so no change falls between the two. `reload` asks again (e.g. after
 * the host connection came back).
 */
export function useFleet(api: ContractApi): {
  rows: ReadonlyMap<string, FleetRowView> | null;
  error: IpcError | null;
  reload: () => void;
} {
  const [rows, setRows] = useState<ReadonlyMap<string, FleetRowView> | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let alive = true;
    let early: FleetUpdate[] | null = [];
    const off = api.onFleetChanged((update) => {
      if (!alive) return;
      if (early) early.push(update);
      else setRows((prev) => applyFleetUpdate(prev ?? new Map(), update));
    });
    void api.getFleet().then((result) => {
      if (!alive) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      let next = new Map(result.value.rows.map((r) => [r.accountId, r]));
      for (const update of early ?? [])
        if (update.atMs >= result.value.atMs) next = applyFleetUpdate(next, update);
      early = null;
      setError(null);
      setRows(next);
    });
    return () => {
      alive = false;
      off();
    };
  }, [api, generation]);
  return { rows, error, reload: () => setGeneration((g) => g + 1) };
}
