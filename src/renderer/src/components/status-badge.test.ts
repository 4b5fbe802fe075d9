import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../../../shared/domain/order-update.ts';
import { I18nProvider, UI_LANGS, type UiLang } from '../i18n/i18n.tsx';
import { StatusBadge } from './ui.tsx';

function badge(lang: UiLang, status: (typeof ORDER_STATUSES)[number], rawStatus?: string): string {
  return renderToStaticMarkup(
    createElement(I18nProvider, {
      lang,
      children: createElement(StatusBadge, { status, rawStatus }),
    }),
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('StatusBadge', () => {
  it('names self-trade prevention in both languages', () => {
    expect(text(badge('en', 'EXPIRED_IN_MATCH'))).toBe('Expired (STP)');
    expect(text(badge('zh-CN', 'EXPIRED_IN_MATCH'))).toBe('过期（自成交）');
  });

  it('shows a status Alpha Monitor does not know as Binance sent it, and says so on hover', () => {
    for (const lang of UI_LANGS) {
      const html = badge(lang, 'UNRECOGNIZED', 'HALTED');
      expect(text(html)).toBe('HALTED');
      expect(html).toContain('data-raw-status="HALTED"');
      expect(html).toMatch(/title="[^"]*HALTED[^"]*"/);
    }
  });

  it('has a label for every status in every language', () => {
    for (const lang of UI_LANGS)
      for (const status of ORDER_STATUSES) expect(text(badge(lang, status))).not.toBe('');
  });
});
