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

/** An error the CLI prints as a plain message (no stack) and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
