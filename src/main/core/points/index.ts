/** Alpha points and wear (issue 11): import from here. */
export * from './points-rules.ts';
export * from './wear.ts';
export { PointsService, wearFillOfTrade, type PointsRestPort } from './points-service.ts';
export type { PointsSnapshot, PointsDay, NextPoint } from './points-snapshot.ts';
