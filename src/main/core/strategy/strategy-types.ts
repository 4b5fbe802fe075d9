import type { Event } from '../../../shared/event/emitter.ts';
import type { Problem } from '../../../shared/reasons/reason.ts';
import type { StrategyReason } from '../../../shared/reasons/strategy-reason.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import type { OrderUpdateFeed, StrategyRestPort } from './strategy-ports.ts';
import type { SymbolFilters } from './symbol-filters.ts';
import type { ResolvedToken } from './token-resolver.ts';
import type { TradePlan } from './trade-plan.ts';
import type { TokenVolume, VolumeRule } from './volume-accounting.ts';

/** The settings of one run. Money and percentages are decimal strings. */
export interface StrategyParams {
  /** Short token symbol, e.g. `KOGE`. */
  token: string;
  /** Chain name or id, e.g. `BSC` or `56`. */
  chain: string;
  /**
   * Today's volume goal, in traded USDT (see VolumeRule). With `targetPoints` it is ignored:
   * the run derives it from the points target.
   */
  targetVolumeUsdt: string;
  /**
   * Today's volume points to reach instead of a volume (all tokens, as user-score counts
   * them): the volume needed is 2^points − today's counted volume, ÷ the token's live mulPoint.
   */
  targetPoints?: number | null;
  /** Notional of each OTO working BUY, USDT. */
  amountUsdt: string;
  /** Working BUY at market × (1 + buyOffsetPct/100). */
  buyOffsetPct: string;
  /** Pending SELL at market × (1 − sellOffsetPct/100). */
  sellOffsetPct: string;
  /** Pause between trades. */
  intervalMs: number;
  /** How long each leg may take to fill. */
  legTimeoutMs: number;
  volumeRule: VolumeRule;
  /** Stop once realised cost (spread + fees) reaches this; null = no limit. */
  maxLossUsdt: string | null;
  /** Stop when a trade's wear, or the run's average, exceeds this many bps; null = no limit. */
  maxWearBps?: string | null;
  /** Stop when the price moved more than this % between placing a trade and its end. */
  maxMovePct?: string | null;
  /** At the end, sell a free balance of the traded token above the symbol's minimum order. */
  sellLeftovers?: boolean;
  /** Stop after this many failed trades in a row. */
  maxConsecutiveFailures: number;
  /** Cancel pending SELLs still open at the end (otherwise they are only reported). */
  cancelPendingAtEnd: boolean;
  /** Plan and report the orders, place none. */
  dryRun: boolean;
  /** How long to wait for the stream to confirm a cancel before asking REST. */
  cancelConfirmTimeoutMs?: number;
}

export { DEFAULT_STRATEGY_PARAMS } from '../../../shared/strategy/strategy-defaults.ts';

/** What the run needs from the world. */
export interface StrategyDeps {
  rest: StrategyRestPort;
  /** The account's order updates with the book's verdicts (orderUpdatesOf an AccountMonitor). */
  orderUpdates: OrderUpdateFeed;
  clock: Clock;
  logger: Logger;
  /**
   * Fires when the account's session is lost for good (e.g. the monitor entered `failed` with
   * SESSION_EXPIRED): the run stops at once instead of waiting out a leg timeout.
   */
  sessionFailures?: Event<Problem>;
}

/** Everything known before the first order: shown to confirm a live run. */
export interface StrategyPreparation {
  token: ResolvedToken;
  filters: SymbolFilters;
  volume: TokenVolume;
  targetVolumeUsdt: string;
  /** Counted volume at the start, USDT. */
  doneUsdt: string;
  /**
   * Trades needed at the start, each adding about amount / (1 + buy offset) and the last sized
   * down to what remains (an estimate: the loop re-reads volume).
   */
  tradesEstimated: number;
  /** The first trade as it would be sent now (sized down when it is also the last). */
  firstTrade: TradePlan;
  /** Estimated wear: USDT paid for the buys × (buy + sell offsets) + 0.01 % fee per leg. */
  estimatedCostUsdt: string;
  /** True when today's counted volume already meets the target: the run places nothing. */
  targetMet: boolean;
  /** The points target, when the run aims at points (else null). */
  targetPoints: number | null;
  /** Today's counted volume of the account, all tokens (user-score); null when unknown. */
  todayCountedUsdt: string | null;
  /** Today's volume points of the account at the start; null when unknown. */
  pointsToday: number | null;
}

/** What `--sell-leftovers` did at the end. */
export interface LeftoverSale {
  /**
   * - `sold`: the leftover was sold; `unsold`: its SELL did not fill in time and was cancelled;
   * - `dust`: a balance below the symbol's minimum order was left; `none`: nothing was left;
   * - `failed`: the balance could not be read or the SELL not placed (see `code`).
   */
  outcome: 'sold' | 'unsold' | 'dust' | 'none' | 'failed';
  /** `sold`: the quantity sold; otherwise the free token balance found (or offered), base asset. */
  quantity: string;
  /** USDT received for what sold (all of it, or part before an `unsold` SELL was cancelled), else null. */
  quoteUsdt: string | null;
  /** Base quantity that sold ('0' when none): for `unsold`, what filled before the cancel. */
  soldQuantity: string;
  /**
   * The fee of what sold in USDT (its wear and the run's fees include it), null when none sold.
   * A fee charged in an asset that is neither the token nor USDT is not in it: see `unvaluedFees`.
   */
  feeUsdt: string | null;
  /**
   * Fees of what sold charged in an asset that is neither the token nor USDT (e.g. BNB), each
   * in its own asset: not valued, so not in `feeUsdt`, the run's fees or its wear. Absent when
   * there are none.
   */
  unvaluedFees?: Array<{ asset: string; amount: string }>;
  orderId: string | null;
  code: string | null;
}

/** Live figures of a run. */
export interface StrategyProgress {
  targetVolumeUsdt: string;
  /** Counted volume: the larger of user-volume (under the rule) and start + our filled buys. */
  doneUsdt: string;
  /** OTO orders placed. */
  trades: number;
  /** Legs filled (working + pending). */
  fills: number;
  feesUsdt: string;
  /** Realised cost: USDT spent on filled buys of completed trades − USDT received net of fees. */
  costUsdt: string;
  /** Counted volume of this run: Σ BUY quote × the token's mulPoint, USDT. */
  countedVolumeUsdt: string;
  /**
   * Wear of this run from its fills (core/points/wear.ts): positive = money lost; tokens
   * bought and not yet sold are valued at their fill price, so an open sell is not wear.
   */
  wearUsdt: string;
  /** Wear in bps of counted volume; null before a BUY filled. */
  wearBps: string | null;
  /** Today's volume points of the account (all tokens) as of now; null when unknown. */
  points: number | null;
  /** Volume points this run added today; null when today's start is unknown. */
  pointsGained: number | null;
  /** Wear ÷ points gained, USDT; null without a gained point. */
  costPerPoint: string | null;
}

/** How a run ended. */
export type StrategyOutcome =
  | 'target-reached'
  | 'dry-run'
  | 'stopped'
  | 'max-loss'
  | 'max-wear'
  | 'price-moved'
  | 'too-many-failures'
  | 'auth-rejected'
  | 'insufficient-balance'
  | 'failed';

/** A pending SELL left open, or cancelled at the end. */
export interface PendingLegRef {
  trade: number;
  orderId: string;
  symbol: string;
}

/** The end of a run (also the last NDJSON line of the CLI). */
export interface StrategySummary extends StrategyProgress {
  type: 'summary';
  outcome: StrategyOutcome;
  /** Stable code of the end when the run did not reach its target (what scripts switch on). */
  reasonCode: string | null;
  /** Why, as a code with its parameters (the edges say it: `describeStrategyReason`). */
  reason: StrategyReason | null;
  /** Same as `doneUsdt`, under the name the CLI's JSON promises. */
  volume: string;
  fees: string;
  cost: string;
  token: string | null;
  symbol: string | null;
  /** Pending SELLs still open when the run ended. */
  openPendingOrders: PendingLegRef[];
  /** Pending SELLs cancelled at the end (`cancelPendingAtEnd`). */
  canceledPendingOrders: PendingLegRef[];
  /** What `sellLeftovers` did; null when it was not asked for or did not run. */
  leftovers: LeftoverSale | null;
  /** The points target of the run, or null for a volume target. */
  targetPoints: number | null;
  dryRun: boolean;
}

/** One thing that happened in a run, in order. The CLI prints these; the app shows them. */
export type StrategyEvent =
  | ({ type: 'prepared' } & StrategyPreparation)
  | { type: 'order-planned'; trade: number; plan: TradePlan }
  | {
      type: 'order-placed';
      trade: number;
      workingOrderId: string;
      pendingOrderId: string;
      plan: TradePlan;
      /** Counted volume just before this trade was decided. */
      doneBeforeUsdt: string;
    }
  | {
      type: 'leg-filled';
      trade: number;
      leg: 'working' | 'pending';
      orderId: string;
      quantity: string;
      quoteUsdt: string;
      feeUsdt: string;
    }
  | { type: 'leg-timeout'; trade: number; leg: 'working' | 'pending'; orderId: string }
  | { type: 'order-canceled'; trade: number; orderId: string; confirmedBy: 'stream' | 'rest' }
  | { type: 'trade-failed'; trade: number; code: string; reason: StrategyReason }
  | {
      type: 'trade-wear';
      trade: number;
      /** Wear of this trade's fills (see StrategyProgress.wearUsdt). */
      wearUsdt: string;
      wearBps: string | null;
      countedVolumeUsdt: string;
    }
  | ({ type: 'progress' } & StrategyProgress)
  | ({ type: 'leftovers' } & LeftoverSale)
  | StrategySummary;

/** One run of the strategy. Dispose to stop listening (it does not cancel orders: stop does). */
export interface StrategyRun extends Disposable {
  /** Resolves the token, filters and volume; repeated calls return the same result. */
  prepare(): Promise<StrategyPreparation>;
  /** Runs to the end and resolves with the summary (never rejects: failures are outcomes). */
  start(): Promise<StrategySummary>;
  /** Asks the run to stop: cancels our open working order, then finishes. */
  stop(): Promise<void>;
  readonly onDidEvent: Event<StrategyEvent>;
  readonly onDidProgress: Event<StrategyProgress>;
  readonly onDidPlaceOrder: Event<Extract<StrategyEvent, { type: 'order-placed' }>>;
  readonly onDidFinish: Event<StrategySummary>;
}
