import { Big } from './decimal.ts';
import { SimBusinessError, SimErrorCode } from './errors.ts';

interface Holding {
  free: Big;
  locked: Big;
}

/**
 * One account's balances. USDT stands for the funding ("CARD") wallet that pays for BUYs;
 * Alpha tokens are the Alpha wallet (cloud-wallet/alpha). Open orders lock what they may spend.
 */
export class Balances {
  private readonly holdings = new Map<string, Holding>();

  constructor(initial: Record<string, string> = {}) {
    for (const [asset, amount] of Object.entries(initial)) this.credit(asset, new Big(amount));
  }

  private holding(asset: string): Holding {
    let h = this.holdings.get(asset);
    if (!h) {
      h = { free: new Big(0), locked: new Big(0) };
      this.holdings.set(asset, h);
    }
    return h;
  }

  free(asset: string): Big {
    return this.holdings.get(asset)?.free ?? new Big(0);
  }

  locked(asset: string): Big {
    return this.holdings.get(asset)?.locked ?? new Big(0);
  }

  /** Moves `amount` from free to locked, or rejects with insufficient balance. */
  lock(asset: string, amount: Big): void {
    const h = this.holding(asset);
    if (h.free.lt(amount)) {
      throw new SimBusinessError(
        SimErrorCode.insufficientBalance,
        `Insufficient ${asset} balance: ${h.free.toFixed()} available, ${amount.toFixed()} needed.`,
      );
    }
    h.free = h.free.minus(amount);
    h.locked = h.locked.plus(amount);
  }

  /** Returns up to `amount` of locked funds to free. */
  unlock(asset: string, amount: Big): void {
    const h = this.holding(asset);
    const back = amount.gt(h.locked) ? h.locked : amount;
    h.locked = h.locked.minus(back);
    h.free = h.free.plus(back);
  }

  /** Spends from locked funds (a fill of an order that locked them). */
  spendLocked(asset: string, amount: Big): void {
    const h = this.holding(asset);
    h.locked = h.locked.minus(amount);
    if (h.locked.lt(0)) {
      // A fill never spends more than its order locked; clamp rather than go negative.
      h.free = h.free.plus(h.locked);
      h.locked = new Big(0);
    }
  }

  credit(asset: string, amount: Big): void {
    const h = this.holding(asset);
    h.free = h.free.plus(amount);
  }

  /** Every asset with a non-zero total. */
  assets(): string[] {
    return [...this.holdings.entries()]
      .filter(([, h]) => !h.free.plus(h.locked).eq(0))
      .map(([asset]) => asset);
  }
}
