import { CodedError } from '../errors/coded-error.ts';

/**
 * Money, prices and quantities as the exact text of a decimal: digits, an optional fraction,
 * an optional leading `-` where a sign is allowed. Never a float, never an exponent, no
 * spaces, no `+`, no bare `.5` or `5.`. The brand says "checked by this module".
 */
export type DecimalString = string & { readonly __brand: 'DecimalString' };

export interface DecimalStringOptions {
  /** Accept a leading `-` (offsets, wear, signed amounts). Default false. */
  signed?: boolean;
}

/**
 * True for decimal text such as `"0"`, `"869.56000000"`, `"200"` (and `"-5"` when signed).
 * A char loop rather than a regex: the order-stream parser runs it per field of every frame.
 */
export function isDecimalString(
  value: unknown,
  options?: DecimalStringOptions,
): value is DecimalString {
  if (typeof value !== 'string') return false;
  const n = value.length;
  let start = 0;
  if (n > 0 && value.charCodeAt(0) === 45 /* - */) {
    if (options?.signed !== true) return false;
    start = 1;
  }
  if (start === n) return false;
  let dot = -1;
  for (let i = start; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 46 /* . */) {
      if (dot !== -1 || i === start || i === n - 1) return false;
      dot = i;
    } else if (c < 48 || c > 57) {
      return false;
    }
  }
  return true;
}

/** The reason a text is not a DecimalString, for the edge that asked. */
export class DecimalStringError extends CodedError<'NOT_A_DECIMAL', { text: string }> {
  constructor(text: string) {
    super('NOT_A_DECIMAL', `Not a decimal number: "${text}"`, { params: { text } });
    this.name = 'DecimalStringError';
  }
}

/** The decimal text as a DecimalString (trimmed), or a NOT_A_DECIMAL error quoting it. */
export function parseDecimalString(value: string, options?: DecimalStringOptions): DecimalString {
  const text = value.trim();
  if (!isDecimalString(text, options)) throw new DecimalStringError(value.slice(0, 40));
  return text;
}
