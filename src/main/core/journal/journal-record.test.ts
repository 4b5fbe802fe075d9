import { describe, expect, it } from 'vitest';
import type { UpdateVerdict } from '../../../shared/domain/update-verdict.ts';
import {
  encodeFrameUpdateHead,
  frameUpdateHead,
  frameUpdateHeadBound,
  journalLine,
} from './journal-record.ts';

const frame = '{"stream":"alpha@ff950c2e0d...","data":{"e":"executionReport"}}';

describe('journalLine of a frame-update', () => {
  it('writes the verdict exactly as JSON.stringify does, counted decimals and odd strings alike', () => {
    const verdicts: UpdateVerdict[] = [
      { outcome: 'applied', reason: 'first-seen', counted: null },
      {
        outcome: 'applied',
        reason: 'moves-forward',
        counted: { base: '869.56000000', quote: '197.30724223', fee: '0.08695600' },
      },
      { outcome: 'late', reason: 'fill-behind', counted: { base: '-1', quote: '0.5', fee: null } },
      // Not a decimal the book makes, but the line must stay valid JSON all the same.
      {
        outcome: 'applied',
        reason: 'moves-forward',
        counted: { base: '1"2', quote: 'a\\b', fee: '\u2028' },
      },
    ];
    for (const [i, verdict] of verdicts.entries()) {
      const line = journalLine({ k: 'frame-update', atMs: 1_764_627_000_000 + i, verdict, frame });
      expect(line).toBe(
        `{"k":"frame-update","atMs":${1_764_627_000_000 + i},"verdict":${JSON.stringify(verdict)},"frame":${frame}}\n`,
      );
      expect(JSON.parse(line)).toEqual({
        k: 'frame-update',
        atMs: 1_764_627_000_000 + i,
        verdict,
        frame: JSON.parse(frame),
      });
    }
  });

  it('writes each verdict of frames sharing one receive time as its own', () => {
    const verdicts: UpdateVerdict[] = [
      { outcome: 'applied', reason: 'first-seen', counted: null },
      { outcome: 'duplicate', reason: 'repeated-event', counted: null },
      {
        outcome: 'applied',
        reason: 'moves-forward',
        counted: { base: '1', quote: '2', fee: null },
      },
      { outcome: 'applied', reason: 'first-seen', counted: null },
      { outcome: 'applied', reason: 'moves-forward', counted: { base: '3', quote: '4', fee: '5' } },
    ];
    for (const atMs of [7, 7, 8, 7]) {
      for (const verdict of verdicts) {
        const line = journalLine({ k: 'frame-update', atMs, verdict, frame });
        expect(JSON.parse(line)).toEqual({
          k: 'frame-update',
          atMs,
          verdict,
          frame: JSON.parse(frame),
        });
      }
    }
  });

  it('encodes a head into a buffer exactly as the UTF-8 of frameUpdateHead, within its bound', () => {
    const verdicts: UpdateVerdict[] = [
      { outcome: 'applied', reason: 'first-seen', counted: null },
      { outcome: 'duplicate', reason: 'repeated-event', counted: null },
      {
        outcome: 'applied',
        reason: 'moves-forward',
        counted: { base: '869.56000000', quote: '197.30724223', fee: '0.08695600' },
      },
      { outcome: 'late', reason: 'fill-behind', counted: { base: '-1', quote: '0.5', fee: null } },
      {
        outcome: 'applied',
        reason: 'moves-forward',
        counted: { base: '1"2', quote: 'a\\b', fee: '\u2028币' },
      },
    ];
    const buffer = Buffer.alloc(4096, 0x78);
    const times = [7, 7, 8, 1_764_627_000_000, 1_764_627_000_001, 7, 0.5, -3, 0, 10, 999_999_999];
    times.push(1e9, 1_000_000_001, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21, -0, 1e-7, NaN);
    for (const atMs of times) {
      for (const verdict of verdicts) {
        const entry = { k: 'frame-update', atMs, verdict, frame } as const;
        const expected = Buffer.from(frameUpdateHead(entry));
        const end = encodeFrameUpdateHead(buffer, 100, atMs, verdict);
        expect(buffer.subarray(100, end).toString()).toBe(expected.toString());
        expect(end - 100).toBe(expected.length);
        expect(end - 100).toBeLessThanOrEqual(frameUpdateHeadBound(verdict));
      }
    }
  });
});
