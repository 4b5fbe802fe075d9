import { createHash } from 'node:crypto';
import {
  findUnsendableCredential,
  unsendableCharacterMessage,
} from '../credentials/header-characters.ts';
import type { SessionCredentials } from '../credentials/session-credentials.ts';
import type { CopyWarningCode } from './account-record.ts';
import {
  CurlSyntaxError,
  detectCurlFlavour,
  tokenizeCurl,
  type CurlFlavour,
} from './curl-tokenize.ts';
import { CodedError } from '../../../shared/errors/coded-error.ts';

/**
 * Headers a replayed web session needs (ALPHA-PROTOCOL.md §1, "minimal set", probed by NAT
 * on get-user-base-info). Everything else in a browser capture is dropped: `content-length`,
 * `origin` and `:authority` caused rejections, and the rest (`sec-*`, `referer`, tracing
 * headers, ...) is browser noise that would go stale.
 */
export const SESSION_HEADERS = [
  'bnc-uuid',
  'csrftoken',
  'device-info',
  'fvideo-id',
  'fvideo-token',
  'user-agent',
] as const;
export const CLIENT_HEADERS = ['accept', 'clienttype', 'content-type', 'lang'] as const;
const KEPT_HEADERS = new Set<string>([...SESSION_HEADERS, ...CLIENT_HEADERS]);

/** The long-term session cookies (NAT `face_verify.py`, plus `r30t` that Alpha endpoints need). */
export const LONG_TERM_COOKIES = ['p20t', 'cr00', 'r20t', 'f30l', 'd1og', 'r30t'] as const;

/** Stable codes of {@link CurlImportError}. */
export type CurlImportErrorCode =
  | 'EMPTY_INPUT'
  | 'NOT_CURL'
  | 'MALFORMED_CURL'
  | 'NOT_BINANCE_REQUEST'
  | 'NO_COOKIE'
  /** The paste stops in the middle (a trailing `\` or `^` line continuation). */
  | 'INCOMPLETE_CURL'
  | 'NO_CSRFTOKEN'
  /** A kept header or cookie has a character no browser sends (the paste was altered). */
  | 'UNSENDABLE_CHARACTER';

/** Why a paste could not be imported. The message never contains a header or cookie value. */
export class CurlImportError extends CodedError<CurlImportErrorCode, { detail?: string }> {
  constructor(
    code: CurlImportErrorCode,
    message: string,
    /** Non-secret detail for the message, e.g. the host of a non-Binance URL. */
    readonly detail?: string,
  ) {
    super(code, message, { params: detail !== undefined ? { detail } : {} });
    this.name = 'CurlImportError';
  }
}

/** Something worth telling the user that does not stop the import. */
export type CurlImportWarning =
  /** Long-term cookies are missing: copied without "stay signed in", it may last only hours. */
  | { code: 'MISSING_SESSION_COOKIES'; names: string[] }
  | { code: 'MISSING_SESSION_HEADERS'; names: string[] }
  /** `csrftoken` is not md5(cr00) (ALPHA-PROTOCOL.md §9): a stale or mixed copy. */
  | { code: 'CSRF_MISMATCH'; names: [] };

/** A successful import: the session to store plus what was learned along the way. */
export interface CurlImport {
  credentials: SessionCredentials;
  flavour: CurlFlavour;
  /** Origin and path of the copied request (no query: it may carry ids). */
  requestUrl: string;
  /** Names of the headers kept, in a stable order. */
  keptHeaders: string[];
  /** Names of the headers dropped (names are not secret). */
  droppedHeaders: string[];
  /** Names of the cookies kept. */
  cookieNames: string[];
  warnings: CurlImportWarning[];
}

const VALUE_OPTIONS = new Set([
  '-X',
  '--request',
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-ascii',
  '--data-urlencode',
  '--json',
  '-e',
  '--referer',
  '-o',
  '--output',
  '-u',
  '--user',
  '-x',
  '--proxy',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-F',
  '--form',
  '-w',
  '--write-out',
  '--retry',
  '--resolve',
  '--cacert',
  '--cert',
  '-E',
  '--key',
  '--limit-rate',
  '--interface',
  '-T',
  '--upload-file',
  '--max-redirs',
]);

/**
 * Turns a browser's "Copy as cURL" of any `https://www.binance.com/bapi/...` request into
 * stored-session credentials: the cookies plus the headers the web client needs.
 */
export function parseCurl(text: string): CurlImport {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.length === 0) throw new CurlImportError('EMPTY_INPUT', 'The input is empty.');
  if (!/^curl(\.exe)?(\s|$)/i.test(trimmed)) {
    const hint = /Invoke-(WebRequest|RestMethod)|^fetch\(/i.test(trimmed)
      ? ' (that is PowerShell or fetch)'
      : '';
    throw new CurlImportError('NOT_CURL', `This is not a cURL command${hint}.`);
  }
  const flavour = detectCurlFlavour(trimmed);
  let args: string[];
  try {
    args = tokenizeCurl(trimmed, flavour);
  } catch (error) {
    if (error instanceof CurlSyntaxError) {
      throw new CurlImportError(
        'MALFORMED_CURL',
        `The cURL command is cut off or mangled: ${error.message}.`,
      );
    }
    throw error;
  }

  const rawHeaders: Array<[string, string]> = [];
  const cookieParts: string[] = [];
  let url: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => args[++i] ?? '';
    if (arg === '-H' || arg === '--header') {
      const line = value();
      const colon = line.indexOf(':', line.startsWith(':') ? 1 : 0);
      if (colon > 0)
        rawHeaders.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    } else if (arg === '-b' || arg === '--cookie') {
      const cookie = value();
      // Without "=" curl reads a cookie *file*; a browser never writes that.
      if (cookie.includes('=')) cookieParts.push(cookie);
    } else if (arg === '-A' || arg === '--user-agent') {
      rawHeaders.push(['user-agent', value()]);
    } else if (arg === '--url') {
      url ??= value();
    } else if (VALUE_OPTIONS.has(arg)) {
      i += 1;
    } else if (!arg.startsWith('-')) {
      url ??= arg;
    }
  }

  const requestUrl = checkBinanceUrl(url);
  const headers: Record<string, string> = {};
  const dropped = new Set<string>();
  for (const [name, headerValue] of rawHeaders) {
    if (name === 'cookie') cookieParts.push(headerValue);
    else if (KEPT_HEADERS.has(name)) headers[name] = stripControl(headerValue);
    else dropped.add(name);
  }

  const cookies = normaliseCookies(cookieParts);
  if (cookies.length === 0 && endsWithLineContinuation(trimmed)) {
    // The paste stops where more was to come (Chrome puts -b after the first headers): the
    // cookies were cut off, not missing from the page.
    throw new CurlImportError(
      'INCOMPLETE_CURL',
      'The pasted command is cut off: its last line ends with a line continuation and no cookies came yet. Copy the whole command again and paste all of it.',
    );
  }
  if (cookies.length === 0) {
    throw new CurlImportError(
      'NO_COOKIE',
      'The request carries no cookies: it was copied from a logged-out page.',
    );
  }
  if (!headers.csrftoken) {
    throw new CurlImportError(
      'NO_CSRFTOKEN',
      'The request has no csrftoken header: copy a request to www.binance.com/bapi/... made while logged in.',
    );
  }

  const cookieNames = cookies.map(([name]) => name);
  const warnings: CurlImportWarning[] = [];
  const missingCookies = LONG_TERM_COOKIES.filter((name) => !cookieNames.includes(name));
  if (missingCookies.length > 0)
    warnings.push({ code: 'MISSING_SESSION_COOKIES', names: missingCookies });
  const missingHeaders = SESSION_HEADERS.filter((name) => !headers[name]);
  if (missingHeaders.length > 0)
    warnings.push({ code: 'MISSING_SESSION_HEADERS', names: missingHeaders });
  const cr00 = cookies.find(([name]) => name === 'cr00')?.[1];
  if (cr00 !== undefined && !csrfMatchesCr00(headers.csrftoken, cr00))
    warnings.push({ code: 'CSRF_MISMATCH', names: [] });

  const keptHeaders = [...SESSION_HEADERS, ...CLIENT_HEADERS].filter(
    (name) => headers[name] !== undefined,
  );
  const ordered: Record<string, string> = {};
  for (const name of keptHeaders) ordered[name] = headers[name]!;
  const credentials = {
    headers: ordered,
    cookies: cookies.map(([n, v]) => `${n}=${v}`).join('; '),
  };
  const unsendable = findUnsendableCredential(credentials);
  if (unsendable !== null) {
    throw new CurlImportError(
      'UNSENDABLE_CHARACTER',
      unsendableCharacterMessage(unsendable),
      unsendable,
    );
  }
  return {
    credentials,
    flavour,
    requestUrl,
    keptHeaders,
    droppedHeaders: [...dropped].sort(),
    cookieNames,
    warnings,
  };
}

function checkBinanceUrl(url: string | undefined): string {
  if (url === undefined)
    throw new CurlImportError('NOT_BINANCE_REQUEST', 'The cURL command has no URL.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CurlImportError('NOT_BINANCE_REQUEST', 'The cURL command has no valid URL.');
  }
  if (
    parsed.protocol !== 'https:' ||
    parsed.hostname !== 'www.binance.com' ||
    !parsed.pathname.startsWith('/bapi/')
  ) {
    throw new CurlImportError(
      'NOT_BINANCE_REQUEST',
      `Not a Binance request: expected https://www.binance.com/bapi/..., got ${parsed.protocol}//${parsed.hostname}${parsed.pathname.split('/').slice(0, 2).join('/')}`,
      `${parsed.protocol}//${parsed.hostname}`,
    );
  }
  return `${parsed.origin}${parsed.pathname}`;
}

/** `k=v; k2=v2` from every -b and cookie header; a later value of the same name wins. */
function normaliseCookies(parts: string[]): Array<[string, string]> {
  const byName = new Map<string, string>();
  for (const part of parts) {
    for (const pair of part.split(';')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const cookieValue = stripControl(pair.slice(eq + 1));
      if (name.length > 0) byName.set(name, cookieValue);
    }
  }
  return [...byName];
}

/** A stray CR/LF in a value would split the request's headers (P HEAD strips them too). */
function stripControl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** A bash (`\`) or cmd (`^`) line continuation at the very end: the paste stops mid-command. */
function endsWithLineContinuation(input: string): boolean {
  const trimmed = input.trimEnd();
  return trimmed.endsWith('\\') || trimmed.endsWith('^');
}

/**
 * The cookies that make a copy last (NAT `playwright_login.py`): without them it was made
 * without "stay signed in" and dies within hours. (`r30t`, which Alpha calls want, is checked
 * by the missing-cookies warning but says nothing about the copy's lifetime.)
 */
const STAY_SIGNED_IN_COOKIES: readonly string[] = ['cr00', 'p20t', 'r20t', 'f30l', 'd1og'];

/** What a paste's warnings mean for the stored copy's health (kept with the account). */
export function copyWarningsOf(imported: Pick<CurlImport, 'warnings'>): CopyWarningCode[] {
  const codes: CopyWarningCode[] = [];
  for (const warning of imported.warnings) {
    if (
      warning.code === 'MISSING_SESSION_COOKIES' &&
      warning.names.some((name) => STAY_SIGNED_IN_COOKIES.includes(name))
    )
      codes.push('SHORT_LIVED_COPY');
    if (warning.code === 'CSRF_MISMATCH') codes.push('CSRF_MISMATCH');
  }
  return codes;
}

/** The exchange sets `csrftoken` to the lowercase hex MD5 of the `cr00` cookie (§9). */
export function csrfMatchesCr00(csrftoken: string, cr00: string): boolean {
  return createHash('md5').update(cr00).digest('hex') === csrftoken.toLowerCase();
}
