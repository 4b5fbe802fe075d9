import type { Lang } from '../../shared/i18n/lang.ts';

/** Codes a strategy stops on at once because the account needs the user. */
type StopAdvice = (code: string) => string;

interface NotificationTexts {
  filled: (orders: number) => string;
  partiallyFilled: (orders: number) => string;
  journal: (account: string) => string;
  monitoringStopped: (account: string) => string;
  strategyStopped: (account: string, code: string) => string;
  strategyStopAdvice: StopAdvice;
}

const EN: NotificationTexts = {
  filled: (n) => (n === 1 ? 'Order filled' : `${n} orders filled`),
  partiallyFilled: (n) => (n === 1 ? 'Order partially filled' : `${n} orders partially filled`),
  journal: (account) => `${account}: session journal`,
  monitoringStopped: (account) => `${account}: monitoring stopped`,
  strategyStopped: (account, code) => `${account}: strategy stopped (${code})`,
  strategyStopAdvice: (code) => {
    switch (code) {
      case 'VERIFICATION_REQUIRED':
        return 'Binance asks for supplementary verification. Finish it in the Binance app (Alpha), then start the strategy again. Nothing was retried.';
      case 'RISK_CHALLENGE':
        return 'Binance asks for a security check (2FA) on orders. Place one Alpha order by hand on binance.com or in the app to pass it, then start again. Nothing was retried.';
      case 'INSUFFICIENT_BALANCE':
        return 'The funding wallet cannot pay the next buy (481020). Add USDT to it or lower the amount per trade, then start again. Nothing was retried.';
      default:
        return 'Log in again and re-import the session (Accounts), then start again.';
    }
  },
};

const ZH: NotificationTexts = {
  filled: (n) => (n === 1 ? '订单已成交' : `${n} 个订单已成交`),
  partiallyFilled: (n) => (n === 1 ? '订单部分成交' : `${n} 个订单部分成交`),
  journal: (account) => `${account}：会话日志`,
  monitoringStopped: (account) => `${account}：监控已停止`,
  strategyStopped: (account, code) => `${account}：策略已停止（${code}）`,
  strategyStopAdvice: (code) => {
    switch (code) {
      case 'VERIFICATION_REQUIRED':
        return '币安要求补充认证。请在币安 App（Alpha）中完成认证，然后重新启动策略。未做任何重试。';
      case 'RISK_CHALLENGE':
        return '币安要求对下单进行安全验证（双重验证）。请在 binance.com 或 App 中手动下一笔 Alpha 订单以通过验证，然后重新启动。未做任何重试。';
      case 'INSUFFICIENT_BALANCE':
        return '资金账户不足以支付下一笔买单（481020）。请充值 USDT 或降低每笔金额，然后重新启动。未做任何重试。';
      default:
        return '请重新登录并重新导入会话（账户），然后重新启动。';
    }
  },
};

const TEXTS: Record<Lang, NotificationTexts> = { en: EN, 'zh-CN': ZH };

/** The notices' texts in the UI language. */
export function notificationTexts(lang: Lang): NotificationTexts {
  return TEXTS[lang];
}
