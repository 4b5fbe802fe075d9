import { createContext, useContext, type ReactNode } from 'react';
import { en, type Messages } from './messages-en.ts';
import { zhCN } from './messages-zh-cn.ts';

/** Languages the UI speaks; the same codes as the CLI (`--lang`). */
export const UI_LANGS = ['en', 'zh-CN'] as const;
export type UiLang = (typeof UI_LANGS)[number];

const TABLES: Record<UiLang, Messages> = { en, 'zh-CN': zhCN };

/** The message table for a language (English for anything unknown). */
export function messagesFor(lang: string): Messages {
  return (TABLES as Record<string, Messages | undefined>)[lang] ?? en;
}

/** First-run language: the browser's, zh-CN for any zh-*. */
export function detectUiLang(languages: readonly string[]): UiLang {
  return languages.some((l) => /^zh/i.test(l)) ? 'zh-CN' : 'en';
}

const I18nContext = createContext<{ lang: UiLang; t: Messages }>({ lang: 'en', t: en });

/** Provides the message table for the current language to the tree. */
export function I18nProvider({ lang, children }: { lang: UiLang; children: ReactNode }) {
  return (
    <I18nContext.Provider value={{ lang, t: messagesFor(lang) }}>{children}</I18nContext.Provider>
  );
}

/** The current message table (`t.someKey` or `t.someFn(args)`). */
export function useT(): Messages {
  return useContext(I18nContext).t;
}

/** The current language code, for number and date formatting. */
export function useLang(): UiLang {
  return useContext(I18nContext).lang;
}
