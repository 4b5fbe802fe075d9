/** The Alpha REST client: import from here. */
export {
  AlphaRestClient,
  type AlphaRestClientOptions,
  type CallOptions,
} from './alpha-rest-client.ts';
export {
  AlphaApiError,
  ALPHA_API_ERROR_CODES,
  isFatalAuthError,
  isTransientApiError,
  type AlphaApiErrorCode,
  type AlphaApiErrorParams,
} from './alpha-api-error.ts';
export { ALPHA_PATHS, DEFAULT_REST_URL } from './alpha-paths.ts';
export {
  fetchHttpClient,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
} from './http-client.ts';
export { buildRequestHeaders, secretValuesOf } from './request-headers.ts';
export { RestTransport, type RestTransportOptions } from './transport/rest-transport.ts';
export * from './alpha-types.ts';
export type * from './points-types.ts';
