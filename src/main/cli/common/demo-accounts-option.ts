import { defineMessages, type Lang } from '../i18n/lang.ts';
import { CliError, ExitCode } from './cli-error.ts';

/** The most simulated accounts one `--demo --accounts N` may ask for. */
export const MAX_DEMO_ACCOUNTS = 500;

const messages = defineMessages({
  en: {
    needsDemo: (value: string) =>
      `--accounts ${value} works only with --demo (it sets how many simulated accounts run); add --demo, or leave --accounts out.`,
    badCount: (value: string) =>
      `--accounts must be a whole number from 1 to ${MAX_DEMO_ACCOUNTS}, got "${value}".`,
  },
  'zh-CN': {
    needsDemo: (value: string) =>
      `--accounts ${value} 只能与 --demo 一起使用（它设定运行多少个模拟账户）：请加上 --demo，或去掉 --accounts。`,
    badCount: (value: string) =>
      `--accounts 必须是 1 到 ${MAX_DEMO_ACCOUNTS} 的整数，收到 "${value}"。`,
  },
});

/**
 * `--accounts N` of `fleet` and `serve`: how many simulated accounts `--demo` runs. A usage
 * error (exit 2) names what is wrong: the missing `--demo`, or the number.
 */
export function demoAccountsOption(
  value: string | undefined,
  demo: boolean | undefined,
  defaultCount: number,
  lang: Lang,
): number {
  if (value === undefined) return defaultCount;
  const m = messages(lang);
  if (!demo) throw new CliError(m.needsDemo(value), ExitCode.usage);
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEMO_ACCOUNTS)
    throw new CliError(m.badCount(value), ExitCode.usage);
  return count;
}
