/** The OTO volume strategy (issue 6): import from here. */
export { createStrategyRun } from './strategy-run.ts';
export * from './strategy-types.ts';
export {
  StrategyError,
  isAuthRejection,
  isInsufficientBalance,
  type StrategyErrorCode,
} from './strategy-error.ts';
export { resolveToken, QUOTE_ASSET, type ResolvedToken } from './token-resolver.ts';
export {
  readSymbolFilters,
  checkWorkingOrder,
  checkPendingPrice,
  type SymbolFilters,
} from './symbol-filters.ts';
export { planTrade, type TradePlan, type TradePlanInput } from './trade-plan.ts';
export {
  assertStrategyParams,
  StrategyParamError,
  MAX_TARGET_POINTS,
  type StrategyParamName,
  type StrategyParamProblem,
} from './params-check.ts';
export { MAX_TRADES_PER_RUN } from './run-planning.ts';
export {
  plainStrategyParams,
  strategyParamsOf,
  type StrategyParamsInput,
} from './strategy-params.ts';
export {
  readTokenVolume,
  tradesNeeded,
  countedVolume,
  VOLUME_RULES,
  DEFAULT_VOLUME_RULE,
  type VolumeRule,
  type TokenVolume,
} from './volume-accounting.ts';
export type {
  StrategyRestPort,
  BookedOrderUpdate,
  OrderUpdateFeed,
  OtoOrderWireBody,
} from './strategy-ports.ts';
export { orderUpdatesOf } from './order-updates-of.ts';
