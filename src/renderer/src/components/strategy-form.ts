import type { StrategyRequest } from '../../../shared/ipc/views-app.ts';
import {
  DEFAULT_STRATEGY_PARAMS,
  MAX_TARGET_POINTS,
} from '../../../shared/strategy/strategy-defaults.ts';

/** The strategy panel's fields, as typed. */
export interface StrategyForm {
  token: string;
  chain: string;
  targetKind: 'volume' | 'points';
  volumeUsdt: string;
  points: string;
  amountUsdt: string;
  intervalSec: string;
  buyOffsetPct: string;
  sellOffsetPct: string;
  timeoutSec: string;
  /** The three limits: empty = no limit (the field says so). */
  maxLossUsdt: string;
  maxWearBps: string;
  maxMovePct: string;
  cancelPending: boolean;
  sellLeftovers: boolean;
  dryRun: boolean;
}

/**
 * Every field filled with what the CLI does when the option is left out. The volume target is
 * 100 USDT: the demo's own activity does tens of USDT of KOGE in its first minutes, and a
 * target it already passed would place nothing.
 */
export const DEFAULT_STRATEGY_FORM: StrategyForm = {
  token: 'KOGE',
  chain: 'BSC',
  targetKind: 'volume',
  volumeUsdt: '100',
  points: '10',
  amountUsdt: DEFAULT_STRATEGY_PARAMS.amountUsdt,
  intervalSec: String(DEFAULT_STRATEGY_PARAMS.intervalMs / 1000),
  buyOffsetPct: DEFAULT_STRATEGY_PARAMS.buyOffsetPct,
  sellOffsetPct: DEFAULT_STRATEGY_PARAMS.sellOffsetPct,
  timeoutSec: String(DEFAULT_STRATEGY_PARAMS.legTimeoutMs / 1000),
  maxLossUsdt: '',
  maxWearBps: '',
  maxMovePct: '',
  cancelPending: false,
  sellLeftovers: false,
  dryRun: false,
};

/** What is wrong with a field (the panel translates it). */
export type FieldProblem =
  'required' | 'not-a-number' | 'negative' | 'not-positive' | 'out-of-range' | 'not-whole';

export type StrategyTextField = Exclude<
  keyof StrategyForm,
  'targetKind' | 'cancelPending' | 'sellLeftovers' | 'dryRun'
>;

export interface FieldError {
  field: StrategyTextField;
  problem: FieldProblem;
  /** For `out-of-range`: the bounds as shown. */
  range?: string;
}

const NUMBER_RE = /^-?\d+(\.\d+)?$/;

type Rule = 'positive' | 'zero-ok' | 'offset' | 'points' | 'seconds' | 'timeout' | 'text';

function check(field: StrategyTextField, raw: string, rule: Rule): FieldError | null {
  const value = raw.trim();
  if (value === '') return { field, problem: 'required' };
  if (rule === 'text') return null;
  if (!NUMBER_RE.test(value)) return { field, problem: 'not-a-number' };
  const n = Number(value);
  switch (rule) {
    case 'offset':
      return n <= -100 || n >= 100 ? { field, problem: 'out-of-range', range: '-100…100' } : null;
    case 'points':
      if (n < 0) return { field, problem: 'negative' };
      if (!Number.isInteger(n)) return { field, problem: 'not-whole' };
      return n < 1 || n > MAX_TARGET_POINTS
        ? { field, problem: 'out-of-range', range: `1…${MAX_TARGET_POINTS}` }
        : null;
    case 'zero-ok':
      return n < 0 ? { field, problem: 'negative' } : null;
    case 'seconds':
      return n > 3600 ? { field, problem: 'out-of-range', range: '0…3600' } : null;
    case 'timeout':
      return n < 1 || n > 3600 ? { field, problem: 'out-of-range', range: '1…3600' } : null;
    case 'positive':
      if (n < 0) return { field, problem: 'negative' };
      return n === 0 ? { field, problem: 'not-positive' } : null;
  }
}

/** The first field that cannot make a run, or null. Limits left empty mean "no limit". */
export function validateStrategyForm(form: StrategyForm): FieldError | null {
  const checks: Array<[StrategyTextField, Rule[]]> = [
    ['token', ['text']],
    ['chain', ['text']],
    form.targetKind === 'volume' ? ['volumeUsdt', ['positive']] : ['points', ['points']],
    ['amountUsdt', ['positive']],
    ['intervalSec', ['zero-ok', 'seconds']],
    ['timeoutSec', ['positive', 'timeout']],
    ['buyOffsetPct', ['offset']],
    ['sellOffsetPct', ['offset']],
  ];
  for (const [field, rules] of checks) {
    for (const rule of rules) {
      const error = check(field, form[field], rule);
      if (error) return error;
    }
  }
  const limits: Array<[StrategyTextField, Rule]> = [
    ['maxLossUsdt', 'positive'],
    ['maxWearBps', 'zero-ok'],
    ['maxMovePct', 'positive'],
  ];
  for (const [field, rule] of limits) {
    if (form[field].trim() === '') continue;
    const error = check(field, form[field], rule);
    if (error) return error;
  }
  return null;
}

/** The request for a valid form (see validateStrategyForm). */
export function strategyRequestOf(form: StrategyForm, accountId: string): StrategyRequest {
  const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const points = form.targetKind === 'points';
  return {
    accountId,
    token: form.token.trim(),
    chain: form.chain.trim(),
    volumeUsdt: points ? '0' : form.volumeUsdt.trim(),
    points: points ? Number(form.points) : undefined,
    amountUsdt: form.amountUsdt.trim(),
    intervalSec: Number(form.intervalSec),
    buyOffsetPct: form.buyOffsetPct.trim(),
    sellOffsetPct: form.sellOffsetPct.trim(),
    timeoutSec: Number(form.timeoutSec),
    maxLossUsdt: opt(form.maxLossUsdt),
    maxWearBps: opt(form.maxWearBps),
    maxMovePct: opt(form.maxMovePct),
    sellLeftovers: form.sellLeftovers,
    cancelPending: form.cancelPending,
    dryRun: form.dryRun,
  };
}
