import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, relaxCspForDevServer } from './csp.ts';

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe('renderer CSP', () => {
  it('allows no inline script and no remote connection in a built app', () => {
    expect(directive(RENDERER_CSP, 'script-src')).toBe("script-src 'self'");
    expect(directive(RENDERER_CSP, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(RENDERER_CSP, 'object-src')).toBe("object-src 'none'");
  });

  it('lets the dev server run its inline preamble and its socket, and nothing else changes', () => {
    const dev = relaxCspForDevServer(RENDERER_CSP);
    expect(directive(dev, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(directive(dev, 'connect-src')).toContain('ws://localhost:*');
    expect(directive(dev, 'default-src')).toBe("default-src 'self'");
    expect(directive(dev, 'object-src')).toBe("object-src 'none'");
    // The meta tag of index.html gets the same treatment in the dev server.
    const meta = "default-src 'self'; script-src 'self'; connect-src 'self' ws://127.0.0.1:*";
    expect(relaxCspForDevServer(meta)).toContain("script-src 'self' 'unsafe-inline'");
  });
});
