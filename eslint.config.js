// Layers by runtime (see docs/architecture.md). These rules are the walls between them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnly = {
  group: ['electron', 'electron/*'],
  message:
    "Only src/main/index.ts, src/main/platform, src/main/ipc and src/preload may import 'electron'.",
};
const nodeBuiltins = {
  group: ['node:*'],
  message: 'src/shared and src/renderer run without Node: no node:* imports here.',
};
const mainFromRenderer = {
  group: ['**/main/**', '**/preload/index*'],
  message: 'The renderer talks to main only through window.api (types may come from the preload).',
  allowTypeImports: true,
};
const noRendererFromMain = {
  group: ['**/renderer/**'],
  message: 'Main-side code must not import the renderer.',
};
const dirs = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);
// The engine is shared by every face; the simulator is built on the engine alone.
const coreStandsAlone = {
  group: dirs('sim', 'app', 'cli', 'host'),
  message:
    'src/main/core is the engine: it may not import the simulator, the app, the CLI or the browser host.',
};
const simOnEngineOnly = {
  group: dirs('app', 'cli', 'host'),
  message: 'src/main/sim may not import the app, the CLI or the browser host.',
};

const noOnly = ['it', 'describe', 'test'].map((name) => ({
  selector: `CallExpression[callee.object.name='${name}'][callee.property.name='only']`,
  message: 'No .only in tests.',
}));
const rawIpcMessage =
  'Raw IPC only in src/main/ipc and src/preload: declare the channel in src/shared/ipc/contract.ts, ' +
  'then serve it with handleContract() / push it through the EventSink of src/main/ipc/electron-ipc.ts ' +
  '(main) or call window.api (renderer).';
const ipcObjects = '/^(ipcMain|ipcRenderer|contextBridge)$/';
const sendLike = '/^(send|sendToFrame|postMessage)$/';
const noRawIpc = [
  `ImportSpecifier[imported.name=${ipcObjects}]`,
  `MemberExpression[property.name=${ipcObjects}]`,
  `CallExpression[callee.property.name=${sendLike}][callee.object.property.name='webContents']`,
  `CallExpression[callee.property.name=${sendLike}][callee.object.name='webContents']`,
].map((selector) => ({ selector, message: rawIpcMessage }));

// The TypeScript files the two tsconfigs cover; the rest (plain JS config and scripts) is linted
// without type information.
const typed = [
  'src/**/*.{ts,tsx}',
  'test/**/*.{ts,tsx}',
  'e2e/**/*.ts',
  'bench/**/*.ts',
  '*.config.ts',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: every TypeScript file belongs to tsconfig.node.json or tsconfig.web.json.
    files: typed,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // A switch over a union names every member (ending in assertNever) or has a deliberate
      // `default:` catch-all (e.g. process.platform); a member left out without one is an error.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', ...noOnly],
    },
  },
  {
    // One typed contract: raw Electron IPC lives only behind it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/ipc/**', 'src/preload/**'],
    rules: { 'no-restricted-syntax': ['error', ...noOnly, ...noRawIpc] },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnly,
            nodeBuiltins,
            noRendererFromMain,
            { group: ['**/main/**'], message: 'src/shared depends on nothing else in the app.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/main/core/**/*.ts',
      'src/main/sim/**/*.ts',
      'src/main/cli/**/*.ts',
      'src/main/app/**/*.ts',
      'src/main/host/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, noRendererFromMain] }],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electronOnly, noRendererFromMain, coreStandsAlone] },
      ],
    },
  },
  {
    files: ['src/main/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electronOnly, noRendererFromMain, simOnEngineOnly] },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The app asks with its own dialogs (confirm-dialog.tsx), never the page-blocking natives.
      'no-alert': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [electronOnly, nodeBuiltins, mainFromRenderer] },
      ],
    },
  },
);
