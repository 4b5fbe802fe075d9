import { describe, expect, it } from 'vitest';
import { AlphaApiError } from '../../core/rest/alpha-api-error.ts';
import { StreamError } from '../../core/stream/order-stream-connection.ts';
import { credentialSourceLabel, describeError } from './session-messages.ts';

describe('session messages', () => {
  it('names the credential source', () => {
    expect(credentialSourceLabel('zh-CN', 'demo')).toBe('演示模拟器');
    expect(credentialSourceLabel('zh-CN', 'keychain')).toBe('系统钥匙串');
    expect(credentialSourceLabel('en', 'file')).toBe('file');
  });

  it('says an engine error by its code and parameters, never its English message', () => {
    const expired = new AlphaApiError('SESSION_EXPIRED', 'English for the log', {
      apiCode: '100002001',
    });
    expect(describeError('zh-CN', expired)).toBe(
      '币安会话已失效（100002001）。请重新登录并重新导入会话。',
    );
    const ack = new StreamError('ACK_TIMEOUT', {
      code: 'ACK_TIMEOUT',
      method: 'SUBSCRIBE',
      timeoutMs: 10000,
    });
    expect(describeError('zh-CN', ack)).toBe('10000 毫秒内未收到 SUBSCRIBE 的确认');
    expect(describeError('en', ack)).toBe('no ack for SUBSCRIBE within 10000 ms');
    const network = new AlphaApiError('NETWORK', 'Cannot reach x', {
      path: '/p',
      cause: new TypeError('fetch failed', {
        cause: new Error('connect ECONNREFUSED 127.0.0.1:9'),
      }),
    });
    expect(describeError('zh-CN', network)).toBe(
      '无法连接 交易所（“connect ECONNREFUSED 127.0.0.1:9”）',
    );
  });

  it('quotes the message of an error that has no code of ours', () => {
    expect(describeError('zh-CN', new Error('boom'))).toBe('意外错误：“boom”');
  });
});
