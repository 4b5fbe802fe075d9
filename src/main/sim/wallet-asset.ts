import type { AccountState } from './accounts.ts';
import { plain } from './decimal.ts';

/** The wallets `includeWallets` may name, and the bucket each answers in. */
const WALLET_BUCKETS = { CARD: 'funding', MAIN: 'spot', SAVING: 'earn' } as const;
type WalletName = keyof typeof WALLET_BUCKETS;

/** A wallet bucket: decimal strings, as NAT's types from real replies have them. */
interface Bucket {
  free: string;
  locked: string;
  freeze: string;
  withdrawing: string;
}

const EMPTY: Bucket = { free: '0', locked: '0', freeze: '0', withdrawing: '0' };

/** Reads `includeWallets` from the body; the web client asks for all three. */
function wallets(body: unknown): WalletName[] {
  const asked = (body as { includeWallets?: unknown } | null)?.includeWallets;
  if (!Array.isArray(asked)) return ['CARD', 'MAIN', 'SAVING'];
  return asked.filter((w): w is WalletName => typeof w === 'string' && w in WALLET_BUCKETS);
}

/**
 * `get-wallet-asset` (ALPHA-PROTOCOL.md §9): one row per asset with a bucket per asked wallet
 * (`spot`, `funding`, `earn`). The simulator's USDT is the funding ("CARD") wallet that pays
 * for BUYs; it has no spot or earn holdings, so those buckets are zero. Alpha tokens live in
 * the Alpha wallet (cloud-wallet/alpha), not here. Inferred: `coinBusinessType` "NORMAL" (its
 * values were never seen) and the bucket of every asked wallet present even when empty.
 */
export function walletAssetRows(account: AccountState, body: unknown): Record<string, unknown>[] {
  const asked = wallets(body);
  const funding: Bucket = {
    free: plain(account.balances.free('USDT')),
    locked: plain(account.balances.locked('USDT')),
    freeze: '0',
    withdrawing: '0',
  };
  const row: Record<string, unknown> = { asset: 'USDT', coinBusinessType: 'NORMAL' };
  for (const name of asked) {
    const bucket = WALLET_BUCKETS[name];
    row[bucket] = bucket === 'funding' ? funding : { ...EMPTY };
  }
  return [row];
}
