import { z } from 'zod';
import { ALPHA_PATHS } from '../alpha-paths.ts';
import type { UserVolume } from '../alpha-types.ts';
import type { UserScore } from '../points-types.ts';
import { wireDecimal } from '../schemas/reply-schema.ts';
import type { CallOptions, RestTransport } from '../transport/rest-transport.ts';

/** A time in ms: a JSON number as captured; numeric text is tolerated; absent = 0. */
const epochMs = z
  .union([z.number().finite(), z.string().regex(/^\d+$/).transform(Number)])
  .nullish()
  .transform((v) => v ?? 0);

/** A decimal the exchange may leave out: `"0"` then. */
const decimalOrZero = wireDecimal.nullish().transform((v) => v ?? '0');

const userScoreDay = z.looseObject({
  date: z.string(),
  totalScore: wireDecimal,
  balanceScore: wireDecimal,
  alphaVolumeScore: wireDecimal,
  balanceSnapshot: decimalOrZero,
  alphaVolume: decimalOrZero,
});

const userScoreSpend = z.looseObject({
  id: epochMs,
  spendTime: epochMs,
  spendScore: wireDecimal,
  bizType: z.string().nullish(),
  bizId: z.union([z.string(), z.number()]).nullish(),
});

/** `user-score` `data` (ALPHA-PROTOCOL.md §9): numbers are strings except ids and times. */
export const userScoreReply = z
  .looseObject({
    sumScore: decimalOrZero,
    startDatetime: epochMs,
    endDatetime: epochMs,
    list: z.array(userScoreDay).nullish(),
    userSpendList: z.array(userScoreSpend).nullish(),
  })
  .transform((d): UserScore => ({
    sumScore: d.sumScore,
    startDatetimeMs: d.startDatetime,
    endDatetimeMs: d.endDatetime,
    days: (d.list ?? [])
      .map((row) => ({
        date: row.date,
        totalScore: row.totalScore,
        balanceScore: row.balanceScore,
        alphaVolumeScore: row.alphaVolumeScore,
        balanceSnapshot: row.balanceSnapshot,
        alphaVolume: row.alphaVolume,
      }))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    spends: (d.userSpendList ?? []).map((s) => ({
      id: s.id,
      spendTimeMs: s.spendTime,
      spendScore: s.spendScore,
      bizType: s.bizType ?? '',
      bizId: s.bizId === null || s.bizId === undefined ? '' : String(s.bizId),
    })),
  }));

/**
 * `today/user-volume` `data`. The wire has JSON floats, read as the server's exact number text
 * (`numericFieldsAsText`), so `604467.9396990947` stays exact; an empty answer is zero volume.
 */
export const userVolumeReply = z
  .looseObject({
    totalVolume: decimalOrZero,
    tradeVolumeInfoList: z
      .array(
        z.looseObject({
          tokenName: z.string(),
          volume: decimalOrZero,
          icon: z.string().nullish(),
        }),
      )
      .nullish(),
  })
  .nullable()
  .transform((d): UserVolume => ({
    totalVolume: d?.totalVolume ?? '0',
    tradeVolumeInfoList: (d?.tradeVolumeInfoList ?? []).map((item) => ({
      tokenName: item.tokenName,
      volume: item.volume,
      ...(typeof item.icon === 'string' ? { icon: item.icon } : {}),
    })),
  }));

/** The 15-day points window (`user-score`), numbers kept as the exchange's strings. */
export async function getUserScore(
  transport: RestTransport,
  options?: CallOptions,
): Promise<UserScore> {
  return transport.data({
    method: 'GET',
    path: ALPHA_PATHS.userScore,
    schema: userScoreReply,
    ...options,
  });
}

/** Today's Alpha volume; the float fields are kept as the server's exact decimal text. */
export async function getUserVolume(
  transport: RestTransport,
  options?: CallOptions,
): Promise<UserVolume> {
  return transport.data({
    method: 'GET',
    path: ALPHA_PATHS.userVolume,
    schema: userVolumeReply,
    numericFieldsAsText: ['totalVolume', 'volume'],
    ...options,
  });
}
