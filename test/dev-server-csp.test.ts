import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../electron.vite.config.ts';

const INDEX_HTML = resolve(import.meta.dirname, '..', 'src', 'renderer', 'index.html');

interface HtmlPlugin {
  name: string;
  apply?: string;
  transformIndexHtml(html: string): string;
}

describe('npm run dev: the dev server relaxes the page CSP so the window is not blank', () => {
  const plugins = (config as { renderer: { plugins: unknown[] } }).renderer.plugins.flat();
  const plugin = plugins.find(
    (p): p is HtmlPlugin => (p as HtmlPlugin | null)?.name === 'alpha-monitor:dev-server-csp',
  );

  it('allows the inline Fast Refresh preamble, in the dev server only', () => {
    expect(plugin?.apply).toBe('serve');
    const html = plugin!.transformIndexHtml(readFileSync(INDEX_HTML, 'utf8'));
    expect(html).toContain("script-src 'self' 'unsafe-inline'");
    expect(html).toContain("object-src 'none'");
  });

  it('leaves the built page strict (npm test builds first)', () => {
    const built = resolve(import.meta.dirname, '..', 'out', 'renderer', 'index.html');
    expect(readFileSync(built, 'utf8')).toMatch(/script-src 'self';/);
  });
});
