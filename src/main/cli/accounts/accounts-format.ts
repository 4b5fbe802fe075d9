import type { AccountRecord } from '../../core/accounts/index.ts';
import type { Lang } from '../i18n/lang.ts';
import { accountsMessages } from './accounts-messages.ts';

/** Local time as `YYYY-MM-DD HH:MM`, short enough for a table. */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `accounts list` as an aligned table. Only metadata: there is no secret to show. */
export function formatAccountsTable(accounts: readonly AccountRecord[], lang: Lang): string {
  const m = accountsMessages(lang);
  const rows = accounts.map((a) => [
    a.id,
    a.name,
    formatLocalTime(a.addedAtMs),
    a.lastVerification ? formatLocalTime(a.lastVerification.atMs) : m.never,
    a.lastVerification ? m.outcome(a.lastVerification.outcome) : m.notChecked,
  ]);
  const all = [m.header.split('|'), ...rows];
  // CJK characters take two columns in a terminal.
  const width = (text: string) =>
    [...text].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const widths = all[0]!.map((_, col) => Math.max(...all.map((row) => width(row[col]!))));
  return all
    .map((row) =>
      row
        .map((cell, col) =>
          col === row.length - 1 ? cell : cell + ' '.repeat(widths[col]! - width(cell)),
        )
        .join('  '),
    )
    .join('\n')
    .concat('\n');
}

/** `accounts list --json`: ISO times next to the epoch ms. */
export function toJsonRecord(a: AccountRecord): Record<string, unknown> {
  return {
    id: a.id,
    name: a.name,
    addedAt: new Date(a.addedAtMs).toISOString(),
    updatedAt: new Date(a.updatedAtMs).toISOString(),
    lastVerifiedAt: a.lastVerification ? new Date(a.lastVerification.atMs).toISOString() : null,
    lastResult: a.lastVerification?.outcome ?? null,
    lastResultDetail: a.lastVerification?.detail ?? null,
  };
}
