import { randomBytes } from 'node:crypto';
import { tokenMatches } from './host-security.ts';

/**
 * The browser host's page sessions. The printed URL's token is exchanged, on the first page
 * load, for a random session id in an HttpOnly, SameSite=Strict cookie, and the page is
 * redirected to the clean URL: the token leaves the address bar, the history and every link,
 * page scripts never see the session id, and another site's page cannot send the cookie.
 * The socket then needs that cookie (or, for a program that is not a browser, the token in an
 * `Authorization: Bearer` header, which a web page cannot set on a WebSocket).
 */
export class HostSessions {
  private readonly sessions = new Set<string>();
  /** Per port (set once listening): browsers share cookies between the ports of one host name. */
  private cookieName = 'alpha_monitor';

  constructor(private readonly token: string) {}

  /** Names the cookie after the port the host listens on. */
  listeningOn(port: number): void {
    this.cookieName = `alpha_monitor_${port}`;
  }

  /** The `Set-Cookie` value for a page that presented the right token, else null. */
  exchange(presentedToken: string | null): string | null {
    if (!tokenMatches(this.token, presentedToken)) return null;
    const id = randomBytes(32).toString('base64url');
    this.sessions.add(id);
    return `${this.cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Whether a request carries a session this host handed out. */
  hasSession(cookieHeader: string | undefined): boolean {
    const id = readCookie(cookieHeader, this.cookieName);
    return id !== null && this.sessions.has(id);
  }

  /** Whether a non-browser client sent the token as `Authorization: Bearer <token>`. */
  hasBearerToken(authorization: string | undefined): boolean {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    return match !== null && tokenMatches(this.token, match[1]);
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
