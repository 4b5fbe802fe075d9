/** The order-push frame parser: import from here. */
export { parseFrame, parseExecutionReport } from './parse-frame.ts';
export { maskFrameText, truncateForLog } from './mask-frame.ts';
export type { ParsedFrame, OtherEvent, AccountBalance } from './frame-types.ts';
