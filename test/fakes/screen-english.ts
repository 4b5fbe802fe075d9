import { findEnglishSentence } from './english-sentence.ts';

/**
 * English sentences on a screen meant to be Chinese. The screen's text is read line by line
 * and cell by cell (as `innerText` lays it out: a line per block or label, a tab between table
 * cells), and a cell has an English sentence when {@link findEnglishSentence} finds three or
 * more English words in a row after what may stay in Latin letters is taken out. Allowed, so
 * never reported:
 * - product and protocol names (Alpha Monitor, Binance, cURL, USDT, WebSocket, listenKey, …);
 * - code identifiers (`VERIFICATION_REQUIRED`, `SESSION_EXPIRED`, `NOT_BINANCE_REQUEST`) and
 *   token symbols (`KOGE`, `ALPHA_123USDT`): three or more capitals, digits or `_`; the
 *   protocol's field names and values in an order's raw fields (`clientOrderId`, `isMaker`,
 *   `web_38a2…`): camelCase words and words joined by `_`;
 * - numbers, units (`ms`, `bps`, `UTC`), URLs, paths, flags and commands (`alpha-monitor serve`);
 * - text quoted as coming from outside (“…”): a server's own message, a host name;
 * - one or two Latin words next to Chinese (a token name, `BUY`, `LIMIT`, `OTO`, a label).
 * Returns each offending line with the words found, for the failure message.
 */
const IDENTIFIERS = /\b[a-z]+[A-Z]\w*\b|\b\w+_\w+\b/g;

export function englishSentencesOnScreen(screenText: string): string[] {
  const found: string[] = [];
  for (const raw of screenText.split(/[\n\t]/)) {
    const cell = raw.trim();
    if (cell === '') continue;
    const sentence = findEnglishSentence(cell.replace(IDENTIFIERS, ' '));
    if (sentence !== null) found.push(`"${sentence}" in: ${cell.slice(0, 200)}`);
  }
  return found;
}
