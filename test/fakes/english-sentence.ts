/**
 * Finds English prose in text meant to be Chinese: three or more English words in a row.
 * What may stay in Latin letters is taken out first: text quoted as coming from outside
 * (“…”, an OS or server message), URLs, paths, flags, codes, commands and product names.
 */
const ALLOWED: RegExp[] = [
  /“[^”]*”/g, // quoted outside text
  /"[^"]*"/g,
  /https?:\/\/\S+|wss?:\/\/\S+/g,
  /(?:^|\s)[~.]?\/[\w./<>~-]*/g, // paths
  /\balpha-monitor(?: [a-z][a-z-]*){0,2}/g, // commands as typed
  /(?<![\w-])--?[a-z][\w-]*(?:[ =]<[^>]+>)?/g, // flags (with a placeholder)
  /<[^>]+>/g, // placeholders
  /\b[A-Z][A-Z0-9_]{2,}\b/g, // codes
  /\bnpx\b|\bnpm(?: run| test)?\b|\bcurl\b/gi,
  /\b(?:Binance|Alpha|Monitor|App|cURL|listenKey|listen key|ping|pong|cookie|csrftoken|Telegram|Bark|Webhook|JSON|NDJSON|CSV|USDT|BNB|HTTP|WebSocket|Chromium|Electron|Node(?:\.js)?|macOS|Linux|Windows|Secret Service|Keychain|Ctrl\+C|UTC|ms|bps)\b/g,
];

const SENTENCE = /\b[A-Za-z][A-Za-z']*(?:[ \t,]+[A-Za-z][A-Za-z']*){2,}/g;

/**
 * A list of names (`user-agent, accept, clienttype`): every word after the first follows a
 * comma. Prose has at least one word that follows a plain space.
 */
const NAME_LIST = /^[A-Za-z][A-Za-z']*(?:[ \t]*,[ \t,]*[A-Za-z][A-Za-z']*)+$/;

/** The first run of 3+ English words left after removing what is allowed, or null. */
export function findEnglishSentence(text: string): string | null {
  let rest = text;
  for (const pattern of ALLOWED) rest = rest.replace(pattern, ' ');
  for (const [run] of rest.matchAll(SENTENCE)) if (!NAME_LIST.test(run)) return run;
  return null;
}
