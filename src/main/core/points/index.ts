/** Alpha points and wear (issue 11): import from here. */
export * from './points-rules.ts';
export * from './wear.ts';
export { PointsService, wearFillOfTrade, type PointsRestPort } from './points-service.ts';
export type { PointsSnapshot, PointsDay, NextPoint } from './points-snapshot.ts';
export type { PointsView, PointsTarget } from '../../../shared/ipc/views-points.ts';
export { pointsTarget } from './points-target.ts';
export { dailySummary, type DailySummaryRow } from './daily-summary.ts';
