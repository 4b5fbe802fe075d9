/**
 * `user-score` and `get-wallet-asset` (ALPHA-PROTOCOL.md §9), as the client hands them on.
 * Every number that is a string on the wire stays a string; ids and times are numbers.
 */

/** One UTC day of the points window. */
export interface UserScoreDay {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  totalScore: string;
  balanceScore: string;
  alphaVolumeScore: string;
  /** USDT value the balance points came from. */
  balanceSnapshot: string;
  /** Counted (already multiplied by mulPoint) volume, USDT. */
  alphaVolume: string;
}

/** A points spend, e.g. an airdrop claim (15 in every captured one). */
export interface UserScoreSpend {
  id: number;
  spendTimeMs: number;
  spendScore: string;
  bizType: string;
  bizId: string;
}

export interface UserScore {
  /** Window total minus spends, as the exchange gives it. */
  sumScore: string;
  /** 00:00 UTC of the window's first day. */
  startDatetimeMs: number;
  /** 00:00 UTC of the window's last day. */
  endDatetimeMs: number;
  /** Newest first. */
  days: UserScoreDay[];
  spends: UserScoreSpend[];
}

/** One wallet bucket of an asset, decimal strings. */
export interface WalletBucket {
  free: string;
  locked: string;
  freeze: string;
  withdrawing: string;
}

/** A `get-wallet-asset` row; `funding` is the CARD wallet that pays Alpha BUYs. */
export interface WalletAssetRow {
  asset: string;
  coinBusinessType: string;
  spot?: WalletBucket;
  funding?: WalletBucket;
  earn?: WalletBucket;
}
