import { reasonOf } from '../../../shared/reasons/reason-of.ts';
import { describeReason } from '../../../shared/reasons/reason-text.ts';
import type { Lang } from './lang.ts';

/** Where a command's credentials came from (ResolvedConnection.source). */
export type CredentialSource = 'demo' | 'file' | 'env' | 'keychain';

const SOURCE_LABELS: Record<Lang, Record<CredentialSource, string>> = {
  en: { demo: 'demo', file: 'file', env: 'env', keychain: 'keychain' },
  'zh-CN': {
    demo: '演示模拟器',
    file: '凭据文件',
    env: '环境变量 ALPHA_MONITOR_CREDENTIALS_FILE',
    keychain: '系统钥匙串',
  },
};

/** The credential source as a user reads it. */
export function credentialSourceLabel(lang: Lang, source: CredentialSource): string {
  return SOURCE_LABELS[lang][source];
}

/**
 * Why an engine call failed, in the user's language: the error's reason (code + parameters,
 * see src/shared/reasons) through the translation table; never its English message.
 */
export function describeError(lang: Lang, error: unknown): string {
  return describeReason(lang, reasonOf(error));
}
