/**
 * Business errors the simulator answers with (HTTP 200, `success:false`). Only the session
 * code 100002001 and its message are captured; every other code and message here is
 * invented, because the real rejection codes are unknown (ALPHA-PROTOCOL.md, gap 4). Client
 * code must treat anything but 100002001 as an opaque business error.
 */
export const SimErrorCode = {
  /** Captured (fixtures/rest/auth-expired-100002001.json). */
  sessionExpired: '100002001',
  /** Malformed body or parameter. `000002` is the generic bapi "illegal parameter" code. */
  illegalParameter: '000002',
  /** Insufficient balance on order/place (ALPHA-PROTOCOL.md §9, AB); its message is invented. */
  insufficientBalance: '481020',
  // inferred: the following codes are made up for the simulator.
  unknownSymbol: '345001',
  belowMinNotional: '345002',
  lotSize: '345004',
  tickSize: '345005',
  orderNotFound: '345006',
  priceOutOfRange: '345007',
  tooManyOrders: '345008',
  orderNotCancelable: '345009',
  riskChallenge: '345010',
  verificationRequired: '345011',
} as const;
export type SimErrorCode = (typeof SimErrorCode)[keyof typeof SimErrorCode];

/** The message of the captured session-expired body. */
export const SESSION_EXPIRED_MESSAGE = '登录状态已经失效，请重新登录！';

/**
 * The message of a failed supplementary verification (补充认证), as P recorded it; its code
 * was never recorded (ALPHA-PROTOCOL.md §1).
 */
export const SUPPLEMENTARY_VERIFICATION_MESSAGE = '补充认证失败，您必须完成此认证才能进入下一步。';

/** A rejection a REST handler turns into a `success:false` envelope. */
export class SimBusinessError extends Error {
  constructor(
    readonly code: SimErrorCode,
    message: string,
    /** Extra response headers (the risk-challenge flags). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SimBusinessError';
  }
}
