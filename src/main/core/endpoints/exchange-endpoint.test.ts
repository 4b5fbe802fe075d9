import { describe, expect, it } from 'vitest';
import { checkExchangeEndpoint } from './exchange-endpoint.ts';

describe('checkExchangeEndpoint', () => {
  it.each([
    ['rest', 'https://www.binance.com'],
    ['ws', 'wss://nbstream.binance.com/w3w/stream'],
    ['rest', 'http://127.0.0.1:8456'],
    ['ws', 'ws://localhost:8456/w3w/stream'],
    ['ws', 'ws://[::1]:9000/w3w/stream'],
  ] as const)('accepts %s %s', (kind, url) => {
    expect(checkExchangeEndpoint(kind, url)).toBe(url);
  });

  it.each([
    ['ws', 'ws+unix:///run/docker.sock', 'scheme'],
    ['rest', 'file:///etc/passwd', 'scheme'],
    ['rest', 'http://exchange.example', 'plain-to-remote'],
    ['ws', 'ws://192.168.1.5:8456/w3w/stream', 'plain-to-remote'],
    ['rest', 'wss://www.binance.com', 'scheme'],
    ['rest', 'https://user:pw@www.binance.com', 'credentials-in-url'],
    ['rest', 'not a url', 'not-a-url'],
  ] as const)('refuses %s %s (%s)', (kind, url, reason) => {
    expect(() => checkExchangeEndpoint(kind, url)).toThrow(
      expect.objectContaining({ code: 'INVALID_ENDPOINT', reason }),
    );
  });
});
