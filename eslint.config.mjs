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
  {
    files: ['web/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', sessionStorage: 'readonly', localStorage: 'readonly', console: 'readonly', WebChat: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', WebSocket: 'readonly', navigator: 'readonly', Blob: 'readonly', location: 'readonly', Event: 'readonly', CustomEvent: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', HTMLElement: 'readonly', alert: 'readonly', FormData: 'readonly' } },
  },
);
