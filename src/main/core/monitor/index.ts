/** One account's live monitor: import from here. */
export {
  createAccountMonitor,
  type AccountMonitor,
  type AccountMonitorOptions,
  type AccountMonitorSettings,
  type MonitorStatistics,
  type MonitorOrderUpdate,
  type MonitorFrame,
  type ReconcileEvent,
  type ReconcileTrigger,
  type StatusUnknown,
} from './account-monitor.ts';
export { collectBackfill, rowToUpdate, type ReconcileApi } from './backfill.ts';
export { DEFAULT_IDLE_RECONCILE_INTERVAL_MS, DEFAULT_RECONCILE_INTERVAL_MS } from './reconciler.ts';
export { RestBudget, withRestBudget } from './rest-budget.ts';
