import { describe, expect, it } from 'vitest';
import { wearPhrase } from '../i18n/points-messages.ts';
import { exact, messages, percent } from './strategy-messages.ts';

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
  it('shows fees exactly, and wear (positive = lost) the one way it is said everywhere', () => {
    expect(exact('0.00200017')).toBe('0.00200017');
    const line = messages('en').progress(
      '10.00',
      '20.00',
      '50',
      1,
      2,
      exact('0.002'),
      wearPhrase('en', '0.0149', '4.9'),
    );
    expect(line).toContain('fees 0.002 USDT · wear 0.0149 USDT (4.9 bps)');
    expect(line).not.toMatch(/P&L/);
    const zh = messages('zh-CN').progress(
      '10.00',
      '20.00',
      '50',
      1,
      2,
      exact('0.002'),
      wearPhrase('zh-CN', '0.0149', '4.9'),
    );
    expect(zh).toContain('手续费 0.002 USDT · 磨损 0.0149 USDT（4.9 bps）');
    expect(zh).not.toMatch(/盈亏/);
  });
  it('names [--user <id>] once in the usage, in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const help = messages(lang).help('mulPoint');
      expect(help.match(/--user <id>\]/g)).toBeNull();
      expect(help.match(/\| --user <id> \|/g)).toHaveLength(1);
      expect(help).toMatch(/--points <n>/);
      expect(help).toMatch(/--max-wear-bps/);
      expect(help).toMatch(/--max-move-pct/);
      expect(help).toMatch(/--sell-leftovers/);
    }
  });
  it('shows --amount as optional in the synopsis (it defaults to 10)', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const synopsis = messages(lang).help('mulPoint').split('\n')[0]!;
      expect(synopsis).toMatch(/\[--amount <usdt>\]/i);
    }
  });
});

describe('strategy leftover wording', () => {
  const unsold = (code: string, soldQuantity = '0', quoteUsdt: string | null = null) => ({
    outcome: 'unsold' as const,
    quantity: '2',
    quoteUsdt,
    soldQuantity,
    feeUsdt: quoteUsdt === null ? null : '0.02',
    orderId: '7',
    code,
  });
  it('says "still in the wallet" only when the SELL was seen cancelled, and what sold before it', () => {
    const en = messages('en');
    const zh = messages('zh-CN');
    expect(en.leftovers(unsold('SELL_TIMEOUT'))).toMatch(/tokens are still in the wallet/);
    expect(en.leftovers(unsold('SELL_TIMEOUT', '0.5', '20'))).toMatch(
      /sold 0\.5 for 20 USDT, fee 0\.02 USDT.*the rest is still in the wallet/,
    );
    expect(zh.leftovers(unsold('SELL_TIMEOUT', '0.5', '20'))).toMatch(/成交了 0\.5，得 20 USDT/);
    for (const code of ['SELL_CANCEL_UNCONFIRMED', 'SELL_ENDED_UNSEEN']) {
      expect(en.leftovers(unsold(code))).not.toMatch(/still in the wallet/);
      expect(zh.leftovers(unsold(code))).not.toMatch(/仍在钱包/);
    }
    expect(en.leftovers(unsold('SELL_CANCEL_UNCONFIRMED'))).toMatch(/may still be open/);
    expect(en.leftovers(unsold('SELL_ENDED_UNSEEN'))).toMatch(/may have filled/);
  });

  it('states a leftover fee charged in BNB in BNB, not as 0 USDT, alone or beside the USDT part', () => {
    const sold = (feeUsdt: string, unvaluedFees?: Array<{ asset: string; amount: string }>) => ({
      outcome: 'sold' as const,
      quantity: '2',
      quoteUsdt: '40',
      soldQuantity: '2',
      feeUsdt,
      ...(unvaluedFees ? { unvaluedFees } : {}),
      orderId: '7',
      code: null,
    });
    const bnb = [{ asset: 'BNB', amount: '0.00025' }];
    const en = messages('en');
    const zh = messages('zh-CN');
    expect(en.leftovers(sold('0.04'))).toBe('Leftovers: sold 2 for 40 USDT, fee 0.04 USDT (#7).');
    expect(en.leftovers(sold('0', bnb))).toBe(
      'Leftovers: sold 2 for 40 USDT, fee 0.00025 BNB (not valued in USDT) (#7).',
    );
    expect(en.leftovers(sold('0.04', bnb))).toBe(
      'Leftovers: sold 2 for 40 USDT, fee 0.04 USDT + 0.00025 BNB (not valued in USDT) (#7).',
    );
    expect(zh.leftovers(sold('0.04'))).toBe(
      '剩余代币：已卖出 2，得 40 USDT，手续费 0.04 USDT（#7）。',
    );
    expect(zh.leftovers(sold('0', bnb))).toBe(
      '剩余代币：已卖出 2，得 40 USDT，手续费 0.00025 BNB（未折算为 USDT）（#7）。',
    );
    expect(zh.leftovers(sold('0.04', bnb))).toBe(
      '剩余代币：已卖出 2，得 40 USDT，手续费 0.04 USDT + 0.00025 BNB（未折算为 USDT）（#7）。',
    );
    // Part sold before the cancel: the same fee wording.
    const partly = { ...unsold('SELL_TIMEOUT', '0.5', '20'), feeUsdt: '0', unvaluedFees: bnb };
    expect(en.leftovers(partly)).toMatch(
      /sold 0\.5 for 20 USDT, fee 0\.00025 BNB \(not valued in USDT\), then did not fill/,
    );
    expect(zh.leftovers(partly)).toMatch(/手续费 0\.00025 BNB（未折算为 USDT），其余未成交/);
    expect(en.leftovers(partly)).not.toMatch(/fee 0 USDT/);
    expect(zh.leftovers(partly)).not.toMatch(/手续费 0 USDT/);
  });
});
