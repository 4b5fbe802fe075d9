import type { StrategyProgressView } from '../../shared/ipc/views-app.ts';
import { DisposableStore, type Disposable } from '../../shared/lifecycle/disposable.ts';
import { strategyAlertOf } from '../core/alerts/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { AlertsAppService } from './alerts-app-service.ts';
import type { MonitorService } from './monitor-service.ts';
import type { StrategyService } from './strategy-service.ts';

/**
 * The app's alert sources: every monitor's state (session expired, verification needed,
 * account down), accepted fills, updates the stream missed, and strategy runs that end.
 */
export function wireAppAlerts(deps: {
  alerts: AlertsAppService;
  monitors: MonitorService;
  strategies: StrategyService;
  clock: Clock;
}): Disposable {
  const { alerts, monitors, strategies, clock } = deps;
  const store = new DisposableStore();
  const source = alerts.monitorAlerts;
  store.add(
    monitors.onDidChangeConnection((view) => {
      if (view.state === 'stopped') source.forget(view.accountId);
      else source.onState(view.accountId, view.state, view.problem?.code ?? null);
    }),
  );
  store.add(
    monitors.onDidAcceptUpdate(({ accountId, view }) =>
      source.onUpdate(accountId, view.update, view.verdict),
    ),
  );
  store.add(
    monitors.onDidMissUpdates(({ accountId, missedByStream }) =>
      source.onReconcile(accountId, missedByStream),
    ),
  );
  const runStates = new Map<string, StrategyProgressView['state']>();
  store.add(
    strategies.onDidProgress((view) => {
      const event = strategyAlertOf(runStates.get(view.runId), view, clock.now());
      runStates.set(view.runId, view.state);
      if (event) alerts.publish(event);
    }),
  );
  return store;
}
