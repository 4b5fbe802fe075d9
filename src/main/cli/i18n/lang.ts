/** The CLI speaks English and Simplified Chinese (the original scripts were in Chinese). */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** `--lang` wins; otherwise the locale (LC_ALL, LC_MESSAGES, LANG) picks zh-CN for any zh_*. */
export function detectLang(env: NodeJS.ProcessEnv, explicit?: string): Lang {
  if (explicit !== undefined) {
    if ((LANGS as readonly string[]).includes(explicit)) return explicit as Lang;
    throw new RangeError(`--lang must be one of ${LANGS.join(', ')}, got "${explicit}"`);
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

/**
 * Declares one message table per language with the same keys (the type forces zh-CN to
 * match en), and returns a lookup for a language.
 */
export function defineMessages<
  T extends Record<string, string | ((...args: never[]) => string)>,
>(tables: { en: T; 'zh-CN': { [K in keyof T]: T[K] } }): (lang: Lang) => T {
  return (lang) => tables[lang] as T;
}
