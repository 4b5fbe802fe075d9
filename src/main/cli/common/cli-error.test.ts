import { describe, expect, it } from 'vitest';
import { CodedError } from '../../../shared/errors/coded-error.ts';
import { CliError, ExitCode } from './cli-error.ts';

describe('CliError', () => {
  it('is a coded error whose code says which exit it ends in', () => {
    const usage = new CliError('unknown option --frob', ExitCode.usage);
    expect(usage).toBeInstanceOf(CodedError);
    expect([usage.code, usage.exitCode, usage.name]).toEqual(['CLI_USAGE', 2, 'CliError']);
    expect(new CliError('x', ExitCode.neverLive).code).toBe('CLI_NEVER_LIVE');
    expect(new CliError('x', ExitCode.credentialsRejected).code).toBe('CLI_CREDENTIALS_REJECTED');
  });

  it('is a plain failure (exit 1) unless told otherwise', () => {
    const e = new CliError('disk full');
    expect([e.code, e.exitCode]).toEqual(['CLI_FAILURE', ExitCode.failure]);
  });
});
