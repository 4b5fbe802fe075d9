/**
 * A replayed Binance web session: the request headers the web client sends (csrftoken,
 * bnc-uuid, device-info, fvideo-id, fvideo-token, user-agent, ...) and the cookie header.
 * Every value here is secret except the header *names*. See ALPHA-PROTOCOL.md §1.
 */
export interface SessionCredentials {
  /** Header name (lower case) → value. Never logged. */
  headers: Record<string, string>;
  /** The cookie header, `k=v; k2=v2`. Never logged. */
  cookies: string;
}
