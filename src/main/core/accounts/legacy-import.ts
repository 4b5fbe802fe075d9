import { findUnsendableCredential } from '../credentials/header-characters.ts';
import type { SessionCredentials } from '../credentials/session-credentials.ts';
import { AccountError, validateAccountId } from './account-errors.ts';
import { CodedError } from '../../../shared/errors/coded-error.ts';

/**
 * Reads the original project's export: its SQLite table `users(id, name, headers, cookies, ...)`
 * dumped as JSON rows `{id, name, headers, cookies}` (ALPHA-PROTOCOL.md §8). `headers` is a JSON
 * object string (or an object); `cookies` is `"k=v; k2=v2"` (or an object, as P HEAD allows).
 * Accepts a bare array or `{users|rows|accounts: [...]}`.
 */

/** One row that can be stored. */
export interface LegacyAccount {
  id: string;
  name: string;
  credentials: SessionCredentials;
}

/** Stable codes for a row that was skipped. */
export type LegacyRowProblemCode =
  | 'BAD_ID'
  | 'BAD_HEADERS'
  | 'BAD_COOKIES'
  | 'NO_COOKIE'
  | 'NO_CSRFTOKEN'
  | 'DUPLICATE_ID'
  /** A header or cookie has a character no browser or HTTP client sends (beyond U+00FF). */
  | 'UNSENDABLE_CHARACTER';

/** A skipped row: its position, its id if readable, and why. Never a secret value. */
export interface LegacyRowProblem {
  index: number;
  id?: string;
  code: LegacyRowProblemCode;
}

/** Stable codes of {@link LegacyExportError} (the file as a whole is unusable). */
export type LegacyExportErrorCode = 'NOT_JSON' | 'NOT_AN_EXPORT';

export class LegacyExportError extends CodedError<LegacyExportErrorCode> {
  constructor(code: LegacyExportErrorCode, message: string) {
    super(code, message);
    this.name = 'LegacyExportError';
  }
}

/**
 * Headers never carried over: pseudo-headers, transport headers, and the ones that caused
 * rejections (`content-length`, `origin`). Everything else is kept as the old tool sent it,
 * since its sessions often came from the mobile app (`clienttype: ios`, `x-seccheck-token`).
 */
const DROPPED_HEADERS = new Set([
  'content-length',
  'origin',
  'host',
  'connection',
  'accept-encoding',
  'cookie',
]);

/** Parses the export; bad rows are reported, good ones returned. */
export function parseLegacyExport(text: string): {
  accounts: LegacyAccount[];
  problems: LegacyRowProblem[];
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new LegacyExportError('NOT_JSON', 'The file is not JSON.');
  }
  const rows = Array.isArray(parsed) ? parsed : pickRows(parsed);
  if (!rows) {
    throw new LegacyExportError(
      'NOT_AN_EXPORT',
      'Expected a JSON array of {id, name, headers, cookies} rows.',
    );
  }
  const accounts: LegacyAccount[] = [];
  const problems: LegacyRowProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row: unknown, index) => {
    const result = parseRow(row);
    if ('code' in result) {
      problems.push({ index, ...result });
    } else if (seen.has(result.id)) {
      problems.push({ index, id: result.id, code: 'DUPLICATE_ID' });
    } else {
      seen.add(result.id);
      accounts.push(result);
    }
  });
  return { accounts, problems };
}

function pickRows(value: unknown): unknown[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of ['users', 'rows', 'accounts']) {
    const rows = (value as Record<string, unknown>)[key];
    if (Array.isArray(rows)) return rows;
  }
  return undefined;
}

function parseRow(row: unknown): LegacyAccount | { id?: string; code: LegacyRowProblemCode } {
  if (typeof row !== 'object' || row === null) return { code: 'BAD_ID' };
  const r = row as Record<string, unknown>;
  const rawId = typeof r.id === 'number' || typeof r.id === 'string' ? String(r.id).trim() : '';
  let id: string;
  try {
    id = validateAccountId(rawId);
  } catch (error) {
    if (error instanceof AccountError) return { code: 'BAD_ID' };
    throw error;
  }
  const headers = readHeaders(r.headers);
  if (!headers) return { id, code: 'BAD_HEADERS' };
  const fromHeader = headers.cookie;
  delete headers.cookie;
  const cookies = readCookies(r.cookies, fromHeader);
  if (cookies === undefined) return { id, code: 'BAD_COOKIES' };
  if (cookies.length === 0) return { id, code: 'NO_COOKIE' };
  if (!headers.csrftoken) return { id, code: 'NO_CSRFTOKEN' };
  for (const name of Object.keys(headers))
    if (DROPPED_HEADERS.has(name) || name.startsWith(':')) delete headers[name];
  if (findUnsendableCredential({ headers, cookies }) !== null)
    return { id, code: 'UNSENDABLE_CHARACTER' };
  const name = typeof r.name === 'string' && r.name.trim() !== '' ? r.name.trim() : id;
  return { id, name, credentials: { headers, cookies } };
}

function readHeaders(value: unknown): Record<string, string> | undefined {
  let object = value;
  if (typeof value === 'string') {
    try {
      object = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(object)) {
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    // P HEAD strips control characters from values; a stray newline would split the request.
    // eslint-disable-next-line no-control-regex
    const value = String(v).replace(/[\u0000-\u001f\u007f]/g, '');
    out[name.trim().toLowerCase()] = value.trim();
  }
  return out;
}

/** `"k=v; ..."`, a JSON object string, or an object → `k=v; k2=v2`; undefined when unreadable. */
function readCookies(value: unknown, fromHeader: string | undefined): string | undefined {
  let object: unknown = value ?? fromHeader ?? '';
  if (typeof object === 'string' && object.trim().startsWith('{')) {
    try {
      object = JSON.parse(object);
    } catch {
      return undefined;
    }
  }
  let pairs: Array<[string, string]>;
  if (typeof object === 'string') {
    pairs = object
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part.indexOf('=') > 0)
      .map((part) => [
        part.slice(0, part.indexOf('=')).trim(),
        part.slice(part.indexOf('=') + 1).trim(),
      ]);
  } else if (typeof object === 'object' && object !== null && !Array.isArray(object)) {
    pairs = [];
    for (const [k, v] of Object.entries(object)) {
      if (typeof v !== 'string' && typeof v !== 'number') return undefined;
      pairs.push([k.trim(), String(v).trim()]);
    }
  } else {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  return pairs.map(([k, v]) => `${k}=${v.replace(/[\u0000-\u001f\u007f]/g, '')}`).join('; ');
}
