import { describe, expect, it } from 'vitest';
import { isJournalRecord, journalLine } from './journal-record.ts';
import { reconcileRecordOf } from './reconcile-record.ts';

describe('the journal record of a reconciliation', () => {
  const none = { missedByStream: 0, statusUnknown: [], fillsNotRecovered: [] };

  it('is written only when it changes a count or a mark, a lost fill not recovered included', () => {
    expect(reconcileRecordOf(none, 5)).toBeNull();
    expect(reconcileRecordOf({ ...none, fillsNotRecovered: ['43'] }, 5)).toEqual({
      k: 'reconcile',
      atMs: 5,
      missedByStream: 0,
      statusUnknown: [],
      fillsNotRecovered: ['43'],
    });
    // Without lost fills the record is as older versions wrote it.
    expect(reconcileRecordOf({ ...none, missedByStream: 2 }, 5)).toEqual({
      k: 'reconcile',
      atMs: 5,
      missedByStream: 2,
      statusUnknown: [],
    });
  });

  it('reads back, and a journal written before fillsNotRecovered still reads', () => {
    const record = reconcileRecordOf(
      { ...none, statusUnknown: ['9'], fillsNotRecovered: ['43'] },
      5,
    )!;
    expect(isJournalRecord(JSON.parse(journalLine(record)))).toBe(true);
    expect(
      isJournalRecord({ k: 'reconcile', atMs: 5, missedByStream: 1, statusUnknown: ['9'] }),
    ).toBe(true);
    expect(
      isJournalRecord({
        k: 'reconcile',
        atMs: 5,
        missedByStream: 1,
        statusUnknown: [],
        fillsNotRecovered: [43],
      }),
    ).toBe(false);
  });
});
