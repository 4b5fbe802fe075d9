/**
 * The renderer's Content Security Policy under Electron: our own files only, no inline
 * scripts, no remote anything. The built index.html carries the same policy in a meta tag.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The same policy relaxed for `npm run dev` only: the dev server injects an inline module
 * script (React Fast Refresh's preamble) and talks to the page over a WebSocket. A packaged
 * or `npm start` build never uses this.
 */
export function relaxCspForDevServer(csp: string): string {
  return csp
    .split(';')
    .map((directive) => {
      const trimmed = directive.trim();
      if (trimmed.startsWith('script-src ')) return `${trimmed} 'unsafe-inline'`;
      if (trimmed.startsWith('connect-src '))
        return `${trimmed} ws://localhost:* ws://127.0.0.1:* http://localhost:*`;
      return trimmed;
    })
    .join('; ');
}
