import { CodedError } from '../../../shared/errors/coded-error.ts';

/** Exit codes shared by every command (documented in the README). */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  credentialsRejected: 3,
  neverLive: 4,
  /** Ctrl+C while nothing was started yet (128 + SIGINT, as a shell reports it). */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The stable code of a CliError: which exit it ends in. */
export type CliErrorCode =
  'CLI_FAILURE' | 'CLI_USAGE' | 'CLI_CREDENTIALS_REJECTED' | 'CLI_NEVER_LIVE' | 'CLI_INTERRUPTED';

const CODE_OF_EXIT: Record<Exclude<ExitCode, 0>, CliErrorCode> = {
  [ExitCode.failure]: 'CLI_FAILURE',
  [ExitCode.usage]: 'CLI_USAGE',
  [ExitCode.credentialsRejected]: 'CLI_CREDENTIALS_REJECTED',
  [ExitCode.neverLive]: 'CLI_NEVER_LIVE',
  [ExitCode.interrupted]: 'CLI_INTERRUPTED',
};

/**
 * An error the CLI prints as a plain message (no stack) and exits with `exitCode`. The message
 * is already in the user's language where it is thrown; `code` says which exit it is.
 */
export class CliError extends CodedError<CliErrorCode> {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.failure,
  ) {
    super(exitCode === ExitCode.ok ? 'CLI_FAILURE' : CODE_OF_EXIT[exitCode], message);
    this.name = 'CliError';
  }
}
