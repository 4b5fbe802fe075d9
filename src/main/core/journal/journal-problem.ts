import { isReason, type Problem } from '../../../shared/reasons/reason.ts';
import { describeReason } from '../../../shared/reasons/reason-text.ts';

/** A problem as a journal `state` record keeps it: the code, the reason, and English for grep. */
export interface JournalProblem {
  code: string;
  /** English, for a person reading the file; readers use `reason`. */
  message: string;
  /** Absent in journals written before reasons became codes. */
  reason?: unknown;
}

/** The record of a problem (the English message is written for people reading the file). */
export function toJournalProblem(problem: Problem): JournalProblem {
  return {
    code: problem.code,
    message: describeReason('en', problem.reason),
    reason: problem.reason,
  };
}

/** The problem of a record; an old record's message becomes a quoted `UNEXPECTED` detail. */
export function fromJournalProblem(record: JournalProblem): Problem {
  return {
    code: record.code,
    reason: isReason(record.reason)
      ? record.reason
      : { code: 'UNEXPECTED', detail: record.message },
  };
}
