import { IpcServiceError } from '../../shared/ipc/result.ts';

/** An error for the renderer: stable code, plain-language message, no secret. */
export function appError(code: string, message: string): IpcServiceError {
  return new IpcServiceError(code, message);
}
