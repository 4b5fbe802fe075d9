/**
 * JSON helpers for the places where the Alpha wire uses JSON numbers for decimal values.
 * We never round-trip a price through a float: decimal strings are written verbatim as
 * number literals, and numeric fields we must keep exact are read as their source text.
 */

const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A decimal to be written as a bare JSON number literal. */
export class JsonNumberLiteral {
  constructor(readonly text: string) {
    if (!DECIMAL.test(text)) throw new RangeError(`Not a decimal number: "${text}"`);
  }
}

/** JSON.stringify that writes every JsonNumberLiteral as its text, unquoted. */
export function stringifyWithNumberLiterals(value: unknown): string {
  const literals: string[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof JsonNumberLiteral) {
      literals.push(v.text);
      return `\u0000${literals.length - 1}\u0000`;
    }
    return v;
  });
  // The marker cannot appear in ordinary JSON text: a NUL inside a string is escaped.
  return json.replace(/"\\u0000(\d+)\\u0000"/g, (_m, i: string) => literals[Number(i)]!);
}

/**
 * Rewrites `"name": <number>` into `"name": "<number text>"` for the given keys, so that
 * JSON.parse keeps the server's exact digits (e.g. user-volume floats).
 */
export function quoteNumericFields(text: string, names: readonly string[]): string {
  if (names.length === 0) return text;
  const alternation = names.map((n) => n.replace(/[^A-Za-z0-9_]/g, '')).join('|');
  const re = new RegExp(
    `("(?:${alternation})"\\s*:\\s*)(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)`,
    'g',
  );
  return text.replace(re, '$1"$2"');
}
