import {
  isAppErrorCode,
  type AppErrorCode,
  type AppErrorParams,
} from '../../../shared/ipc/error-codes.ts';
import type { AccountStopCode } from '../../../shared/reasons/account-stop.ts';
import type { IpcErrorParams } from '../../../shared/ipc/result.ts';
import {
  isStrategyReason,
  type StrategyReasonCode,
} from '../../../shared/reasons/strategy-reason.ts';
import { describeStrategyReason } from '../../../shared/reasons/strategy-reason-text.ts';
import { ERROR_TEXTS_EN, unknownErrorEn } from './error-texts-en.ts';
import { ERROR_TEXTS_ZH_CN, unknownErrorZhCn } from './error-texts-zh-cn.ts';

/** One sentence per app code, typed by its params (a missing code does not compile). */
export type ErrorTexts = { [C in AppErrorCode]: (params: AppErrorParams<C>) => string };

/**
 * What to do, per code: every key is a code main can send (an app code, an engine or strategy
 * reason, an account stop, or `RECONNECTING`, the reconnecting state's problem code, which is not a reason), so a
 * misspelt key does not compile; `default` for the rest.
 */
export type ErrorHints = {
  readonly [C in AppErrorCode | StrategyReasonCode | AccountStopCode | 'RECONNECTING']?: string;
} & { readonly default: string };

/** The hint for a code as it arrives (a plain string), or the default one. */
export function hintOf(hints: ErrorHints, code: string): string {
  return (
    (Object.hasOwn(hints, code) ? hints[code as keyof ErrorHints] : undefined) ?? hints.default
  );
}

/** An error as the renderer gets it: a code and, from main, its params. */
export interface CodedError {
  code: string;
  params?: IpcErrorParams;
}

const TABLES = {
  en: { texts: ERROR_TEXTS_EN, unknown: unknownErrorEn },
  'zh-CN': { texts: ERROR_TEXTS_ZH_CN, unknown: unknownErrorZhCn },
} as const;

/**
 * An error in `lang`, said from its code and params only (never its English `message`): an
 * app code by the tables above, an engine or strategy reason by `describeStrategyReason`
 * (which says an engine `Reason` by `describeReason`), anything else (an
 * operating system's `EACCES`, a newer main's code) by a sentence that names the code.
 */
export function describeError(lang: keyof typeof TABLES, error: CodedError): string {
  const { texts, unknown } = TABLES[lang];
  const params = error.params ?? {};
  if (isAppErrorCode(error.code)) {
    const text = texts[error.code] as (params: IpcErrorParams) => string;
    return text(params);
  }
  const reason: unknown = { ...params, code: error.code };
  if (isStrategyReason(reason)) return describeStrategyReason(lang, reason);
  return unknown(error.code);
}
