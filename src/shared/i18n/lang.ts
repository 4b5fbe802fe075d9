/** The languages every edge speaks (CLI `--lang`, the UI's language setting, notifications). */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** `en`, or zh-CN for `zh`, `zh-cn`, `zh-CN`, `zh_CN` (any case); null for anything else. */
export function parseLang(text: string): Lang | null {
  const lower = text.trim().toLowerCase();
  if (lower === 'en') return 'en';
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh_cn') return 'zh-CN';
  return null;
}
