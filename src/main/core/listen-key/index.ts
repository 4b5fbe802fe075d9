/** Listen-key lifecycle: import from here. */
export {
  ListenKeyService,
  DEFAULT_RENEW_INTERVAL_MS,
  type ListenKeyApi,
  type ListenKeyRefresh,
  type ListenKeyServiceOptions,
} from './listen-key-service.ts';
