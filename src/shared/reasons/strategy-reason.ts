import { reasonOf } from './reason-of.ts';
import { isReason, type Reason } from './reason.ts';

/** The parameters a check names (the CLI option without `--`, the panel's field). */
export type StrategyParamName =
  | 'volume'
  | 'points'
  | 'amount'
  | 'buy-offset'
  | 'sell-offset'
  | 'interval'
  | 'timeout'
  | 'max-loss'
  | 'max-wear-bps'
  | 'max-move-pct'
  | 'max-failures';

/**
 * What is wrong with a parameter, as a code the edges translate:
 * `not-a-number`, `negative` (below 0), `not-positive` (0 where more is needed),
 * `out-of-range` (see `range`), `not-whole` (a whole number was needed).
 */
export type StrategyParamProblem =
  'not-a-number' | 'negative' | 'not-positive' | 'out-of-range' | 'not-whole';

/**
 * An exchange rule a planned order would break (the order is then not sent). Prices,
 * quantities and limits are decimal strings as the exchange states them.
 */
export type FilterProblem =
  /** The price rounds down to 0 (at the tick, for the SELL). */
  | { rule: 'PRICE_ZERO'; leg: 'buy' | 'sell'; price: string; tickSize: string | null }
  | { rule: 'PRICE_BELOW_MIN'; leg: 'buy' | 'sell'; price: string; limit: string }
  | { rule: 'PRICE_ABOVE_MAX'; leg: 'buy' | 'sell'; price: string; limit: string }
  | { rule: 'QUANTITY_ZERO'; stepSize: string | null }
  | { rule: 'QUANTITY_BELOW_MIN'; quantity: string; limit: string }
  | { rule: 'QUANTITY_ABOVE_MAX'; quantity: string; limit: string }
  | { rule: 'NOTIONAL_BELOW_MIN'; notionalUsdt: string; limit: string }
  | { rule: 'NOTIONAL_ABOVE_MAX'; notionalUsdt: string; limit: string }
  /** PERCENT_PRICE: the BUY is more than `multiplier` × the market price. */
  | { rule: 'PRICE_ABOVE_MARKET'; multiplier: string }
  | { rule: 'PRICE_BELOW_MARKET'; multiplier: string };

/**
 * Why a strategy run stopped, a trade failed, or a run could not start: the strategy's own
 * cases, each with its parameters (decimal strings for money, bps and %), or any engine
 * {@link Reason} (a rejected session, a network failure, …). The engine builds these; the
 * edges say them (`strategy-reason-text.ts`). A `cause`/`last` is the reason one step deeper.
 */
export type StrategyReason = OwnStrategyReason | Reason;

type OwnStrategyReason =
  // Limits that stop a run (`--max-wear-bps`, `--max-move-pct`, `--max-loss`, `--max-failures`).
  | { code: 'MAX_WEAR_TRADE'; trade: number; wearBps: string; maxWearBps: string }
  | { code: 'MAX_WEAR_RUN'; wearBps: string; maxWearBps: string }
  | {
      code: 'PRICE_MOVED';
      trade: number;
      movedPct: string;
      before: string;
      after: string;
      maxMovePct: string;
    }
  | { code: 'MAX_LOSS'; costUsdt: string; maxLossUsdt: string }
  | { code: 'TOO_MANY_FAILURES'; failures: number; last: StrategyReason }
  /** The account's order stream stopped for good while the run went on. */
  | { code: 'STREAM_STOPPED'; cause: Reason }
  /** The order stream failed (or never came up) before the run's first order. */
  | { code: 'STREAM_FAILED_BEFORE_START'; cause?: Reason }
  // One trade that failed.
  | { code: 'PLACE_FAILED'; cause: Reason }
  | { code: 'WORKING_TIMEOUT'; orderId: string }
  | { code: 'CANCEL_UNCONFIRMED'; orderId: string }
  | { code: 'WORKING_ENDED'; orderId: string; status: string }
  | { code: 'PENDING_ENDED'; orderId: string; status: string }
  // A run that cannot start or go on (the StrategyError codes).
  | { code: 'TOKEN_NOT_FOUND'; token: string; chain: string; listedOn?: string }
  | { code: 'TOKEN_AMBIGUOUS'; token: string; chain: string; count: number; candidates: string }
  | { code: 'TOKEN_OFFLINE'; token: string; alphaId: string }
  | { code: 'TOKEN_SELL_SUSPENDED'; token: string; alphaId: string }
  /** `status` absent: the symbol is not in the exchange info at all. */
  | { code: 'SYMBOL_NOT_TRADING'; symbol: string; status?: string }
  | {
      code: 'FILTER_VIOLATION';
      symbol: string;
      amountUsdt: string;
      price: string;
      /** Every rule broken (absent when the reason crossed as flat params, e.g. over IPC). */
      problems?: FilterProblem[];
    }
  | {
      code: 'INVALID_PARAMS';
      param: StrategyParamName;
      problem: StrategyParamProblem;
      value: string;
      range?: string;
    }
  | { code: 'TOO_MANY_TRADES'; trades: number; amountUsdt: string; maxTrades: number }
  | { code: 'POINTS_UNAVAILABLE' };

export type OwnStrategyReasonCode = OwnStrategyReason['code'];
export type StrategyReasonCode = StrategyReason['code'];
export type StrategyReasonOf<C extends OwnStrategyReasonCode> = Extract<
  OwnStrategyReason,
  { code: C }
>;

/** The strategy's own codes (kept complete by the `Record`). */
const OWN_CODES: Record<OwnStrategyReasonCode, true> = {
  MAX_WEAR_TRADE: true,
  MAX_WEAR_RUN: true,
  PRICE_MOVED: true,
  MAX_LOSS: true,
  TOO_MANY_FAILURES: true,
  STREAM_STOPPED: true,
  STREAM_FAILED_BEFORE_START: true,
  PLACE_FAILED: true,
  WORKING_TIMEOUT: true,
  CANCEL_UNCONFIRMED: true,
  WORKING_ENDED: true,
  PENDING_ENDED: true,
  TOKEN_NOT_FOUND: true,
  TOKEN_AMBIGUOUS: true,
  TOKEN_OFFLINE: true,
  TOKEN_SELL_SUSPENDED: true,
  SYMBOL_NOT_TRADING: true,
  FILTER_VIOLATION: true,
  INVALID_PARAMS: true,
  TOO_MANY_TRADES: true,
  POINTS_UNAVAILABLE: true,
};

/** Every code of the strategy's own reasons. */
export const OWN_STRATEGY_REASON_CODES = Object.keys(OWN_CODES) as OwnStrategyReasonCode[];

/** True for one of the strategy's own codes (the rest are engine Reasons). */
export function isOwnStrategyReason(reason: StrategyReason): reason is OwnStrategyReason {
  return Object.hasOwn(OWN_CODES, reason.code);
}

/** True for a value shaped as a strategy reason (a known code; an engine Reason too). */
export function isStrategyReason(value: unknown): value is StrategyReason {
  if (typeof value !== 'object' || value === null) return false;
  const code = (value as { code?: unknown }).code;
  if (typeof code === 'string' && Object.hasOwn(OWN_CODES, code)) return true;
  return isReason(value);
}

/**
 * The reason of any error a run meets: a StrategyError's own `reason`, else the engine's
 * {@link reasonOf} (a coded error's code and params, or `UNEXPECTED` with its message).
 */
export function strategyReasonOf(error: unknown): StrategyReason {
  if (typeof error === 'object' && error !== null) {
    const own = (error as { reason?: unknown }).reason;
    if (isStrategyReason(own)) return own;
  }
  return reasonOf(error);
}
