import { describe, expect, it } from 'vitest';
import { findEnglishSentence } from '../../../test/fakes/english-sentence.ts';
import { LANGS } from '../i18n/lang.ts';
import { isReason, REASON_CODES, type Reason, type ReasonCode, type ReasonOf } from './reason.ts';
import { describeReason } from './reason-text.ts';

const socket: Reason = { code: 'SOCKET_ERROR', detail: 'connect ECONNREFUSED 127.0.0.1:9' };

/** One reason of every code, all parameters set (the Record makes a new code fail typecheck here). */
const SAMPLES: { [C in ReasonCode]: ReasonOf<C> } = {
  SOCKET_ERROR: { code: 'SOCKET_ERROR', detail: 'read ECONNRESET' },
  SOCKET_CLOSED: { code: 'SOCKET_CLOSED', closeCode: 1006, detail: 'going away' },
  CLOSED_BEFORE_OPEN: { code: 'CLOSED_BEFORE_OPEN', closeCode: 1006 },
  CONNECT_TIMEOUT: { code: 'CONNECT_TIMEOUT', timeoutMs: 30000 },
  PONG_TIMEOUT: { code: 'PONG_TIMEOUT', timeoutMs: 20000 },
  PING_FAILED: { code: 'PING_FAILED' },
  ACK_TIMEOUT: { code: 'ACK_TIMEOUT', method: 'SUBSCRIBE', timeoutMs: 10000 },
  SOCKET_NOT_OPEN: { code: 'SOCKET_NOT_OPEN' },
  SEND_FAILED: { code: 'SEND_FAILED', detail: 'write EPIPE' },
  REQUEST_REJECTED: { code: 'REQUEST_REJECTED', detail: 'Invalid request' },
  DISPOSED: { code: 'DISPOSED' },
  LISTEN_KEY_FAILED: { code: 'LISTEN_KEY_FAILED', cause: socket },
  LISTEN_KEY_AFTER_EXPIRY_FAILED: { code: 'LISTEN_KEY_AFTER_EXPIRY_FAILED', cause: socket },
  SUBSCRIBE_FAILED: { code: 'SUBSCRIBE_FAILED', cause: socket },
  RESUBSCRIBE_FAILED: { code: 'RESUBSCRIBE_FAILED', cause: socket },
  RECONNECT_GAVE_UP: {
    code: 'RECONNECT_GAVE_UP',
    attempts: 5,
    cause: { code: 'LISTEN_KEY_FAILED', cause: socket },
  },
  SESSION_EXPIRED: { code: 'SESSION_EXPIRED' },
  VERIFICATION_REQUIRED: { code: 'VERIFICATION_REQUIRED' },
  RISK_CHALLENGE: { code: 'RISK_CHALLENGE' },
  BUSINESS_ERROR: { code: 'BUSINESS_ERROR', apiCode: '345124', apiMessage: 'Order would trigger' },
  HTTP_ERROR: { code: 'HTTP_ERROR', path: '/bapi/x', httpStatus: 502 },
  TIMEOUT: { code: 'TIMEOUT', path: '/bapi/x', timeoutMs: 15000 },
  NETWORK: { code: 'NETWORK', baseUrl: 'https://www.binance.com', detail: 'getaddrinfo ENOTFOUND' },
  ABORTED: { code: 'ABORTED', path: '/bapi/x' },
  BAD_RESPONSE: { code: 'BAD_RESPONSE', path: '/bapi/x' },
  UNEXPECTED_REPLY: { code: 'UNEXPECTED_REPLY', path: '/bapi/x', field: 'data[0].price' },
  INVALID_CREDENTIALS: { code: 'INVALID_CREDENTIALS', header: 'csrftoken' },
  JOURNAL_DISK_FULL: { code: 'JOURNAL_DISK_FULL', path: '/tmp/j.ndjson' },
  JOURNAL_WRITE_FAILED: { code: 'JOURNAL_WRITE_FAILED', path: '/tmp/j.ndjson', errorCode: 'EIO' },
  JOURNAL_WRITE_RECOVERED: { code: 'JOURNAL_WRITE_RECOVERED', updates: 3 },
  JOURNAL_UNWRITTEN_SAVED: {
    code: 'JOURNAL_UNWRITTEN_SAVED',
    updates: 2,
    path: '/tmp/j.ndjson',
    savedTo: '/tmp/j.unwritten.ndjson',
  },
  JOURNAL_UNWRITTEN_LOST: {
    code: 'JOURNAL_UNWRITTEN_LOST',
    updates: 2,
    path: '/tmp/j.ndjson',
    errorCode: 'EROFS',
  },
  UNEXPECTED: { code: 'UNEXPECTED', detail: 'x is not a function' },
};

/** The same codes with only the required parameters. */
const BARE: Reason[] = [
  { code: 'SOCKET_CLOSED', closeCode: 1000 },
  { code: 'BUSINESS_ERROR' },
  { code: 'HTTP_ERROR' },
  { code: 'TIMEOUT' },
  { code: 'NETWORK' },
  { code: 'ABORTED' },
  { code: 'BAD_RESPONSE' },
  { code: 'UNEXPECTED_REPLY' },
  { code: 'INVALID_CREDENTIALS' },
  { code: 'JOURNAL_WRITE_FAILED', path: '/tmp/j.ndjson' },
  { code: 'JOURNAL_UNWRITTEN_LOST', updates: 1, path: '/tmp/j.ndjson' },
];

describe('describeReason', () => {
  it('has a sample for every code, and each is a reason', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...REASON_CODES].sort());
    for (const sample of Object.values(SAMPLES)) expect(isReason(sample)).toBe(true);
  });

  it.each(LANGS)('says every reason in %s, with its parameters', (lang) => {
    for (const reason of [...Object.values(SAMPLES), ...BARE]) {
      const text = describeReason(lang, reason);
      expect(text, reason.code).not.toMatch(/undefined|\[object/);
      expect(text.length, reason.code).toBeGreaterThan(3);
    }
    expect(describeReason(lang, SAMPLES.ACK_TIMEOUT)).toContain('10000');
    expect(describeReason(lang, SAMPLES.NETWORK)).toContain('getaddrinfo ENOTFOUND');
  });

  it('says no English sentence in zh-CN (outside text stays, quoted)', () => {
    for (const reason of [...Object.values(SAMPLES), ...BARE]) {
      const text = describeReason('zh-CN', reason);
      expect(findEnglishSentence(text), `${reason.code}: ${text}`).toBeNull();
      expect(text, reason.code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(describeReason('zh-CN', SAMPLES.SOCKET_ERROR)).toBe('连接出错：“read ECONNRESET”');
  });

  it('translates nested causes', () => {
    expect(describeReason('en', SAMPLES.RECONNECT_GAVE_UP)).toBe(
      'gave up after 5 reconnect attempts (listen key: socket error: connect ECONNREFUSED 127.0.0.1:9)',
    );
    expect(describeReason('zh-CN', SAMPLES.RECONNECT_GAVE_UP)).toBe(
      '重连 5 次后放弃（获取 listenKey 失败：连接出错：“connect ECONNREFUSED 127.0.0.1:9”）',
    );
  });
});
