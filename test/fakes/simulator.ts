/**
 * The real simulator for engine tests (src/main/core may not import src/main/sim itself):
 * started still (no price walk, whole fills) unless told otherwise.
 */
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/main/sim/index.ts';

export { placeRestingOto } from '../../src/main/sim/testing/demo-session.ts';
export type { Simulator };

export function startStillSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({
    priceStepFraction: 0,
    splitFillProbability: 0,
    partialFillProbability: 0,
    ...options,
  });
}
