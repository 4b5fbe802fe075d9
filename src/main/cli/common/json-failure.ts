import type { CodedErrorParams } from '../../../shared/errors/coded-error.ts';
import { reasonOf } from '../../../shared/reasons/reason-of.ts';
import type { Lang } from '../i18n/lang.ts';
import { describeError } from '../i18n/session-messages.ts';
import { CliError } from './cli-error.ts';

/** A failure as `--json` lines carry it: a stable code, its parameters, a sentence in `--lang`. */
export interface JsonFailure {
  code: string;
  params: CodedErrorParams | Record<string, unknown>;
  message: string;
}

/**
 * The `--json` fields of a failure: a CliError's code (its message is already in the user's
 * language), else the error's reason (code + parameters, see src/shared/reasons) with the
 * reason translated; never an engine error's English message.
 */
export function jsonFailure(lang: Lang, error: unknown): JsonFailure {
  if (error instanceof CliError) {
    return { code: error.code, params: error.params, message: error.message };
  }
  const { code, ...params } = reasonOf(error);
  return { code, params, message: describeError(lang, error) };
}
