import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/ports/clock.ts';

/** How long a prepared export can be fetched. */
export const DOWNLOAD_TICKET_TTL_MS = 10 * 60_000;

/**
 * One-time tickets for exported files, so a download link never carries the host's access
 * token (links end up in the browser's download list and history). A ticket opens one file,
 * once, for a few minutes.
 */
export class DownloadTickets {
  private readonly tickets = new Map<string, { relativePath: string; expiresAtMs: number }>();

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly ttlMs = DOWNLOAD_TICKET_TTL_MS,
  ) {}

  issue(relativePath: string): string {
    this.dropExpired();
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { relativePath, expiresAtMs: this.clock.now() + this.ttlMs });
    return ticket;
  }

  /** The file the ticket opens (and the ticket is used up), or null. */
  redeem(ticket: string | null, relativePath: string): boolean {
    if (!ticket) return false;
    const entry = this.tickets.get(ticket);
    if (!entry || entry.relativePath !== relativePath) return false;
    this.tickets.delete(ticket);
    return entry.expiresAtMs > this.clock.now();
  }

  private dropExpired(): void {
    const now = this.clock.now();
    for (const [ticket, entry] of this.tickets)
      if (entry.expiresAtMs <= now) this.tickets.delete(ticket);
  }
}
