import type { ErrorTexts } from './error-text.ts';
import { osErrorWords } from '../../../shared/reasons/os-error-text.ts';

const headerPart = (detail: string | undefined) =>
  detail === undefined
    ? 'A header or cookie of the session'
    : detail === 'cookie'
      ? 'The cookie header'
      : detail === 'a header name'
        ? 'A header name'
        : `The ${detail} header`;

/** English sentences of the app's error codes (what happened; the hint says what to do). */
export const ERROR_TEXTS_EN: ErrorTexts = {
  INVALID_REQUEST: (p) =>
    p.channel === undefined
      ? 'A value is not valid.'
      : `The app refused the request ${p.channel}: a value is not valid.`,
  UNKNOWN_CHANNEL: (p) => `The app does not know the request ${p.channel} (an older version?).`,
  FORBIDDEN: () => 'The request was refused: it did not come from an Alpha Monitor window.',
  DISCONNECTED: () => 'Lost the connection to Alpha Monitor. Retrying…',
  INTERNAL: () => 'Something went wrong inside Alpha Monitor. Details are in its log.',
  STARTING: () => 'Alpha Monitor is still starting. Try again in a moment.',
  SHUTTING_DOWN: () => 'Alpha Monitor is quitting.',
  HOST_TOKEN_MISSING: () => 'This page was opened without its access token.',
  INVALID_ACCOUNT_ID: () => 'That account id is not valid.',
  ACCOUNT_NOT_FOUND: (p) =>
    p.accountId === undefined ? 'The account is gone.' : `There is no account “${p.accountId}”.`,
  CREDENTIALS_MISSING: () => 'The stored session of this account is gone from the keychain.',
  CREDENTIALS_CORRUPT: () => 'The stored session of this account cannot be read.',
  ACCOUNTS_FILE_CORRUPT: () => 'The account list cannot be read; it was left untouched.',
  ACCOUNTS_FILE_WRITE_FAILED: () => 'The account list could not be saved; the old one is intact.',
  ACCOUNT_EXISTS: () => 'An account with that id exists already.',
  ACCOUNTS_LOCKED: () => 'Another Alpha Monitor holds the account list. Try again in a moment.',
  NOT_REIMPORTABLE: () => 'The demo account needs no re-import.',
  REJECTED: () => 'Binance refused this session (risk control or an unknown error).',
  UNREACHABLE: () => 'The exchange did not answer; the session itself may be fine.',
  INVALID_ENDPOINT: (p) => {
    const what = p.kind === 'rest' ? 'The REST address' : 'The stream address';
    switch (p.reason) {
      case 'not-a-url':
        return `${what} is not a URL.`;
      case 'credentials-in-url':
        return `${what} must not contain a user name or password.`;
      case 'scheme':
        return `${what} must start with ${p.kind === 'rest' ? 'https://' : 'wss://'}.`;
      case 'plain-to-remote':
        return `${what} may use ${p.kind === 'rest' ? 'http://' : 'ws://'} only to this machine.`;
    }
  },
  CURL_PARSE_ERROR: () => 'Paste the cURL command first.',
  EMPTY_INPUT: () => 'The paste is empty.',
  NOT_CURL: () => 'This is not a cURL command.',
  MALFORMED_CURL: () => 'The cURL command is cut off or mangled.',
  NOT_BINANCE_REQUEST: (p) =>
    p.detail === undefined
      ? 'This is not a request to Binance.'
      : `This is not a request to Binance (it goes to ${p.detail}).`,
  NO_COOKIE: () => 'The request carries no cookies: it was copied from a logged-out page.',
  INCOMPLETE_CURL: () => 'The pasted command is cut off before its cookies.',
  NO_CSRFTOKEN: () => 'The request has no csrftoken header.',
  UNSENDABLE_CHARACTER: (p) => `${headerPart(p.detail)} has a character browsers never send.`,
  MISSING_SESSION_COOKIES: (p) =>
    `The long-term cookies ${p.names} are missing: this copy was made without “stay signed in” and may last only hours. Log in with “stay signed in” ticked and copy again.`,
  MISSING_SESSION_HEADERS: (p) =>
    `Some session headers are missing (${p.names}): placing orders may be refused.`,
  CSRF_MISMATCH: () =>
    'The csrftoken header does not belong to the cr00 cookie of this copy (a stale or mixed copy): copy a fresh cURL from the logged-in page.',
  SECRET_STORE_UNAVAILABLE: () => 'There is no keychain to store the session in.',
  SECRET_STORE_FAILED: () => 'The keychain refused the operation (locked or denied).',
  DISK_FULL: (p) =>
    p.path === undefined ? 'The disk is full.' : `The disk is full: ${p.path} was not saved.`,
  FILE_WRITE_FAILED: (p) =>
    `Could not save ${p.path}${p.osCode === undefined ? '' : ` (${[osErrorWords('en', p.osCode), p.osCode].filter(Boolean).join(', ')})`}; the previous file is unchanged.`,
  ALERT_SETTINGS_INVALID: (p) => `The alerts file ${p.path} is not valid.`,
  EXPORT_FAILED: () => 'The export could not be written.',
  ENOSPC: () => 'The disk is full: the file was not written.',
  NOT_A_DECIMAL: (p) => `Not a decimal number: “${p.text}”.`,
  SESSION_LIVE: () => 'This session is still running.',
  SESSION_NOT_FOUND: () => 'This session is gone.',
  STREAM_NOT_LIVE: (p) =>
    p.ending === 'timed-out'
      ? `The order stream did not come up${p.timeoutMs === undefined ? '' : ` within ${p.timeoutMs} ms`}.`
      : 'The order stream stopped before it came up.',
  STOPPED: () => 'Stopped before the order stream came up.',
  POINTS_NOT_RUNNING: () => 'The account’s monitor is not running: the points are not read.',
  POINTS_READ_FAILED: () => 'The points could not be read.',
  REFUSED: () => 'The channel refused the message (wrong URL, token or chat).',
  WEBHOOK_URL_MISSING: () => 'No webhook URL is set.',
  TELEGRAM_CHAT_MISSING: () => 'No Telegram chat is set.',
  TELEGRAM_TOKEN_MISSING: () => 'No Telegram bot token is set.',
  AUTH_REJECTED: () => 'Binance rejected the session.',
  STRATEGY_ALREADY_RUNNING: () => 'A strategy is already running on this account.',
  STRATEGY_FAILED: () => 'The strategy could not go on.',
};

/** A code that no table knows (a newer main, an operating-system error). */
export const unknownErrorEn = (code: string) => {
  const words = osErrorWords('en', code);
  return words === undefined
    ? `The operation failed (${code}).`
    : `The operation failed: ${words} (${code}).`;
};
