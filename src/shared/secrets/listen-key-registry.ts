import { maskListenKey } from './mask.ts';

/**
 * Every listen key this process obtained, so text can be masked by value wherever a key
 * appears (an error message echoing a request, a malformed frame, an unknown event's field),
 * not only where its position gives it away (`alpha@<key>`, a `listenKey` field).
 *
 * One registry per process on purpose: "every key the process obtained" is process-wide, and
 * a logger, the journal and the CLI's stderr cannot each be handed every service's keys.
 */
const keys = new Set<string>();
/**
 * One pattern for all keys, longest first, applied in a single pass: each occurrence is
 * replaced once, and a key inside a longer one cannot break the longer one's mask.
 */
let pattern: RegExp | null = null;
/** Whether every remembered key is plain (`PLAIN_KEY`): true while none is remembered. */
let plain = true;

/**
 * A key as the exchange gives them (64 letters and digits): at least 14 characters, none of
 * them `@`, `.`, a quote, white space or another character that can end a key in a frame.
 */
const PLAIN_KEY = /^[A-Za-z0-9_-]{14,}$/;

/**
 * Keys shorter than this are masked by position only: replacing a 2-character value in every
 * line would shred ordinary text, and no source shows keys that short (captured: 32 hex).
 */
export const MIN_MASKED_BY_VALUE_CHARS = 4;

/** Old keys are long dead; the bound only keeps a years-long process from growing forever. */
const MAX_REMEMBERED_KEYS = 10_000;

/** Records a key just obtained (call before the key can appear in any text). */
export function rememberListenKey(key: string): void {
  if (key.length < MIN_MASKED_BY_VALUE_CHARS || keys.has(key)) return;
  if (keys.size >= MAX_REMEMBERED_KEYS) keys.delete(keys.values().next().value as string);
  keys.add(key);
  plain = [...keys].every((k) => PLAIN_KEY.test(k));
  const alternatives = [...keys].sort((a, b) => b.length - a.length).map(escapeRegExp);
  pattern = new RegExp(alternatives.join('|'), 'g');
}

/** Replaces every remembered key in `text` by its masked form (`ff950c2e0d...`). */
export function maskKnownListenKeys(text: string): string {
  if (pattern === null || text.length < MIN_MASKED_BY_VALUE_CHARS) return text;
  return text.replace(pattern, (key) => maskListenKey(key));
}

/** True when `text` holds a remembered key (a cheap test before re-serialising a payload). */
export function containsKnownListenKey(text: string): boolean {
  if (pattern === null) return false;
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** True when every remembered key is plain: letters, digits, `_`, `-`, 14 or more of them. */
export function knownListenKeysArePlain(): boolean {
  return plain;
}

/**
 * Where the first remembered key in `text` at or after `from` ends (the leftmost one, the
 * longest there), or -1 when there is none. Reads the text as it is (no copy).
 */
export function knownListenKeyEndFrom(text: string, from: number): number {
  if (pattern === null) return -1;
  pattern.lastIndex = from;
  const found = pattern.test(text);
  const end = pattern.lastIndex;
  pattern.lastIndex = 0;
  return found ? end : -1;
}

/**
 * A JSON-shaped value with every remembered key masked in its strings (object keys included),
 * or the value itself when nothing changed. For payloads bound for the renderer or a journal.
 */
export function maskKnownListenKeysDeep<T>(value: T): T {
  if (pattern === null) return value;
  if (typeof value === 'string') return maskKnownListenKeys(value) as T;
  if (value === null || typeof value !== 'object') return value;
  // One native serialisation and one scan decide; the walk runs only when a key is inside.
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return value; // not JSON-shaped (a cycle): no transport could send it either
  }
  if (text === undefined || !containsKnownListenKey(text)) return value;
  return maskDeep(value) as T;
}

function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskKnownListenKeys(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const masked = maskDeep(item);
      if (masked !== item) changed = true;
      return masked;
    });
    return changed ? out : value;
  }
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    const maskedName = maskKnownListenKeys(name);
    const masked = maskDeep(item);
    if (masked !== item || maskedName !== name) changed = true;
    out[maskedName] = masked;
  }
  return changed ? out : value;
}

/** Forgets every key (tests only). */
export function forgetListenKeysForTests(): void {
  keys.clear();
  pattern = null;
  plain = true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
