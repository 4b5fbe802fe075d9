import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/** Why a control request was refused; null when it may go on. */
export interface ControlRefusal {
  code: 'FORBIDDEN';
  message: string;
}

/**
 * The control API can stop the demo, end sessions and move prices, so only programs may use
 * it, never a web page the user happens to have open (issue 12). A request must
 * - carry the run's token as the first path segment (`controlUrl` includes it; no page knows it),
 * - carry no `Origin` and no cross-site `Sec-Fetch-Site` (browsers send them, curl and Node do not),
 * - for POST, say `Content-Type: application/json` (a page can only send that after a CORS
 *   preflight, which is never answered).
 */
export function refuseControlRequest(
  request: IncomingMessage,
  tokenSegment: string | undefined,
  token: string,
): ControlRefusal | null {
  if (!segmentMatches(token, tokenSegment))
    return {
      code: 'FORBIDDEN',
      message: 'missing or wrong control token: use the controlUrl the simulator printed',
    };
  const site = request.headers['sec-fetch-site'];
  if (request.headers.origin !== undefined || (site !== undefined && site !== 'none'))
    return { code: 'FORBIDDEN', message: 'the control API does not answer web pages' };
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (request.method !== 'GET' && type !== 'application/json')
    return { code: 'FORBIDDEN', message: 'POST needs Content-Type: application/json' };
  return null;
}

function segmentMatches(token: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(token);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
