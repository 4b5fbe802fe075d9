import type { Clock } from '../core/ports/clock.ts';
import { Big } from './decimal.ts';
import type { Market } from './market.ts';
import type { SimFill, SimOrder } from './order-model.ts';

/**
 * How a BUY fill counts toward today's volume. Whether the real user-volume already includes
 * the token's mulPoint is unconfirmed (ALPHA-PROTOCOL.md §6, gap 5), so both are offered:
 * 'raw' counts the fill's quote value (so `--volume 20 --amount 10` from 0 is 2 OTO trades,
 * as the protocol doc reads it), 'mulPoint' multiplies it by the token's mulPoint.
 */
export type UserVolumeRule = 'raw' | 'mulPoint';

const DAY_MS = 86_400_000;

/** Today's volume per account and token; "today" is the UTC day of the sim clock. */
export class VolumeBook {
  private readonly byUser = new Map<string, { day: number; perToken: Map<string, Big> }>();

  constructor(
    private readonly clock: Clock,
    private readonly market: Market,
    private readonly rule: UserVolumeRule,
  ) {}

  /** Counts a fill. Only BUY fills count (one trade = one buy of `amount`). */
  record(order: SimOrder, fill: SimFill): void {
    if (order.side !== 'BUY') return;
    const token = this.market.bySymbol(order.symbol);
    const factor = this.rule === 'mulPoint' ? (token?.listing.mulPoint ?? 1) : 1;
    const today = this.today(order.userId);
    today.set(
      order.baseAsset,
      (today.get(order.baseAsset) ?? new Big(0)).plus(fill.quote.times(factor)),
    );
  }

  /** The user-volume `data` in the captured shape; volumes are JSON numbers there. */
  reply(userId: string): Record<string, unknown> {
    const list = [...this.today(userId).entries()].map(([alphaId, volume]) => {
      const listing = this.market.all().find((t) => t.listing.alphaId === alphaId)?.listing;
      const tokenId = String(listing?.ticker.tokenId ?? alphaId);
      return {
        icon: `/images/web3-data/public/token/logos/${tokenId}.png`,
        tokenName: listing?.shortName ?? alphaId,
        volume: Number(volume.toFixed(8)),
      };
    });
    const total = [...this.today(userId).values()].reduce((s, v) => s.plus(v), new Big(0));
    return { totalVolume: Number(total.toFixed(8)), tradeVolumeInfoList: list };
  }

  private today(userId: string): Map<string, Big> {
    const day = Math.floor(this.clock.now() / DAY_MS);
    let entry = this.byUser.get(userId);
    if (!entry || entry.day !== day) {
      entry = { day, perToken: new Map() };
      this.byUser.set(userId, entry);
    }
    return entry.perToken;
  }
}
