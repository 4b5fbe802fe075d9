import { useMemo } from 'react';
import type { ConnectionView } from '../../../shared/ipc/views-monitor.ts';
import { LIVE_FIGURES_INTERVAL_MS } from '../components/connection-panel.tsx';
import { withLastStreamUpdate, type AccountSessionModel } from '../model/account-session-model.ts';
import { useSampled } from './use-sampled.ts';

/**
 * The session's connection for the panel: as main reported it, with the last event time and
 * latency of the stream's updates sampled every LIVE_FIGURES_INTERVAL_MS. The same object
 * until one of them changes, so the (memoised) panel does not render per batch.
 */
export function usePanelConnection(model: AccountSessionModel | null): ConnectionView | null {
  const reported = model?.reportedConnection ?? null;
  const last = useSampled(model?.lastStreamUpdate ?? null, LIVE_FIGURES_INTERVAL_MS);
  return useMemo(() => withLastStreamUpdate(reported, last), [reported, last]);
}
