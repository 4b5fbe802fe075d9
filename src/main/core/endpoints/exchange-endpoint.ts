import { CodedError } from '../../../shared/errors/coded-error.ts';

/**
 * Where an account may connect. A session is a replayed Binance login: sending it anywhere
 * but the exchange, or in the clear over a network, gives it away. So an endpoint is either
 * encrypted (`https:` / `wss:`), or plain `http:` / `ws:` to this machine only (the simulator,
 * an SSH tunnel). Anything else (`ws+unix:`, `file:`, plain HTTP to another host) is refused.
 */
export type EndpointKind = 'rest' | 'ws';

export type InvalidEndpointReason =
  'not-a-url' | 'scheme' | 'plain-to-remote' | 'credentials-in-url';

/**
 * An address an account may not use. `params` hold the kind and why, never the URL (it may
 * carry a user name and password).
 */
export class InvalidEndpointError extends CodedError<
  'INVALID_ENDPOINT',
  { kind: EndpointKind; reason: InvalidEndpointReason }
> {
  constructor(
    readonly kind: EndpointKind,
    readonly url: string,
    readonly reason: InvalidEndpointReason,
  ) {
    super(
      'INVALID_ENDPOINT',
      reason === 'not-a-url'
        ? `The ${kind === 'rest' ? 'REST' : 'stream'} address is not a URL.`
        : reason === 'credentials-in-url'
          ? `The ${kind === 'rest' ? 'REST' : 'stream'} address must not contain a user name or password.`
          : reason === 'scheme'
            ? `The ${kind === 'rest' ? 'REST address must start with https://' : 'stream address must start with wss://'} (or http:// / ws:// to this machine).`
            : `Plain ${kind === 'rest' ? 'http://' : 'ws://'} is allowed only to this machine (127.0.0.1, localhost); use ${kind === 'rest' ? 'https://' : 'wss://'}.`,
      { params: { kind, reason } },
    );
    this.name = 'InvalidEndpointError';
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SCHEMES: Record<EndpointKind, { secure: string; plain: string }> = {
  rest: { secure: 'https:', plain: 'http:' },
  ws: { secure: 'wss:', plain: 'ws:' },
};

/** True for a URL whose host is this machine (a simulator, an SSH tunnel). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Returns the URL unchanged when an account may use it; throws InvalidEndpointError otherwise. */
export function checkExchangeEndpoint(kind: EndpointKind, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidEndpointError(kind, url, 'not-a-url');
  }
  if (parsed.username !== '' || parsed.password !== '')
    throw new InvalidEndpointError(kind, url, 'credentials-in-url');
  const { secure, plain } = SCHEMES[kind];
  if (parsed.protocol === secure) return url;
  if (parsed.protocol !== plain) throw new InvalidEndpointError(kind, url, 'scheme');
  if (!isLoopbackHost(parsed.hostname))
    throw new InvalidEndpointError(kind, url, 'plain-to-remote');
  return url;
}
