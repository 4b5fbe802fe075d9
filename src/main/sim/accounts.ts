import type { SessionCredentials } from '../core/credentials/session-credentials.ts';
import { Balances } from './balances.ts';
import {
  generateSessionCredentials,
  parseCookieHeader,
  sessionMatches,
  type PresentedSession,
} from './credentials.ts';

/** An account of the simulated exchange, as tests and the demo see it. */
export interface SimAccount {
  readonly userId: string;
  /** The session a client must present (headers + cookie string). Test credentials only. */
  readonly credentials: SessionCredentials;
}

export interface CreateAccountOptions {
  userId?: string;
  /** Starting balances, e.g. `{ USDT: '100000', ALPHA_373: '1000' }`. Default 100000 USDT. */
  balances?: Record<string, string>;
  /** The session it accepts (default: a fresh one). */
  credentials?: SessionCredentials;
}

/**
 * What stands between the account and order placement: nothing, a supplementary
 * verification (补充认证) it has not done, or a 2FA risk challenge on every order.
 */
export type OrderGate = 'none' | 'verification' | 'riskChallenge';

/** Internal state of one account. */
export interface AccountState extends SimAccount {
  credentials: SessionCredentials;
  sessionValid: boolean;
  orderGate: OrderGate;
  readonly balances: Balances;
}

export const DEFAULT_BALANCES: Readonly<Record<string, string>> = { USDT: '100000' };

/** Every account, and the session check for private calls. */
export class AccountRegistry {
  private readonly accounts = new Map<string, AccountState>();
  private nextUserNumber = 1;

  create(options: CreateAccountOptions = {}): AccountState {
    const userId = options.userId ?? `sim-user-${this.nextUserNumber++}`;
    if (this.accounts.has(userId)) throw new RangeError(`Account ${userId} already exists`);
    const state: AccountState = {
      userId,
      credentials: options.credentials ?? generateSessionCredentials(),
      sessionValid: true,
      orderGate: 'none',
      balances: new Balances(options.balances ?? DEFAULT_BALANCES),
    };
    this.accounts.set(userId, state);
    return state;
  }

  get(userId: string): AccountState | undefined {
    return this.accounts.get(userId);
  }

  all(): AccountState[] {
    return [...this.accounts.values()];
  }

  /**
   * The account whose live session the request carries, or undefined (→ 100002001).
   * An invalidated session never matches, as after a web-UI login rotated the tokens.
   */
  authenticate(headers: Record<string, string | string[] | undefined>): AccountState | undefined {
    const presented: PresentedSession = {
      csrftoken: single(headers.csrftoken),
      cookies: parseCookieHeader(single(headers.cookie)),
    };
    for (const account of this.accounts.values()) {
      if (account.sessionValid && sessionMatches(account.credentials, presented)) return account;
    }
    return undefined;
  }

  /** Makes the account's current credentials answer 100002001 from now on. */
  invalidateSession(userId: string): void {
    const account = this.require(userId);
    account.sessionValid = false;
  }

  /** Sets what blocks order placement for the account (see OrderGate). */
  setOrderGate(userId: string, gate: OrderGate): void {
    this.require(userId).orderGate = gate;
  }

  /** A new login: fresh credentials that work again (the old ones stay dead). */
  renewSession(userId: string): SimAccount {
    const account = this.require(userId);
    account.credentials = generateSessionCredentials();
    account.sessionValid = true;
    return { userId, credentials: account.credentials };
  }

  private require(userId: string): AccountState {
    const account = this.accounts.get(userId);
    if (!account) throw new RangeError(`Unknown account ${userId}`);
    return account;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join('; ') : value;
}
