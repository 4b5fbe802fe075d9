import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token for one `serve` run (URL-safe, 32 bytes of entropy). */
export function createHostToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time token comparison. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Only pages served from a loopback origin may open the contract socket. Any loopback port
 * is accepted because an SSH tunnel (`ssh -L 8080:127.0.0.1:<port>`) shows the page on the
 * trader's own port; a page from any other site is refused even if it learnt the token.
 */
export function originAllowed(origin: string | undefined): boolean {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      LOOPBACK_NAMES.includes(url.hostname)
    );
  } catch {
    return false;
  }
}

/**
 * Requests must name a loopback host in their Host header (any port, for SSH tunnels). A page
 * of another site that re-points its own name at 127.0.0.1 (DNS rebinding) sends its own name
 * here and is refused, so it can never be served our page or reach the socket as same-origin.
 */
export function hostAllowed(host: string | undefined): boolean {
  if (!host) return false;
  try {
    const url = new URL(`http://${host}`);
    return LOOPBACK_NAMES.includes(url.hostname) && url.username === '' && url.pathname === '/';
  } catch {
    return false;
  }
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** A strict CSP for the served renderer: our own scripts only, the socket back to us. */
export const HOST_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
