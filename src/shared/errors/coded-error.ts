/**
 * Values an edge may put into a translated sentence. Plain data only: no secret, no object
 * graph, so an error can cross IPC or be logged as is.
 */
export type CodedErrorParamValue = string | number | boolean;
export type CodedErrorParams = Readonly<Record<string, CodedErrorParamValue | undefined>>;

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
