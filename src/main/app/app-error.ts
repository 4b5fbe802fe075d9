import type { CodedError } from '../../shared/errors/coded-error.ts';
import type { AppErrorCode, AppErrorParams } from '../../shared/ipc/error-codes.ts';
import { IpcServiceError, ipcParamsOf, type IpcErrorParams } from '../../shared/ipc/result.ts';
import type { Reason } from '../../shared/reasons/reason.ts';
import type { StrategyReasonCode } from '../../shared/reasons/strategy-reason.ts';
import type { AccountErrorCode } from '../core/accounts/account-errors.ts';
import type { VerificationOutcome } from '../core/accounts/account-record.ts';
import type { CurlImportErrorCode } from '../core/accounts/curl-import.ts';
import type { AlertDeliveryErrorCode } from '../core/alerts/delivery-queue.ts';
import type { FileWriteErrorCode } from '../core/files/atomic-json-file.ts';
import type { SecretStoreErrorCode } from '../core/ports/secret-store.ts';
import type { StrategyErrorCode } from '../core/strategy/strategy-error.ts';

/**
 * An error for the renderer: a stable code with the params its sentence needs (typed by
 * `AppErrorParamsByCode`), and an English message for logs. The renderer says it by code.
 */
export function appError<C extends AppErrorCode>(
  code: C,
  message: string,
  ...params: Record<string, never> extends AppErrorParams<C>
    ? [params?: AppErrorParams<C>]
    : [params: AppErrorParams<C>]
): IpcServiceError {
  return new IpcServiceError(code, message, ipcParamsOf(params[0]));
}

/** An error for the renderer that is an engine reason (said by `describeReason`). */
export function reasonError(reason: Reason, message: string): IpcServiceError {
  const { code, ...params } = reason;
  return new IpcServiceError(code, message, ipcParamsOf(params));
}

/**
 * A coded error of any layer passes as it is (its code and params reach the renderer); an
 * error without a code becomes `fallback` (its message stays for the log).
 */
export function passAppError(error: unknown, fallback: AppErrorCode): Error {
  if (error instanceof Error && typeof (error as Partial<CodedError>).code === 'string')
    return error;
  return new IpcServiceError(fallback, error instanceof Error ? error.message : String(error));
}

/** The params of a coded error as they cross (for views that carry a problem). */
export function problemOf(
  error: unknown,
  fallback: AppErrorCode,
): { code: string; params: IpcErrorParams; message: string } {
  const coded = passAppError(error, fallback) as Error & { code: string; params?: unknown };
  return { code: coded.code, params: ipcParamsOf(coded.params), message: coded.message };
}

/**
 * Every code the engine's errors may carry to the renderer has a sentence there: either a
 * reason code (the engine's or the strategy's) or an app code. A new engine code that is neither fails to compile here.
 */
type EngineCode =
  | AccountErrorCode
  | Exclude<VerificationOutcome, 'OK'>
  | CurlImportErrorCode
  | AlertDeliveryErrorCode
  | FileWriteErrorCode
  | SecretStoreErrorCode
  | StrategyErrorCode;
type Unsaid = Exclude<EngineCode, AppErrorCode | StrategyReasonCode>;
const everyEngineCodeSaid: [Unsaid] extends [never] ? true : Unsaid = true;
void everyEngineCodeSaid;
