import {
  isAppErrorCode,
  type AppErrorCode,
  type AppErrorParams,
} from '../../../shared/ipc/error-codes.ts';
import type { IpcErrorParams } from '../../../shared/ipc/result.ts';
import { isStrategyReason } from '../../../shared/reasons/strategy-reason.ts';
import { describeStrategyReason } from '../../../shared/reasons/strategy-reason-text.ts';
import { ERROR_TEXTS_EN, unknownErrorEn } from './error-texts-en.ts';
import { ERROR_TEXTS_ZH_CN, unknownErrorZhCn } from './error-texts-zh-cn.ts';

/** One sentence per app code, typed by its params (a missing code does not compile). */
export type ErrorTexts = { [C in AppErrorCode]: (params: AppErrorParams<C>) => string };

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
