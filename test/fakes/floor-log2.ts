import Big from 'big.js';

/**
 * floor(log2(v)) by doubling, 0 below 2: the rule every captured user-score row holds, written
 * independently of the engine's `volumePoints` so tests check it rather than repeat it.
 */
export function floorLog2(value: string): number {
  if (new Big(value).lt(2)) return 0;
  let k = 0;
  while (new Big(2).pow(k + 1).lte(value)) k++;
  return k;
}
