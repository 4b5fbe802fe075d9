import { z } from 'zod';
import { rememberListenKey } from '../../../../shared/secrets/listen-key-registry.ts';
import { ALPHA_PATHS } from '../alpha-paths.ts';
import type { CallOptions, RestTransport } from '../transport/rest-transport.ts';

/** A listen key: at least 8 characters, no white space (32 lowercase hex on the real exchange). */
const key = z.string().min(8).regex(/^\S+$/, 'Expected a key without white space');

/**
 * `get-listen-key` `data`: the captured `"<key>"`; `{listenKey}` and `{listenKey, validTime}`
 * are accepted too, as P's ListenKeyManager does.
 */
export const listenKeyReply = z
  .union([key, z.looseObject({ listenKey: key })])
  .transform((d) => (typeof d === 'string' ? d : d.listenKey));

/** `POST get-listen-key`; from here on the key is masked by value in every log, record and message. */
export async function getListenKey(
  transport: RestTransport,
  options?: CallOptions,
): Promise<string> {
  const key = await transport.data({
    method: 'POST',
    path: ALPHA_PATHS.listenKey,
    schema: listenKeyReply,
    body: '{}',
    ...options,
  });
  rememberListenKey(key);
  return key;
}
