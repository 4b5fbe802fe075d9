import { readFileSync } from 'node:fs';
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import {
  balancePoints,
  msUntilUtcMidnight,
  utcDate,
  utcDayStartMs,
  volumePoints,
  volumeThreshold,
  WINDOW_DAYS,
} from './points-rules.ts';

const capture = JSON.parse(
  readFileSync(
    new URL(
      '../../../../test/fixtures/protocol/rest/user-score.15-days.consistency-checked.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as {
  data: {
    sumScore: string;
    startDatetime: number;
    endDatetime: number;
    list: Array<Record<string, string>>;
    userSpendList: Array<{ spendScore: string }>;
  };
};

describe('points rules against the captured user-score', () => {
  it.each(capture.data.list.map((row) => [row.date, row] as const))(
    '%s: volume, balance and total points as the exchange gave them',
    (_date, row) => {
      expect(volumePoints(row.alphaVolume!)).toBe(Number(row.alphaVolumeScore));
      expect(balancePoints(row.balanceSnapshot!)).toBe(Number(row.balanceScore));
      expect(volumePoints(row.alphaVolume!) + balancePoints(row.balanceSnapshot!)).toBe(
        Number(row.totalScore),
      );
    },
  );

  it('the sum is the window total minus the spends; the window is 15 UTC days', () => {
    const earned = capture.data.list.reduce((s, r) => s + Number(r.totalScore), 0);
    const spent = capture.data.userSpendList.reduce((s, x) => s.plus(x.spendScore), new Big(0));
    expect(new Big(earned).minus(spent).toFixed()).toBe(capture.data.sumScore);
    expect(capture.data.list).toHaveLength(WINDOW_DAYS);
    expect(capture.data.endDatetime - capture.data.startDatetime).toBe(
      (WINDOW_DAYS - 1) * 86_400_000,
    );
    expect(utcDate(capture.data.endDatetime)).toBe(capture.data.list[0]!.date);
    expect(utcDayStartMs(capture.data.startDatetime)).toBe(capture.data.startDatetime);
  });
});

describe('points rules at the edges', () => {
  it('floor(log2) is exact at powers of two and gives 0 below 2', () => {
    expect(volumePoints('0')).toBe(0);
    expect(volumePoints('1.99999999')).toBe(0);
    expect(volumePoints('2')).toBe(1);
    expect(volumePoints('32767.99999999')).toBe(14);
    expect(volumePoints('32768')).toBe(15);
    expect(volumePoints('not a number')).toBe(0);
    expect(volumeThreshold(15).toFixed()).toBe('32768');
  });

  it('balance tiers start at 100, 1,000, 10,000 and 100,000 USDT', () => {
    expect(
      [99.99, 100, 999, 1000, 10000, 99999.9, 100000].map((v) => balancePoints(String(v))),
    ).toEqual([0, 1, 1, 2, 3, 3, 4]);
  });

  it('the day ends at 00:00 UTC', () => {
    const ms = Date.UTC(2025, 6, 16, 23, 59, 30);
    expect(utcDate(ms)).toBe('2025-07-16');
    expect(msUntilUtcMidnight(ms)).toBe(30_000);
    expect(msUntilUtcMidnight(Date.UTC(2025, 6, 17))).toBe(86_400_000);
  });
});
