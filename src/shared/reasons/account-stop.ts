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

/** Where the advice is read: the app (notice, strategy panel) or the CLI. */
export type AdviceSurface = 'app' | 'cli';

/** The words that differ by surface: how to start again, what sets the amount. */
interface Words {
  again: string;
  amount: string;
}

interface Advice {
  stop: Record<AccountStopCode, (w: Words) => string>;
  /** Another rejected session (the app's notice only). */
  other: string;
  /** Said after the app's advice (the CLI's line starts with it instead). */
  notRetried: string;
  words: Record<AdviceSurface, Words>;
}

const ADVICE: Record<Lang, Advice> = {
  en: {
    stop: {
      VERIFICATION_REQUIRED: (w) =>
        `Binance asks for supplementary verification (补充认证). Finish it in the Binance app (Alpha), then ${w.again}.`,
      RISK_CHALLENGE: (w) =>
        `Binance asks for a security check (2FA) on orders. Place one Alpha order by hand on binance.com or in the app to pass it, then ${w.again}.`,
      INSUFFICIENT_BALANCE: (w) =>
        `The funding wallet cannot pay the next buy (481020 insufficient balance). Add USDT to the funding wallet or lower ${w.amount}, then ${w.again}.`,
    },
    other: 'Log in again and re-import the session (Accounts), then start again.',
    notRetried: ' Nothing was retried.',
    words: {
      app: { again: 'start the strategy again', amount: 'the amount per trade' },
      cli: { again: 'run again', amount: '--amount' },
    },
  },
  'zh-CN': {
    stop: {
      VERIFICATION_REQUIRED: (w) =>
        `币安要求补充认证。请在币安 App（Alpha）中完成认证，然后${w.again}。`,
      RISK_CHALLENGE: (w) =>
        `币安要求对下单进行安全验证（2FA）。请先在 binance.com 或 App 中手动下一笔 Alpha 订单通过验证，然后${w.again}。`,
      INSUFFICIENT_BALANCE: (w) =>
        `资金账户余额不足以支付下一笔买单（481020 余额不足）。请向资金账户充值 USDT 或调低${w.amount}，然后${w.again}。`,
    },
    other: '请重新登录并重新导入会话（账户），然后重新启动。',
    notRetried: '未做任何重试。',
    words: {
      app: { again: '重新启动策略', amount: '每笔金额' },
      cli: { again: '重新运行', amount: ' --amount' },
    },
  },
};

/**
 * What to do after a strategy stopped the account: one table for the app's notice, its
 * strategy panel and the CLI's summary line, both languages.
 */
export function accountStopAdvice(
  lang: Lang,
  code: string,
  surface: AdviceSurface = 'app',
): string {
  const advice = ADVICE[lang];
  if (!isAccountStopCode(code)) return advice.other;
  const text = advice.stop[code](advice.words[surface]);
  return surface === 'app' ? `${text}${advice.notRetried}` : text;
}
