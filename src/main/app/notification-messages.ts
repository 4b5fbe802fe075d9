import type { Lang } from '../../shared/i18n/lang.ts';
import { accountStopAdvice } from '../../shared/reasons/account-stop.ts';

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
  strategyStopAdvice: (code) => accountStopAdvice('en', code),
};

const ZH: NotificationTexts = {
  filled: (n) => (n === 1 ? '订单已成交' : `${n} 个订单已成交`),
  partiallyFilled: (n) => (n === 1 ? '订单部分成交' : `${n} 个订单部分成交`),
  journal: (account) => `${account}：会话日志`,
  monitoringStopped: (account) => `${account}：监控已停止`,
  strategyStopped: (account, code) => `${account}：策略已停止（${code}）`,
  strategyStopAdvice: (code) => accountStopAdvice('zh-CN', code),
};

const TEXTS: Record<Lang, NotificationTexts> = { en: EN, 'zh-CN': ZH };

/** The notices' texts in the UI language. */
export function notificationTexts(lang: Lang): NotificationTexts {
  return TEXTS[lang];
}
