import Big from 'big.js';
import type { RunWear } from './run-wear.ts';
import type { StrategyProgress } from './strategy-types.ts';
import type { TradeResult } from './trade-executor.ts';

/**
 * A run's running totals: trades, fills, fees, realised cost, and the counted volume done
 * toward its target (what the account had at the start plus the buys we know filled, or more
 * when user-volume already says more). One place, so progress and summary read the same sums.
 */
export class RunTally {
  trades = 0;
  fills = 0;
  private fees = new Big(0);
  private cost = new Big(0);
  /** Quote of our filled buys: volume we know we added, whatever user-volume says yet. */
  private ourVolume = new Big(0);
  private startCounted = new Big(0);
  private doneVolume = new Big(0);

  /** `target`: the target in traded USDT (derived at the start for a points target). */
  constructor(private target: string) {}

  /** The start as prepared: today's counted volume then, and the target in USDT. */
  begin(startCounted: string, target: string): void {
    this.startCounted = new Big(startCounted);
    this.doneVolume = this.startCounted;
    this.target = target;
  }

  /** Counted volume toward the target. */
  get done(): Big {
    return this.doneVolume;
  }

  /** Realised cost so far (spread + fees), USDT. */
  get costUsdt(): Big {
    return this.cost;
  }

  /**
   * Today's counted volume as user-volume reads it now. With `ownBuysOnly` (a points target)
   * only our own buys count: user-volume's reading of mulPoint is unconfirmed
   * (volume-accounting.ts), and stopping short would miss the point.
   */
  observe(countedToday: string, ownBuysOnly: boolean): void {
    const known = this.startCounted.plus(this.ourVolume);
    this.doneVolume =
      !ownBuysOnly && new Big(countedToday).gt(known) ? new Big(countedToday) : known;
  }

  /** A trade's result: its buy's volume, its fees and, for a round trip, its realised cost. */
  account(result: TradeResult): void {
    this.ourVolume = this.ourVolume.plus(result.buyQuote);
    const known = this.startCounted.plus(this.ourVolume);
    if (known.gt(this.doneVolume)) this.doneVolume = known;
    this.fees = this.fees.plus(result.feeQuote);
    if (result.kind === 'completed') {
      // Realised cost of a round trip: USDT paid for the buy − USDT received for the sell
      // net of its fee. The buy's fee is inside it (fewer tokens to sell).
      this.cost = this.cost.plus(result.buyQuote.minus(result.sellQuote).plus(result.sellFeeQuote));
    }
  }

  /**
   * The fee of a fill counted after its leg was reported filled (a fill recovered below a later
   * one): a run's fee, and for the SELL of a round trip part of its realised cost as its other
   * fees are (the BUY's fee is inside the cost: fewer tokens to sell).
   */
  addLateFee(feeQuote: Big, leg: 'working' | 'pending'): void {
    this.fees = this.fees.plus(feeQuote);
    if (leg === 'pending') this.cost = this.cost.plus(feeQuote);
  }

  /**
   * A fee the trades' results did not carry: the leftover sale's, or a pending SELL's that
   * filled after its trade was accounted. A run's fee (not a round trip's cost).
   */
  addFee(feeQuote: Big): void {
    this.fees = this.fees.plus(feeQuote);
  }

  /** Progress as the run reports it (throws for a target that is no number). */
  snapshot(wear: RunWear): StrategyProgress {
    const total = wear.total();
    return {
      targetVolumeUsdt: new Big(this.target).toFixed(),
      doneUsdt: this.doneVolume.toFixed(),
      trades: this.trades,
      fills: this.fills,
      feesUsdt: this.fees.toFixed(),
      costUsdt: this.cost.toFixed(),
      countedVolumeUsdt: total.countedVolumeUsdt,
      wearUsdt: total.wearUsdt,
      wearBps: total.wearBps,
      ...wear.points(total),
    };
  }
}
