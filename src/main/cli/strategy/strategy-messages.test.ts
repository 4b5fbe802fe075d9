import { describe, expect, it } from 'vitest';
import { exact, messages, pnl, percent } from './strategy-messages.ts';

describe('strategy progress percentage', () => {
  it('never shows 100% while the target is not reached', () => {
    expect(percent('19.91', '20')).toBe('99');
  });
  it('shows 100% at or past the target, and for an empty target', () => {
    expect(percent('20', '20')).toBe('100');
    expect(percent('29.85', '20')).toBe('100');
    expect(percent('5', '0')).toBe('100');
  });
});

describe('strategy money wording', () => {
  it('shows the realised P&L with its sign: a negative cost is a gain', () => {
    expect(pnl('-0.0044')).toBe('+0.0044');
    expect(pnl('0.0123')).toBe('-0.0123');
    expect(pnl('0')).toBe('0');
  });
  it('shows fees exactly, with their unit', () => {
    expect(exact('0.00200017')).toBe('0.00200017');
    const line = messages('en').progress(
      '10.00',
      '20.00',
      '50',
      1,
      2,
      exact('0.002'),
      pnl('-0.0044'),
    );
    expect(line).toContain('fees 0.002 USDT · realised P&L +0.0044 USDT');
    const zh = messages('zh-CN').progress(
      '10.00',
      '20.00',
      '50',
      1,
      2,
      exact('0.002'),
      pnl('0.01'),
    );
    expect(zh).toContain('手续费 0.002 USDT · 已实现盈亏 -0.01 USDT');
  });
  it('shows --amount as optional in the synopsis (it defaults to 10)', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const synopsis = messages(lang).help('mulPoint').split('\n')[0]!;
      expect(synopsis).toMatch(/\[--amount <usdt>\]/i);
    }
  });
});
