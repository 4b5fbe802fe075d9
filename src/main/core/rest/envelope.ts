import { AlphaApiError } from './alpha-api-error.ts';

/** The reply envelope of every Alpha REST call (ALPHA-PROTOCOL.md, top). */
export interface AlphaEnvelope {
  code: string;
  message: string | null;
  messageDetail?: string | null;
  data: unknown;
  success: boolean;
  /** Some list endpoints carry a total beside `data` (AN). */
  total?: number;
}

export const SESSION_EXPIRED_API_CODE = '100002001';
/** Face/phone verification pending (NAT `twofa.rs`). */
const STEP_FLOW_API_CODE = '100001003';
/** The 补充认证 failure has no recorded code, so it is matched on its message (as P HEAD does). */
const VERIFICATION_MESSAGE_PATTERNS = [/补充认证/, /step flows have not finish/i];

/** Answers a response's headers. */
export type HeaderLookup = (name: string) => string | null;

/**
 * Turns one HTTP answer into its `data`, or throws the AlphaApiError it means. The order of
 * checks matters: an auth envelope wins over the HTTP status (we never saw which status the
 * real server uses for an expired session), and a risk challenge wins over success.
 */
export function unwrapEnvelope(
  path: string,
  httpStatus: number,
  header: HeaderLookup,
  text: string,
): AlphaEnvelope {
  const bizNo = header('risk_challenge_biz_no');
  const flow = header('risk_challenge_enable_flow');
  if (bizNo || flow === 'true') {
    throw new AlphaApiError(
      'RISK_CHALLENGE',
      'Binance asks for a risk challenge (2FA) before this order; confirm it in the Binance app or web page.',
      { path, httpStatus, riskChallengeBizNo: bizNo ?? undefined },
    );
  }

  const envelope = parseEnvelope(text);
  if (envelope && !envelope.success) throw errorFromEnvelope(path, httpStatus, envelope);
  if (httpStatus < 200 || httpStatus >= 300) {
    throw new AlphaApiError('HTTP_ERROR', `HTTP ${httpStatus} from ${path}`, { path, httpStatus });
  }
  if (!envelope) {
    throw new AlphaApiError(
      'BAD_RESPONSE',
      `Unexpected reply from ${path} (not the Alpha envelope)`,
      {
        path,
        httpStatus,
      },
    );
  }
  return envelope;
}

function parseEnvelope(text: string): AlphaEnvelope | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.success !== 'boolean') return null;
  return {
    code: v.code === undefined || v.code === null ? '' : String(v.code),
    message: typeof v.message === 'string' ? v.message : null,
    messageDetail: typeof v.messageDetail === 'string' ? v.messageDetail : null,
    data: v.data ?? null,
    success: v.success,
    total: typeof v.total === 'number' ? v.total : undefined,
  };
}

function errorFromEnvelope(
  path: string,
  httpStatus: number,
  envelope: AlphaEnvelope,
): AlphaApiError {
  const details = {
    path,
    httpStatus,
    apiCode: envelope.code,
    apiMessage: envelope.message ?? undefined,
  };
  const text = `${envelope.message ?? ''} ${envelope.messageDetail ?? ''}`;
  if (envelope.code === SESSION_EXPIRED_API_CODE) {
    return new AlphaApiError(
      'SESSION_EXPIRED',
      'The Binance session has expired (100002001). Log in again and re-import the session.',
      details,
    );
  }
  if (
    envelope.code === STEP_FLOW_API_CODE ||
    VERIFICATION_MESSAGE_PATTERNS.some((re) => re.test(text))
  ) {
    return new AlphaApiError(
      'VERIFICATION_REQUIRED',
      'Binance requires supplementary verification (补充认证). Complete it in the Binance app, then retry.',
      details,
    );
  }
  return new AlphaApiError(
    'BUSINESS_ERROR',
    `Binance rejected the request (${envelope.code}${envelope.message ? `: ${envelope.message}` : ''})`,
    details,
  );
}
