import { stat, readFile } from 'node:fs/promises';
import type { SessionCredentials } from '../../core/credentials/session-credentials.ts';
import { CliError, ExitCode } from './cli-error.ts';

/**
 * Where a command's credentials come from. Owned by the accounts work (issue 4), which adds
 * the keychain and the environment variable; this first version reads --credentials-file.
 */
export interface CredentialRequest {
  user?: string;
  credentialsFile?: string;
}

export interface ResolvedCredentials {
  credentials: SessionCredentials;
  source: 'file' | 'env' | 'keychain';
  accountId: string;
}

/** Refuses a file that group or others can read: it holds a live session. */
export async function readPrivateCredentialsFile(path: string): Promise<SessionCredentials> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch {
    throw new CliError(`Credentials file not found: ${path}`, ExitCode.usage);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new CliError(
      `Refusing ${path}: it is readable by other users (mode ${(mode & 0o777).toString(8)}). ` +
        `Run: chmod 600 ${path}`,
      ExitCode.usage,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new CliError(`${path} is not valid JSON. Expected {"headers":{...},"cookies":"k=v; ..."}`, ExitCode.usage);
  }
  return toSessionCredentials(parsed, path);
}

function toSessionCredentials(value: unknown, origin: string): SessionCredentials {
  const bad = () =>
    new CliError(
      `${origin} must look like {"headers":{"csrftoken":"...",...},"cookies":"k=v; k2=v2"}`,
      ExitCode.usage,
    );
  if (typeof value !== 'object' || value === null) throw bad();
  const { headers, cookies } = value as { headers?: unknown; cookies?: unknown };
  if (typeof headers !== 'object' || headers === null || typeof cookies !== 'string') throw bad();
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(headers)) {
    if (typeof v !== 'string') throw bad();
    out[name.toLowerCase()] = v;
  }
  return { headers: out, cookies };
}

/** Resolves the credentials a command should use. */
export async function resolveCredentials(request: CredentialRequest): Promise<ResolvedCredentials> {
  if (request.credentialsFile) {
    return {
      credentials: await readPrivateCredentialsFile(request.credentialsFile),
      source: 'file',
      accountId: request.user ?? 'file',
    };
  }
  throw new CliError(
    'No credentials: pass --credentials-file <path> (or --demo to use the built-in simulator).',
    ExitCode.usage,
  );
}
