import Big from 'big.js';
import type { PointsSnapshot, PointsTarget } from '../../../shared/ipc/views-points.ts';
import { volumeThreshold } from './points-rules.ts';

/**
 * Progress toward a daily target of `targetPoints` volume points: the counted volume still
 * missing (2^target − today's counted volume) and the buys on the next point's token (at its
 * live mulPoint) that reach it.
 */
export function pointsTarget(snapshot: PointsSnapshot, targetPoints: number): PointsTarget {
  const missing = volumeThreshold(targetPoints).minus(snapshot.today.countedVolumeUsdt);
  const needed = missing.gt(0) ? missing : new Big(0);
  const next = snapshot.nextPoint;
  return {
    points: targetPoints,
    reached: snapshot.today.volumePoints >= targetPoints,
    countedNeededUsdt: needed.toFixed(),
    buyUsdt: next ? needed.div(next.mulPoint).round(8, Big.roundUp).toFixed() : null,
  };
}
