import { AlphaApiError } from './alpha-api-error.ts';
import type { UserScore, UserScoreDay, WalletAssetRow, WalletBucket } from './points-types.ts';

type Raw = Record<string, unknown>;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A decimal field as text: strings on the wire (captured); a JSON number is tolerated. */
function decimalText(value: unknown, field: string, path: string): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text === 'string' && DECIMAL.test(text)) return text;
  throw new AlphaApiError('BAD_RESPONSE', `${field} in the reply from ${path} is not a number`, {
    path,
  });
}

function timeMs(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number(value ?? 0) || 0;
}

/** Reads `user-score` `data` (ALPHA-PROTOCOL.md §9); anything malformed is BAD_RESPONSE. */
export function parseUserScore(data: unknown, path: string): UserScore {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new AlphaApiError('BAD_RESPONSE', `No points in the reply from ${path}`, { path });
  }
  const d = data as Raw;
  const list = Array.isArray(d.list) ? (d.list as Raw[]) : [];
  const spends = Array.isArray(d.userSpendList) ? (d.userSpendList as Raw[]) : [];
  const days: UserScoreDay[] = list.map((row) => ({
    date: String(row.date ?? ''),
    totalScore: decimalText(row.totalScore, 'totalScore', path),
    balanceScore: decimalText(row.balanceScore, 'balanceScore', path),
    alphaVolumeScore: decimalText(row.alphaVolumeScore, 'alphaVolumeScore', path),
    balanceSnapshot: decimalText(row.balanceSnapshot ?? '0', 'balanceSnapshot', path),
    alphaVolume: decimalText(row.alphaVolume ?? '0', 'alphaVolume', path),
  }));
  return {
    sumScore: decimalText(d.sumScore ?? '0', 'sumScore', path),
    startDatetimeMs: timeMs(d.startDatetime),
    endDatetimeMs: timeMs(d.endDatetime),
    days: days.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    spends: spends.map((s) => ({
      id: timeMs(s.id),
      spendTimeMs: timeMs(s.spendTime),
      spendScore: decimalText(s.spendScore, 'spendScore', path),
      bizType: String(s.bizType ?? ''),
      bizId: String(s.bizId ?? ''),
    })),
  };
}

function bucket(value: unknown, path: string): WalletBucket | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const b = value as Raw;
  const field = (name: string) => decimalText(b[name] ?? '0', name, path);
  return {
    free: field('free'),
    locked: field('locked'),
    freeze: field('freeze'),
    withdrawing: field('withdrawing'),
  };
}

/** Reads `get-wallet-asset` `data`: a list of assets with optional spot/funding/earn buckets. */
export function parseWalletAssets(data: unknown, path: string): WalletAssetRow[] {
  if (data === null) return [];
  if (!Array.isArray(data))
    throw new AlphaApiError('BAD_RESPONSE', `Expected a list from ${path}`, { path });
  return (data as Raw[]).map((row) => {
    const out: WalletAssetRow = {
      asset: String(row.asset ?? ''),
      coinBusinessType: String(row.coinBusinessType ?? ''),
    };
    const spot = bucket(row.spot, path);
    const funding = bucket(row.funding, path);
    const earn = bucket(row.earn, path);
    if (spot) out.spot = spot;
    if (funding) out.funding = funding;
    if (earn) out.earn = earn;
    return out;
  });
}
