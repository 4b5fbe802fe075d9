import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetListenKeysForTests,
  rememberListenKey,
} from '../../../shared/secrets/listen-key-registry.ts';
import { readFixture } from '../../../../test/fakes/fixture-http-server.ts';
import { maskFrameText, parseFrame, truncateForLog } from './index.ts';

const capturedFrames = readFixture('ws/oto-buy-fill-then-sell-fill.jsonl').trim().split('\n');
const KEY = 'ff950c2e0d3da25cb0f320669c3f986f';

function update(text: string) {
  const parsed = parseFrame(text);
  if (parsed.kind !== 'order-update')
    throw new Error(`expected an order update, got ${JSON.stringify(parsed)}`);
  return parsed.update;
}

/** A captured frame with `data` changed by `edit`. */
function variant(edit: (data: Record<string, unknown>) => void, index = 2): string {
  const frame = JSON.parse(capturedFrames[index]!);
  edit(frame.data);
  return JSON.stringify(frame);
}

describe('parseFrame on every captured frame', () => {
  it('reads the 6 captured executionReports of the OTO life cycle', () => {
    const updates = capturedFrames.map(update);
    expect(updates.map((u) => [u.orderId, u.executionType, u.status, u.quantity])).toEqual([
      ['51481849', 'NEW', 'NEW', '869.56000000'],
      ['51481850', 'NEW', 'PENDING', '0'],
      ['51481849', 'TRADE', 'FILLED', '869.56000000'],
      ['51481850', 'NEW', 'NEW', '869.47000000'],
      ['51481850', 'TRADE', 'PARTIALLY_FILLED', '869.47000000'],
      ['51481850', 'TRADE', 'FILLED', '869.47000000'],
    ]);
    expect(updates.map((u) => u.eventId)).toEqual([
      12501197286, 12501197287, 12501200714, 12501200716, 12501205152, 12501205154,
    ]);
  });

  it('keeps the type quirks: i, t, il strings; id a number; decimals as exact strings', () => {
    const fill = update(capturedFrames[2]!);
    expect(fill).toMatchObject({
      orderId: '51481849',
      tradeId: '798491',
      orderListId: '89863105',
      eventId: 12501200714,
      lastFilledQty: '869.56000000',
      lastFilledPrice: '0.22690469',
      avgPrice: '0.226904689',
      commission: '0.08695600',
      commissionAsset: 'ALPHA_373',
      cumulativeQuoteQty: '197.30724223',
      baseAsset: 'ALPHA_373',
      quoteAsset: 'USDT',
      contingencyType: 'OTO',
      contingencyPosition: 'OTO_WORKING',
      st: 1,
      isMaker: false,
      side: 'BUY',
      clientOrderId: 'web_164e079573c1491795e1ee245d5ed293',
      transactionTimeMs: 1759043609181,
      updateTimeMs: 1759043609181,
      orderCreationTimeMs: 1759043608334,
      eventTimeMs: 1759043609340,
    });
    expect(typeof fill.orderId).toBe('string');
    expect(typeof fill.eventId).toBe('number');
    // "200" comes without trailing zeros and must stay exactly so.
    expect(update(capturedFrames[4]!).lastFilledQty).toBe('200');
  });

  it('has no commission on NEW frames and reports the stream name', () => {
    const parsed = parseFrame(capturedFrames[0]!);
    expect(parsed).toMatchObject({ kind: 'order-update', stream: `alpha@${KEY}` });
    expect(update(capturedFrames[0]!)).toMatchObject({
      commission: null,
      commissionAsset: null,
      tradeId: '0',
    });
  });

  it('reads the captured subscribe acks', () => {
    expect(parseFrame(readFixture('ws/order-stream-subscribe-ack.server.json'))).toEqual({
      kind: 'ack',
      requestId: 2,
      result: null,
    });
    expect(
      parseFrame(readFixture('ws/capture-2026-05-21.order-stream-ack.server.json')),
    ).toMatchObject({ kind: 'ack', requestId: 2 });
    // P recorded the market ack as {"id":1}.
    expect(parseFrame(readFixture('ws/market-stream-subscribe-ack.server.json'))).toMatchObject({
      kind: 'ack',
      requestId: 1,
    });
  });

  it('treats captured market frames as other events, never as updates', () => {
    for (const line of readFixture('ws/capture-2026-05-21.market-frames.jsonl')
      .trim()
      .split('\n')) {
      expect(parseFrame(line).kind).toBe('other-event');
    }
  });
});

describe('parseFrame on other events', () => {
  it('types listenKeyExpired, outboundAccountPosition and balanceUpdate', () => {
    expect(
      parseFrame(
        JSON.stringify({
          stream: `alpha@${KEY}`,
          data: { e: 'listenKeyExpired', E: 1, listenKey: KEY },
        }),
      ),
    ).toEqual({
      kind: 'other-event',
      stream: `alpha@${KEY}`,
      // The event is public (listeners, logs, renderer): its key is masked.
      event: { type: 'listenKeyExpired', eventTimeMs: 1, listenKey: 'ff950c2e0d...' },
    });
    const position = parseFrame(
      JSON.stringify({
        data: { e: 'outboundAccountPosition', E: 2, B: [{ a: 'USDT', f: '1.5', l: '0' }] },
      }),
    );
    expect(position).toMatchObject({
      event: {
        type: 'outboundAccountPosition',
        balances: [{ asset: 'USDT', free: '1.5', locked: '0' }],
      },
    });
    expect(
      parseFrame(JSON.stringify({ data: { e: 'balanceUpdate', a: 'USDT', d: '-1' } })),
    ).toMatchObject({ event: { type: 'balanceUpdate', delta: '-1' } });
    expect(parseFrame(JSON.stringify({ data: { e: 'somethingNew', x: 1 } }))).toMatchObject({
      event: { type: 'unknown', eventType: 'somethingNew' },
    });
  });

  it('reads request errors', () => {
    expect(parseFrame('{"error":{"code":2,"msg":"Invalid request"},"id":7}')).toEqual({
      kind: 'request-error',
      requestId: 7,
      errorCode: '2',
      errorMessage: 'Invalid request',
    });
  });
});

describe('parseFrame on statuses and execution types beyond the captures', () => {
  it('reads Spot self-trade prevention: X=EXPIRED_IN_MATCH, x=TRADE_PREVENTION', () => {
    const u = update(
      variant((d) => {
        d.X = 'EXPIRED_IN_MATCH';
        d.x = 'TRADE_PREVENTION';
      }),
    );
    expect([u.status, u.executionType, u.orderId, u.cumulativeFilledQty]).toEqual([
      'EXPIRED_IN_MATCH',
      'TRADE_PREVENTION',
      '51481849',
      '869.56000000',
    ]);
    expect(u.rawStatus).toBeUndefined();
  });

  it('keeps an update whose status or execution type it does not know, with the value as sent', () => {
    const u = update(
      variant((d) => {
        d.X = 'HALTED';
        d.x = 'AMENDMENT';
      }),
    );
    expect(u).toMatchObject({
      status: 'UNRECOGNIZED',
      rawStatus: 'HALTED',
      executionType: 'UNRECOGNIZED',
      rawExecutionType: 'AMENDMENT',
      orderId: '51481849',
      cumulativeFilledQty: '869.56000000',
      lastFilledQty: '869.56000000',
    });
    // A known status with an unknown execution type keeps the status as it is.
    const v = update(variant((d) => (d.x = 'AMENDMENT')));
    expect([v.status, v.rawStatus, v.executionType]).toEqual(['FILLED', undefined, 'UNRECOGNIZED']);
  });
});

describe('parseFrame on malformed frames', () => {
  const cases: Array<[string, string]> = [
    ['bad JSON', '{"stream":"alpha@x","data":{'],
    ['empty', ''],
    ['JSON array', '[1,2]'],
    ['JSON string', '"hello"'],
    ['data not an object', '{"stream":"alpha@x","data":"oops"}'],
    ['random object', '{"foo":1}'],
    ['price as a float', variant((d) => (d.p = 0.23))],
    ['quantity as garbage', variant((d) => (d.q = 'abc'))],
    ['missing order id', variant((d) => delete d.i)],
    ['order id not numeric', variant((d) => (d.i = 'x1'))],
    ['missing event id', variant((d) => delete d.id)],
    ['event id a float', variant((d) => (d.id = 1.5))],
    ['status not a string', variant((d) => (d.X = 3))],
    ['status empty', variant((d) => (d.X = ''))],
    ['execution type not a string', variant((d) => (d.x = 7))],
    ['missing execution type', variant((d) => delete d.x)],
    ['bad side', variant((d) => (d.S = 'HOLD'))],
    ['missing symbol', variant((d) => delete d.s)],
    ['time as a string', variant((d) => (d.E = '1759043609340'))],
    ['commission without its asset', variant((d) => delete d.N)],
    ['maker flag not a boolean', variant((d) => (d.m = 'no'))],
  ];
  it.each(cases)('%s is malformed and never an update', (_name, text) => {
    const parsed = parseFrame(text);
    expect(parsed.kind).toBe('malformed');
  });

  it('tolerates lossless variants: numeric i/t/il, a digit-string event id, a missing u', () => {
    const u = update(
      variant((d) => {
        d.i = 51481849;
        d.t = 798491;
        d.il = 89863105;
        d.id = '12501200714';
        delete d.u;
      }),
    );
    expect([u.orderId, u.tradeId, u.orderListId, u.eventId, u.updateTimeMs]).toEqual([
      '51481849',
      '798491',
      '89863105',
      12501200714,
      1759043609181,
    ]);
    expect(update(variant((d) => (d.il = '-1'))).orderListId).toBeNull();
  });
});

describe('masking raw frames', () => {
  it('cuts the listen key in the stream name and in listenKey fields', () => {
    const masked = maskFrameText(capturedFrames[0]!);
    expect(masked).not.toContain(KEY);
    expect(masked).toContain('"stream":"alpha@ff950c2e0d..."');
    expect(maskFrameText(`{"data":{"e":"listenKeyExpired","listenKey":"${KEY}"}}`)).toBe(
      '{"data":{"e":"listenKeyExpired","listenKey":"ff950c2e0d..."}}',
    );
  });

  it('cuts a listen key whatever characters it has', () => {
    for (const key of ['ab-cd_ef.gh/ij+kl=mn', 'AbCdEfGhIjK~LmNoP%2F', 'ключ-не-hex-0123456']) {
      const masked = maskFrameText(
        `{"stream":"alpha@${key}","data":{}} and alpha@${key}, [alpha@${key}]`,
      );
      expect(masked).not.toContain(key);
      expect(masked.split(`alpha@${key.slice(0, 10)}...`)).toHaveLength(4);
    }
    // Masking twice changes nothing.
    const once = maskFrameText(`{"stream":"alpha@${KEY}"}`);
    expect(maskFrameText(once)).toBe(once);
    // White space of any kind ends a key, as does the end of the text; an empty key stays.
    expect(maskFrameText(`alpha@${KEY}\u00a0x alpha@${KEY}\ty alpha@"" alpha@${KEY}`)).toBe(
      'alpha@ff950c2e0d...\u00a0x alpha@ff950c2e0d...\ty alpha@"" alpha@ff950c2e0d...',
    );
  });

  it('keeps the frame readable when a key sits inside an escaped JSON string (the journal stores the masked frame)', () => {
    const other = '0123456789abcdef0123456789abcdef';
    const data = JSON.parse(capturedFrames[0]!).data as Record<string, unknown>;
    const raw = JSON.stringify({
      stream: `alpha@${other}`,
      data: { ...data, note: JSON.stringify({ s: `alpha@${other}` }) },
    });
    expect(update(raw).orderId).toBe(update(capturedFrames[0]!).orderId);
    const masked = maskFrameText(raw);
    expect(masked).not.toContain(other);
    expect(update(masked).orderId).toBe(update(raw).orderId);
    expect(JSON.parse(masked).data.note).toBe('{"s":"alpha@0123456789..."}');
  });

  it('truncates long frames for logs after masking', () => {
    const line = truncateForLog(capturedFrames[2]!, 60);
    expect(line).not.toContain(KEY);
    expect(line.length).toBeLessThan(90);
  });
});

describe('masking by value (every key this process obtained)', () => {
  afterEach(() => forgetListenKeysForTests());

  it('masks a remembered key in malformed-frame previews and unknown event fields', () => {
    const key = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    rememberListenKey(key);
    const broken = `{"note":"${key}", "oops"`;
    expect(truncateForLog(broken)).not.toContain(key);
    expect(truncateForLog(broken)).toContain('c0ffee00c0...');
    expect(maskFrameText(`{"data":{"e":"novel","k":"${key}"}}`)).toBe(
      '{"data":{"e":"novel","k":"c0ffee00c0..."}}',
    );
  });

  it('masks short keys by position as well (alpha@<key>, listenKey fields)', () => {
    expect(maskFrameText('{"stream":"alpha@shortkey1","data":{}}')).toBe(
      '{"stream":"alpha@sho...","data":{}}',
    );
    expect(maskFrameText('{"listenKey":"tiny"}')).toBe('{"listenKey":"..."}');
  });
});
