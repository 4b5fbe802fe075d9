/** One account's live monitor: import from here. */
export {
  createAccountMonitor,
  type AccountMonitor,
  type AccountMonitorOptions,
  type AccountMonitorSettings,
  type MonitorStatistics,
  type OrderUpdateEvent,
} from './account-monitor.ts';
export { collectBackfill, rowToUpdate, type ReconcileApi } from './backfill.ts';
