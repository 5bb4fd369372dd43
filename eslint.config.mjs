import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'reports/', 'web/vendor/', 'coverage/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Only the composition root and scripts read the environment.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in bot/config.ts (via bot/index.ts) only.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bot/index.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', 'vitest.config.mts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  // Doors open one way (README, "The house"): content and recognition at the bottom, dialogs above,
  // hosting and wiring on top. platform/ uses nothing above it; intents/ only platform/; knowledge/
  // only intents/ and platform/; servicerequests/ only those three. (dialogs/ still reaches into bot/
  // for handoff, until it moves to a room of its own.)
  {
    files: ['platform/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/bot', '**/bot/**', '**/dialogs/**', '**/intents/**', '**/knowledge/**'], message: 'platform/ is below every other layer: it imports none of them.' }] }] },
  },
  {
    files: ['intents/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/bot', '**/bot/**', '**/dialogs/**', '**/knowledge/**'], message: 'intents/ (recognition) imports only platform/: doors open one way.' }] }] },
  },
  {
    files: ['knowledge/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/bot', '**/bot/**', '**/dialogs/**'], message: 'knowledge/ (content) imports only intents/ and platform/: doors open one way.' }] }] },
  },
  {
    files: ['servicerequests/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/bot', '**/bot/**', '**/dialogs/**'], message: 'servicerequests/ (Open311, waste, gazetteer) imports only knowledge/, intents/ and platform/: doors open one way.' }] }] },
  },
  {
    files: ['web/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', sessionStorage: 'readonly', localStorage: 'readonly', console: 'readonly', WebChat: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', WebSocket: 'readonly', navigator: 'readonly', Blob: 'readonly', location: 'readonly', Event: 'readonly', CustomEvent: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', HTMLElement: 'readonly', alert: 'readonly', FormData: 'readonly' } },
  },
);
