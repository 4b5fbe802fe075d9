import { DEMO_ACCOUNT_ID } from './demo-service.ts';

/**
 * A demo with several simulated accounts (`serve --demo --accounts 50`, the fleet e2e test):
 * the demo account is number 1, the others are `demo-2` … `demo-N`, labelled `Demo 2` ….
 */
export function demoFleetAccountId(n: number): string {
  return n === 1 ? DEMO_ACCOUNT_ID : `${DEMO_ACCOUNT_ID}-${n}`;
}

export function demoFleetLabel(n: number): string {
  return n === 1 ? 'Demo' : `Demo ${n}`;
}

/** The demo account or one of its fleet (in memory only; removed when the demo stops). */
export function isDemoAccountId(accountId: string): boolean {
  return accountId === DEMO_ACCOUNT_ID || /^demo-\d+$/.test(accountId);
}
