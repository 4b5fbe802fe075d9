import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { relaxCspForDevServer } from './src/shared/csp.ts';

/**
 * `npm run dev` only: the dev server injects an inline module script (React Fast Refresh) and
 * talks to the page over a WebSocket, which the strict CSP in index.html forbids, leaving a
 * blank window. Builds keep the strict policy.
 */
const devServerCsp: Plugin = {
  name: 'alpha-monitor:dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(
      /(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/,
      (_match, start: string, csp: string) => `${start}${relaxCspForDevServer(csp)}"`,
    ),
};

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require node_modules: bundle everything (zod included)
      // into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), devServerCsp],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
  },
});
