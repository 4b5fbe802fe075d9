import { z } from 'zod';
import { ALPHA_PATHS } from '../alpha-paths.ts';
import type { AlphaWallet, AlphaWalletEntry } from '../alpha-types.ts';
import type { WalletAssetRow, WalletBucket } from '../points-types.ts';
import { listOf, signedDecimalText, wireDecimal } from '../schemas/reply-schema.ts';
import type { CallOptions, RestTransport } from '../transport/rest-transport.ts';

/** A token in the Alpha cloud wallet (captured); fields we do not know pass through. */
export const alphaWalletEntry = z.looseObject({
  chainId: z.union([z.string(), z.number()]).transform(String),
  contractAddress: z.string(),
  name: z.string().optional(),
  symbol: z.string(),
  tokenId: z.string(),
  free: signedDecimalText,
  freeze: signedDecimalText,
  locked: signedDecimalText,
  withdrawing: signedDecimalText.optional(),
  amount: signedDecimalText,
  valuation: signedDecimalText,
  cexAsset: z.boolean().optional(),
}) satisfies z.ZodType<AlphaWalletEntry>;

/** `cloud-wallet/alpha` `data`; an empty answer is an empty wallet. */
export const alphaWalletReply = z
  .looseObject({
    totalValuation: wireDecimal.nullish(),
    list: z.array(alphaWalletEntry).nullish(),
  })
  .nullable()
  .transform((d): AlphaWallet => ({
    totalValuation: d?.totalValuation ?? '0',
    list: d?.list ?? [],
  }));

const bucketDecimal = wireDecimal.nullish().transform((v) => v ?? '0');

/** One wallet bucket; a bucket that is not an object counts as absent. */
const walletBucket = z
  .unknown()
  .transform((v) => (typeof v === 'object' && v !== null ? v : undefined))
  .pipe(
    z
      .looseObject({
        free: bucketDecimal,
        locked: bucketDecimal,
        freeze: bucketDecimal,
        withdrawing: bucketDecimal,
      })
      .transform((b): WalletBucket => ({
        free: b.free,
        locked: b.locked,
        freeze: b.freeze,
        withdrawing: b.withdrawing,
      }))
      .optional(),
  );

/** A `get-wallet-asset` row (§9, NAT's types): an asset with optional spot/funding/earn buckets. */
export const walletAssetRow = z
  .looseObject({
    asset: z.string(),
    coinBusinessType: z.string().nullish(),
    spot: walletBucket,
    funding: walletBucket,
    earn: walletBucket,
  })
  .transform((row): WalletAssetRow => {
    const out: WalletAssetRow = { asset: row.asset, coinBusinessType: row.coinBusinessType ?? '' };
    if (row.spot) out.spot = row.spot;
    if (row.funding) out.funding = row.funding;
    if (row.earn) out.earn = row.earn;
    return out;
  });

export const walletAssetsReply = listOf(walletAssetRow);

/** Alpha cloud-wallet balances (`includeCex=1` as the web client asks). */
export async function getAlphaWallet(
  transport: RestTransport,
  query: { includeCex?: boolean },
  options?: CallOptions,
): Promise<AlphaWallet> {
  return transport.data({
    method: 'GET',
    path: ALPHA_PATHS.alphaWallet,
    schema: alphaWalletReply,
    query: { includeCex: query.includeCex === false ? '0' : '1' },
    ...options,
  });
}

/** Wallet buckets per asset (`get-wallet-asset`, the body the web client sends). */
export async function getWalletAssets(
  transport: RestTransport,
  options?: CallOptions,
): Promise<WalletAssetRow[]> {
  return transport.data({
    method: 'POST',
    path: ALPHA_PATHS.walletAsset,
    schema: walletAssetsReply,
    body: JSON.stringify({ includeWallets: ['CARD', 'MAIN', 'SAVING'], includeEq: true }),
    ...options,
  });
}
