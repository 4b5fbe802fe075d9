import { describe, expect, it } from 'vitest';
import { englishSentencesOnScreen } from './screen-english.ts';

describe('englishSentencesOnScreen', () => {
  it('reports an English sentence on a Chinese screen, with its line', () => {
    const screen = [
      '账户',
      '会话已失效',
      'The session could not be verified.',
      '怎么办：请重新登录并重新导入会话。',
    ].join('\n');
    expect(englishSentencesOnScreen(screen)).toEqual([
      '"The session could not be verified" in: The session could not be verified.',
    ]);
  });

  it('finds English prose quoted into a Chinese line', () => {
    expect(
      englishSentencesOnScreen('会话被拒绝：Binance requires supplementary verification'),
    ).toEqual([
      '"requires supplementary verification" in: 会话被拒绝：Binance requires supplementary verification',
    ]);
  });

  it('allows product names, codes, symbols, numbers, units, URLs, commands and quoted outside text', () => {
    const screen = [
      'Alpha Monitor',
      '错误代码 VERIFICATION_REQUIRED',
      '这不是发往币安的请求（它发往 https://example.com）。',
      'KOGE BUY LIMIT 0.5 USDT',
      '延迟 120 ms · 磨损 3.2 bps · 00:00 UTC',
      '在终端运行 alpha-monitor serve --port 0',
      '币安拒绝了请求（-1021：“Timestamp for this request is outside”）',
      '模拟账户 Sim trader',
    ].join('\n');
    expect(englishSentencesOnScreen(screen)).toEqual([]);
  });

  it('does not join words across lines or table cells (each is read on its own)', () => {
    expect(englishSentencesOnScreen('Orders\nOpen\nFilled')).toEqual([]);
    expect(englishSentencesOnScreen('Orders\tOpen\tFilled')).toEqual([]);
    expect(englishSentencesOnScreen('Orders Open Filled')).toHaveLength(1);
  });

  it('allows the protocol field names and values of the raw fields of an order', () => {
    expect(
      englishSentencesOnScreen(
        'c clientOrderId\tweb_38a22d0339ff7bf29458caae1c681346\nm isMaker\tfalse\nX status of order',
      ),
    ).toEqual(['"X status of order" in: X status of order']);
  });
});
