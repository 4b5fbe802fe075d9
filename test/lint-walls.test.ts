import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The walls of eslint.config.js, checked on snippets linted as if they lived at a given path.
// Type information is switched off here (the snippets are in no tsconfig): the walls are syntax.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
});

async function errorsAt(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.message);
}

const RAW_IPC = /Raw IPC only in src\/main\/ipc and src\/preload.*contract\.ts/;

describe('lint walls: raw IPC', () => {
  const snippets = {
    'ipcMain imported': "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n",
    'electron.ipcMain':
      "import * as electron from 'electron';\nelectron.ipcMain.on('x', () => {});\n",
    'webContents.send': "export const f = (w: any) => w.webContents.send('x', 1);\n",
    'destructured webContents.send':
      "export const f = ({ webContents }: any) => webContents.send('x', 1);\n",
    'contextBridge imported': "import { contextBridge } from 'electron';\nvoid contextBridge;\n",
  };

  for (const [name, code] of Object.entries(snippets)) {
    it(`${name} outside src/main/ipc is an error naming the typed contract`, async () => {
      const errors = await errorsAt('src/main/platform/probe.ts', code);
      expect(
        errors.some((m) => RAW_IPC.test(m)),
        errors.join('\n'),
      ).toBe(true);
    });
  }

  it('is allowed in src/main/ipc and src/preload', async () => {
    for (const path of ['src/main/ipc/probe.ts', 'src/preload/probe.ts']) {
      const errors = await errorsAt(path, snippets['ipcMain imported']);
      expect(
        errors.filter((m) => RAW_IPC.test(m)),
        path,
      ).toEqual([]);
    }
  });

  it('a socket send elsewhere is not IPC', async () => {
    const errors = await errorsAt(
      'src/main/sim/probe.ts',
      'export const f = (ws: { send(text: string): void }) => ws.send("x");\n',
    );
    expect(errors).toEqual([]);
  });
});
