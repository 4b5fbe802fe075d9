import { describe, expect, it } from 'vitest';
import { credentialSourceLabel, describeReason } from './session-messages.ts';

describe('session messages in Chinese', () => {
  it('names the credential source', () => {
    expect(credentialSourceLabel('zh-CN', 'demo')).toBe('演示模拟器');
    expect(credentialSourceLabel('zh-CN', 'keychain')).toBe('系统钥匙串');
    expect(credentialSourceLabel('en', 'file')).toBe('file');
  });

  it('translates the engine’s disconnect reasons, nested ones too', () => {
    expect(describeReason('zh-CN', 'socket closed (code 1006)')).toBe('连接关闭，代码 1006');
    expect(describeReason('zh-CN', 'no pong within 20000 ms (stalled connection)')).toBe(
      '20000 毫秒内未收到 pong（连接停滞）',
    );
    expect(describeReason('zh-CN', 'subscribe: no ack for SUBSCRIBE within 10000 ms')).toBe(
      '订阅失败：10000 毫秒内未收到 SUBSCRIBE 的确认',
    );
    expect(
      describeReason(
        'zh-CN',
        'gave up after 3 reconnect attempts (socket error: connect ECONNREFUSED 127.0.0.1:1)',
      ),
    ).toBe('重连 3 次后放弃（连接出错：connect ECONNREFUSED 127.0.0.1:1）');
    expect(
      describeReason('zh-CN', 'listen key: Cannot reach http://127.0.0.1:9 (fetch failed)'),
    ).toBe('获取 listenKey 失败：无法连接 http://127.0.0.1:9（fetch failed）');
    expect(
      describeReason(
        'zh-CN',
        'The Binance session has expired (100002001). Log in again and re-import the session.',
      ),
    ).toBe('币安会话已失效（100002001）。请重新登录并重新导入会话。');
  });

  it('keeps English as it is, and text it does not know', () => {
    expect(describeReason('en', 'socket closed (code 1006)')).toBe('socket closed (code 1006)');
    expect(describeReason('zh-CN', 'something new')).toBe('something new');
  });
});
