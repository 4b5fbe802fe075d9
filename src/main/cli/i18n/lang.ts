import { LANGS, parseLang, type Lang } from '../../../shared/i18n/lang.ts';

/** The CLI speaks English and Simplified Chinese (the original scripts were in Chinese). */
export { LANGS, type Lang };

/**
 * `--lang` wins (`en`, or `zh` / `zh-cn` / `zh-CN` in any case); otherwise the locale
 * (LC_ALL, LC_MESSAGES, LANG) picks zh-CN for any zh_*.
 */
export function detectLang(env: NodeJS.ProcessEnv, explicit?: string): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const fromLocale: Lang = /^zh/i.test(locale) ? 'zh-CN' : 'en';
  if (explicit !== undefined) {
    const lang = parseLang(explicit);
    if (lang !== null) return lang;
    // Said in the locale's language: the --lang given is the one thing that could not be read.
    throw new RangeError(
      fromLocale === 'zh-CN'
        ? `--lang 只能是 en、zh 或 zh-CN，而不是“${explicit}”`
        : `--lang must be en, zh or zh-CN, got "${explicit}"`,
    );
  }
  return fromLocale;
}

/**
 * Declares one message table per language with the same keys (the type forces zh-CN to
 * match en), and returns a lookup for a language.
 */
export function defineMessages<
  T extends Record<string, string | ((...args: never[]) => string)>,
>(tables: { en: T; 'zh-CN': { [K in keyof T]: T[K] } }): (lang: Lang) => T {
  return (lang) => tables[lang];
}
