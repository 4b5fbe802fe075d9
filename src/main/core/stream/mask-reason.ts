import type { Reason } from '../../../shared/reasons/reason.ts';
import { maskFrameText } from '../parser/mask-frame.ts';

/**
 * The reason with every text from outside masked: a server's or socket's message may echo a
 * listen key, and reasons reach logs, the journal and the renderer.
 */
export function maskReason(reason: Reason): Reason {
  const masked: Record<string, unknown> = { ...reason };
  for (const field of ['detail', 'apiMessage'] as const) {
    const value = masked[field];
    if (typeof value === 'string') masked[field] = maskFrameText(value);
  }
  if ('cause' in reason) masked.cause = maskReason(reason.cause);
  return masked as Reason;
}
