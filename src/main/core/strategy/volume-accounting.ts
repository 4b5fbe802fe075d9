import Big from 'big.js';
import { assertNever } from '../../../shared/assert-never.ts';
import { StrategyError } from './strategy-error.ts';
import type { UserVolume } from './strategy-ports.ts';

/**
 * How to read `user-volume` against the `--volume` target, which is always in USDT actually
 * traded. Whether `user-volume` already includes the token's mulPoint is unconfirmed
 * (ALPHA-PROTOCOL.md §6, §7), so it is a setting:
 * - `mulPoint` (default): the figure is traded USDT × mulPoint, so it is divided by mulPoint.
 *   This is what the author's latest code (P HEAD) does, with a comment that the server shows
 *   amount × mulPoint; it is also the safe side: if wrong, the run trades more, never stops
 *   short of the target.
 * - `raw`: the figure is traded USDT as is.
 * For a token with mulPoint 1 (KOGE) both give the same result.
 */
export const VOLUME_RULES = ['mulPoint', 'raw'] as const;
export type VolumeRule = (typeof VOLUME_RULES)[number];
export const DEFAULT_VOLUME_RULE: VolumeRule = 'mulPoint';

/** Today's volume of one token, as reported and as counted toward the target. */
export interface TokenVolume {
  /** The figure `user-volume` gives for the token (0 when it is not listed). */
  reported: string;
  /** That figure in traded USDT under the rule. */
  counted: string;
}

function toBig(value: number | string, what: string): Big {
  try {
    // The wire has JSON floats; String() keeps exactly the digits JSON.parse produced.
    return new Big(typeof value === 'number' ? String(value) : value);
  } catch {
    throw new StrategyError({ code: 'UNEXPECTED_REPLY', path: 'user-volume', field: what });
  }
}

/**
 * Reads one token's volume from `user-volume`. `tokenName` there is the short symbol (KOGE),
 * not the alphaId; several rows for one token (not seen, but possible) are added up.
 */
export function readTokenVolume(
  data: UserVolume,
  tokenSymbol: string,
  rule: VolumeRule,
  mulPoint: number,
): TokenVolume {
  const wanted = tokenSymbol.toUpperCase();
  let reported = new Big(0);
  for (const row of data.tradeVolumeInfoList ?? []) {
    if (String(row.tokenName).toUpperCase() === wanted)
      reported = reported.plus(toBig(row.volume, 'volume'));
  }
  return {
    reported: reported.toFixed(),
    counted: countedVolume(reported, rule, mulPoint).toFixed(),
  };
}

/** Reported volume → traded USDT under `rule`. */
export function countedVolume(reported: Big, rule: VolumeRule, mulPoint: number): Big {
  switch (rule) {
    case 'raw':
      return reported;
    case 'mulPoint':
      return mulPoint > 1 ? reported.div(mulPoint) : reported;
    default:
      return assertNever(rule, 'volume rule');
  }
}

/**
 * Volume one full trade is expected to add. The working BUY is priced at
 * market × (1 + buy offset) and sized to `amountUsdt` at that price, but it fills at the
 * market, so it adds about amount / (1 + buy offset) (9.95 USDT for 10 at 0.5 %). A BUY
 * below the market (negative offset) fills at about its own limit: it adds the amount.
 */
export function expectedTradeVolume(amountUsdt: string, buyOffsetPct: string): Big {
  const offset = new Big(buyOffsetPct);
  const amount = new Big(amountUsdt);
  return offset.gt(0) ? amount.times(100).div(offset.plus(100)) : amount;
}

/**
 * Trades still needed to bring `doneUsdt` to `targetUsdt` (≥ 0), each adding the volume
 * `expectedTradeVolume` gives; the last one is sized down to what remains (see planTrade).
 */
export function tradesNeeded(
  targetUsdt: string,
  doneUsdt: string,
  amountUsdt: string,
  buyOffsetPct: string,
): number {
  const remaining = new Big(targetUsdt).minus(doneUsdt);
  if (remaining.lte(0)) return 0;
  const perTrade = expectedTradeVolume(amountUsdt, buyOffsetPct);
  return Number(remaining.div(perTrade).round(0, Big.roundUp).toFixed());
}
