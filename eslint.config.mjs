import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The SDK at the edge (issue 20 item 5, docs/agents-sdk.md): the Bot Framework adapter and its
// authentication (botbuilder's CloudAdapter, ConfigurationBotFrameworkAuthentication and their kin,
// everything of botframework-connector) are imported only in the hosting module, bot/hosting/, and
// the rest of the app gets the adapter, authentication, telemetry and the Direct Line bridge from its
// index (bot/hosting/index.ts), never from a file inside it. Outside: the tests of the hosting module
// itself (tests/bot/hosting/) and the benchmarks' plain Bot Framework bots (bench/), which move with it.
const SDK_HOSTING_MESSAGE = 'The Bot Framework adapter and authentication belong to the hosting module: get them from bot/hosting (its index).';
const SDK_HOSTING_NAMES = [
  'CloudAdapter',
  'CloudAdapterBase',
  'BotFrameworkAdapter',
  'ConfigurationBotFrameworkAuthentication',
  'ConfigurationBotFrameworkAuthenticationOptions',
  'BotFrameworkAuthentication',
  'BotFrameworkAuthenticationFactory',
  'ConfigurationServiceClientCredentialFactory',
  'TelemetryLoggerMiddleware',
];
const SDK_EDGE_PATHS = [
  { name: 'botbuilder', importNames: SDK_HOSTING_NAMES, message: SDK_HOSTING_MESSAGE },
  { name: 'botbuilder-core', importNames: SDK_HOSTING_NAMES, message: SDK_HOSTING_MESSAGE },
  { name: 'botframework-connector', message: SDK_HOSTING_MESSAGE },
];
const HOSTING_INSIDE = { group: ['**/hosting/*'], message: 'Import the hosting module by its index (bot/hosting), not a file inside it.' };

const TEST_ADAPTER_PATHS = [
  {
    name: 'botbuilder',
    importNames: ['TestAdapter', 'TestFlow'],
    message: "Drive a bot through tests/support/ (TestConversation, detachedTurn): only tests/support/ uses the SDK's test adapter.",
  },
  {
    name: 'botbuilder-core',
    importNames: ['TestAdapter', 'TestFlow'],
    message: "Drive a bot through tests/support/ (TestConversation, detachedTurn): only tests/support/ uses the SDK's test adapter.",
  },
  {
    name: 'botbuilder-testing',
    message: "Run a dialog through tests/support/ (LoneDialog, TestConversation): only tests/support/ uses the SDK's test packages.",
  },
];
const TEST_ADAPTER_PATTERNS = [
  { group: ['botbuilder-testing/*', 'botbuilder*/lib/testAdapter*'], message: "Only tests/support/ uses the SDK's test adapter and test packages." },
];

/** no-restricted-imports for a folder: its own doors (`patterns`), the SDK edge, and the hosting module by its index only. */
function doors(patterns = [], { paths = [], hostingInside = true } = {}) {
  return ['error', { paths: [...SDK_EDGE_PATHS, ...paths], patterns: [...patterns, ...(hostingInside ? [HOSTING_INSIDE] : [])] }];
}

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
  // Type-aware checks (issue 20): a promise nobody awaits loses its error, and a `!` or cast the
  // types already guarantee hides the place where they stop guaranteeing it. require-await: an
  // `async` with nothing to await says the function waits when it does not. Dropping `async` turns
  // a rejected promise into a synchronous throw, so a body that can throw and whose callers catch
  // rejections (readiness checks, recognizers) keeps `async` with a disable comment saying why, and
  // so do restify's (req, res) handlers, which restify accepts only as AsyncFunctions.
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/require-await': 'error',
    },
  },
  // The SDK at the edge, everywhere but the hosting module and the benchmarks' own bots; the folders
  // below repeat it with their doors (a later no-restricted-imports replaces an earlier one).
  {
    files: ['**/*.ts'],
    ignores: ['bot/hosting/**', 'bench/**'],
    rules: { 'no-restricted-imports': doors() },
  },
  {
    files: ['bot/index.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', 'vitest.config.mts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  // Doors open one way (README, "The house"): content and recognition at the bottom, dialogs above,
  // hosting and wiring on top. platform/ uses nothing above it; intents/ only platform/; knowledge/
  // only intents/ and platform/; servicerequests/ only those three; insights/ reads only those;
  // dialogs/ only those four; backoffice/ (its own program) and channels/ keep to themselves; no room
  // imports bot/ (only scripts/, tests/ and bench/ do).
  {
    files: ['platform/**/*.ts'],
    rules: {
      'no-restricted-imports': doors([
        {
          group: ['**/bot', '**/bot/**', '**/dialogs/**', '**/intents/**', '**/knowledge/**'],
          message: 'platform/ is below every other layer: it imports none of them.',
        },
      ]),
    },
  },
  {
    files: ['intents/**/*.ts'],
    rules: {
      'no-restricted-imports': doors([
        {
          group: ['**/bot', '**/bot/**', '**/dialogs/**', '**/knowledge/**'],
          message: 'intents/ (recognition) imports only platform/: doors open one way.',
        },
      ]),
    },
  },
  {
    files: ['knowledge/**/*.ts'],
    rules: {
      'no-restricted-imports': doors([
        { group: ['**/bot', '**/bot/**', '**/dialogs/**'], message: 'knowledge/ (content) imports only intents/ and platform/: doors open one way.' },
      ]),
    },
  },
  {
    files: ['servicerequests/**/*.ts'],
    rules: {
      'no-restricted-imports': doors([
        {
          group: ['**/bot', '**/bot/**', '**/dialogs/**'],
          message: 'servicerequests/ (Open311, waste, gazetteer) imports only knowledge/, intents/ and platform/: doors open one way.',
        },
      ]),
    },
  },
  {
    files: ['dialogs/**/*.ts'],
    rules: {
      'no-restricted-imports': doors([
        {
          group: ['**/bot', '**/bot/**', '**/handoff/**', '**/channels/**', '**/backoffice/**', '**/insights/**'],
          message: 'dialogs/ (the conversation) imports only servicerequests/, knowledge/, intents/ and platform/: the rooms above hand it what it needs.',
        },
      ]),
    },
  },
  {
    files: ['insights/**/*.ts'],
    rules: {
      'no-restricted-imports': doors([
        {
          group: ['**/bot', '**/bot/**', '**/dialogs/**', '**/handoff/**', '**/channels/**', '**/backoffice/**', '**/servicerequests/**'],
          message: 'insights/ reads traces and the database: it imports only knowledge/, intents/ and platform/.',
        },
      ]),
    },
  },
  {
    files: ['backoffice/**/*.ts'],
    rules: {
      'no-restricted-imports': doors([
        {
          group: ['**/bot', '**/bot/**', '**/dialogs/**', '**/handoff/**', '**/insights/**'],
          message: 'backoffice/ is the built-in GeoReport server, its own program: it shares only platform/ (and HTTP helpers) with the rest.',
        },
      ]),
    },
  },
  {
    files: ['channels/**/*.ts'],
    rules: {
      'no-restricted-imports': doors([
        {
          group: ['**/bot', '**/bot/**', '**/handoff/**', '**/backoffice/**', '**/insights/**'],
          message:
            'channels/ (Direct Line, the page, Teams) does not reach into the other rooms beside it, nor up into bot/ (hosting and wiring hand it what it needs).',
        },
      ]),
    },
  },
  {
    files: ['handoff/**/*.ts'],
    rules: {
      'no-restricted-imports': doors([
        {
          group: ['**/bot', '**/bot/**', '**/backoffice/**'],
          message:
            'handoff/ (queue, relay, agent console) imports dialogs/, channels/, insights/ and the layers below, never bot/: the composition root wires it in.',
        },
      ]),
    },
  },
  // The SDK at the edge (issue 20 item 5, docs/agents-sdk.md): tests drive a bot in process only
  // through tests/support/ (TestConversation, ReplyFlow, LoneDialog, detachedTurn), so a move to
  // another SDK's test adapter changes that folder and not the tests. Tests may read the hosting
  // module's files (they test them); only its own tests (tests/bot/hosting/) build its authentication.
  {
    files: ['tests/**/*.ts'],
    ignores: ['tests/support/**'],
    rules: { 'no-restricted-imports': doors(TEST_ADAPTER_PATTERNS, { paths: TEST_ADAPTER_PATHS, hostingInside: false }) },
  },
  {
    files: ['tests/bot/hosting/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: TEST_ADAPTER_PATHS, patterns: TEST_ADAPTER_PATTERNS }] },
  },
  {
    files: ['web/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        sessionStorage: 'readonly',
        localStorage: 'readonly',
        console: 'readonly',
        WebChat: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        WebSocket: 'readonly',
        navigator: 'readonly',
        Blob: 'readonly',
        location: 'readonly',
        Event: 'readonly',
        CustomEvent: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        HTMLElement: 'readonly',
        alert: 'readonly',
        FormData: 'readonly',
      },
    },
  },
);
