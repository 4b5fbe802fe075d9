import type { Lang } from '../i18n/lang.ts';

/**
 * Ends of a strategy run after which a person must act before the account can trade again:
 * the run stopped at once and never retried. (An expired session is not here: the monitor's
 * own session-failure notice says it.)
 */
export const ACCOUNT_STOP_CODES = [
  'VERIFICATION_REQUIRED',
  'RISK_CHALLENGE',
  'INSUFFICIENT_BALANCE',
] as const;
export type AccountStopCode = (typeof ACCOUNT_STOP_CODES)[number];

export function isAccountStopCode(code: string): code is AccountStopCode {
  return (ACCOUNT_STOP_CODES as readonly string[]).includes(code);
}

/** What to do, per code; `default` for another rejected session. */
type Advice = Record<AccountStopCode | 'default', string>;

const ADVICE: Record<Lang, Advice> = {
  en: {
    VERIFICATION_REQUIRED:
      'Binance asks for supplementary verification. Finish it in the Binance app (Alpha), then start the strategy again. Nothing was retried.',
    RISK_CHALLENGE:
      'Binance asks for a security check (2FA) on orders. Place one Alpha order by hand on binance.com or in the app to pass it, then start again. Nothing was retried.',
    INSUFFICIENT_BALANCE:
      'The funding wallet cannot pay the next buy (481020). Add USDT to it or lower the amount per trade, then start again. Nothing was retried.',
    default: 'Log in again and re-import the session (Accounts), then start again.',
  },
  'zh-CN': {
    VERIFICATION_REQUIRED:
      '币安要求补充认证。请在币安 App（Alpha）中完成认证，然后重新启动策略。未做任何重试。',
    RISK_CHALLENGE:
      '币安要求对下单进行安全验证（双重验证）。请在 binance.com 或 App 中手动下一笔 Alpha 订单以通过验证，然后重新启动。未做任何重试。',
    INSUFFICIENT_BALANCE:
      '资金账户不足以支付下一笔买单（481020）。请充值 USDT 或降低每笔金额，然后重新启动。未做任何重试。',
    default: '请重新登录并重新导入会话（账户），然后重新启动。',
  },
};

/**
 * What to do after a strategy stopped the account (the app's notice and its strategy panel
 * say the same): one table, both languages.
 */
export function accountStopAdvice(lang: Lang, code: string): string {
  return ADVICE[lang][isAccountStopCode(code) ? code : 'default'];
}
