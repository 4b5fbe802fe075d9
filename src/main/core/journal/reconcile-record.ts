import type { JournalRecord } from './journal-record.ts';

/**
 * The journal record of a finished reconciliation, or null when it changed no count or mark
 * (nothing to replay). One rule for the app and `watch --journal`, so a journal kept by either
 * reopens with the same counts and marks.
 */
export function reconcileRecordOf(
  result: { missedByStream: number; statusUnknown: string[]; fillsNotRecovered: string[] },
  atMs: number,
): Extract<JournalRecord, { k: 'reconcile' }> | null {
  const { missedByStream, statusUnknown, fillsNotRecovered } = result;
  if (missedByStream === 0 && statusUnknown.length === 0 && fillsNotRecovered.length === 0)
    return null;
  return {
    k: 'reconcile',
    atMs,
    missedByStream,
    statusUnknown,
    ...(fillsNotRecovered.length > 0 ? { fillsNotRecovered } : {}),
  };
}
