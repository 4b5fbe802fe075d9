/**
 * Values an edge may put into a translated sentence. Plain data only: no secret, no object
 * graph, so an error can cross IPC or be logged as is.
 */
/** A plain value of an error's sentence (an id, a path, a limit); never a secret. */
export type CodedErrorScalar = string | number | boolean;
/** One item of a list param (e.g. one broken exchange rule): plain values only. */
export type CodedErrorListItem = Readonly<Record<string, CodedErrorScalar | null>>;
/**
 * A plain value, or a list of flat items (every rule an order breaks), so a sentence can name
 * each one as the CLI does.
 */
export type CodedErrorParamValue = CodedErrorScalar | readonly CodedErrorListItem[];
export type CodedErrorParams = Readonly<Record<string, CodedErrorParamValue | undefined>>;

/**
 * The params of `source` that may cross IPC or a log as they are: plain values, and lists of
 * flat items; `undefined` ones, nested objects and lists with a nested item left out.
 */
export function plainParamsOf(source: unknown): Readonly<Record<string, CodedErrorParamValue>> {
  if (typeof source !== 'object' || source === null) return {};
  const out: Record<string, CodedErrorParamValue> = {};
  for (const [key, value] of Object.entries(source)) {
    if (isScalar(value)) out[key] = value;
    else if (Array.isArray(value) && value.every(isListItem)) out[key] = value;
  }
  return out;
}

function isScalar(value: unknown): value is CodedErrorScalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isListItem(value: unknown): value is CodedErrorListItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => v === null || isScalar(v));
}

export interface CodedErrorOptions<P extends CodedErrorParams> {
  /** What the edge needs to say the reason in the user's language (ids, paths, limits). */
  params?: P;
  cause?: unknown;
}

/**
 * The one error base of every layer: a stable `code` that callers switch on and edges
 * translate, `params` to fill the translated sentence, and an English `message` for logs
 * and developers (never shown to a user who chose another language, never holding a secret).
 */
export class CodedError<
  C extends string = string,
  P extends CodedErrorParams = CodedErrorParams,
> extends Error {
  readonly code: C;
  readonly params: P;

  constructor(code: C, message: string, options: CodedErrorOptions<P> = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'CodedError';
    this.code = code;
    this.params = options.params ?? ({} as P);
  }
}

/** True for an error of any layer built on {@link CodedError}. */
export function isCodedError(error: unknown): error is CodedError {
  return error instanceof CodedError;
}
