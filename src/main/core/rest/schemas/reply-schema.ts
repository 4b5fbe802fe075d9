import Big from 'big.js';
import { z } from 'zod';
import { isDecimalString, type DecimalString } from '../../../../shared/domain/decimal-string.ts';
import { AlphaApiError } from '../alpha-api-error.ts';

/**
 * Reads an envelope's `data` with the endpoint's schema: the typed value, or UNEXPECTED_REPLY
 * naming the endpoint and the first field that did not fit (e.g. `data[0].price`). Neither the
 * message nor the error holds a value from the reply (a listen key is a secret).
 */
export function parseReply<S extends z.ZodType>(
  schema: S,
  data: unknown,
  path: string,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = fieldPath(issue.path);
  throw new AlphaApiError(
    'UNEXPECTED_REPLY',
    `Unexpected reply from ${path}: ${field} ${lowerFirst(issue.message)}`,
    { path, field },
  );
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = 'data';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A decimal string as the exchange writes prices and quantities (`"0.000005933"`). */
export const decimalText = z.custom<DecimalString>(
  (v) => isDecimalString(v),
  'Expected a decimal string',
);

/** The same with an optional sign (balances, points and volumes as the wallet endpoints send them). */
export const signedDecimalText = z.custom<DecimalString>(
  (v) => isDecimalString(v, { signed: true }),
  'Expected a decimal string',
);

const EXPONENT_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?[eE][+-]?\d+$/;

/**
 * A decimal the wire may write as a JSON number (read as its source text by
 * `quoteNumericFields`, or a plain number): kept digit for digit, and only an exponent form
 * (`1e-7`, as JSON writes small floats) is rewritten as plain decimal text.
 */
export const wireDecimal = z
  .union([z.string(), z.number().finite()])
  .transform((v) => {
    const text = typeof v === 'number' ? String(v) : v;
    return EXPONENT_NUMBER.test(text) ? new Big(text).toFixed() : text;
  })
  .pipe(signedDecimalText);

/** An id the wire sends as a string or a JSON integer; always a string on our side. */
export const idText = z
  .union([
    z.string().min(1),
    z.number().int().refine(Number.isSafeInteger, 'Expected a safe integer'),
  ])
  .transform((v) => String(v));

/** A list that an empty answer may send as `null`: an empty list then. */
export function listOf<S extends z.ZodType>(item: S) {
  return z
    .array(item)
    .nullable()
    .transform((rows) => rows ?? []);
}

export const side = z.enum(['BUY', 'SELL']);
