import { AlphaRestClient } from '../../src/main/core/rest/index.ts';
import { startSimulator, type SimAccount, type Simulator } from '../../src/main/sim/index.ts';
import { JumpClock } from './jump-clock.ts';

/** A simulator on a JumpClock with one trader and a REST client, for points and wear tests. */
export interface PointsHarness {
  sim: Simulator;
  clock: JumpClock;
  trader: SimAccount;
  rest: AlphaRestClient;
  /** Places a LIMIT order at `price` and fills it at once. */
  trade(side: 'BUY' | 'SELL', baseAsset: string, price: string, quantity: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function startPointsHarness(options: {
  startMs: number;
  balances: Record<string, string>;
}): Promise<PointsHarness> {
  const clock = new JumpClock(options.startMs);
  const sim = await startSimulator({
    clock,
    priceStepFraction: 0,
    splitFillProbability: 0,
    partialFillProbability: 0,
  });
  const trader = sim.createAccount({ balances: options.balances });
  const rest = new AlphaRestClient({ baseUrl: sim.restUrl, credentials: trader.credentials });
  return {
    sim,
    clock,
    trader,
    rest,
    async trade(side, baseAsset, price, quantity) {
      const orderId = await rest.placeOrder({
        baseAsset,
        quoteAsset: 'USDT',
        side,
        price,
        quantity,
      });
      sim.orders.fillNow(orderId);
    },
    dispose: () => sim.dispose(),
  };
}
