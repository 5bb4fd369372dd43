/**
 * `npm run build` (also run by `npm install` and before `npm start`): compiles the server's
 * TypeScript (bot/, dialogs/, intents/, knowledge/, platform/, servicerequests/ and the benchmark's two baseline bots) to
 * JavaScript under dist/ with esbuild, one file per source file, no bundling. Type checking
 * stays with `npm run typecheck`; this only strips types, in well under a second.
 *
 * Why compiled JavaScript for `npm start` rather than tsx: tsx compiles on load, which
 * costs about 1.4 s at every start and some 30 MB of memory for its loader. Tests, scripts
 * and `npm run chat` still run the sources through tsx.
 *
 * `npm start` runs a second output, **dist/server.js**: the same server bundled with its
 * dependencies into one file (esbuild `bundle`). Node 20 spends about a third of a start
 * finding, reading and wrapping some 2,000 modules one by one (no compile cache before Node 22);
 * one file skips the finding and most of the reading (issue 23, first answer ≤ 3 s). Left outside
 * the bundle, loaded from node_modules as before: native addons and packages that start worker
 * threads from their own files (better-sqlite3, pino's transports), restify (see EXTERNAL), and what is only loaded
 * when configured (PostgreSQL, Application Insights, Azure CLU), so that their code is not even
 * parsed by a council that does not use them. The per-file output stays for the benchmark's
 * baseline bots and tools that load one module.
 *
 * Nothing is rebuilt when dist/ is newer than every source file (so a restart stays fast);
 * `--force` rebuilds anyway. Plain JavaScript so that it runs before anything is compiled.
 */
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['backoffice', 'bot', 'channels', 'dialogs', 'handoff', 'insights', 'intents', 'knowledge', 'platform', 'servicerequests'];
const EXTRA_FILES = ['bench/echoBot.ts', 'bench/dialogBot.ts'];
const OUT_DIR = path.join(ROOT, 'dist');
/** The server's entry point, and the one file `npm start` runs. */
const ENTRY = 'bot/index.ts';
export const BUNDLE = 'server.js';
/**
 * Packages `require`d from node_modules at run time rather than bundled: native addons, packages
 * that resolve files or workers relative to themselves, and those loaded only when configured.
 */
const EXTERNAL = [
  'better-sqlite3',
  // restify calls \`new Buffer()\` for each request body: Node warns of that (DEP0005) only for code outside node_modules.
  'restify',
  'pino',
  'thread-stream',
  'sonic-boom',
  'dtrace-provider',
  'pg',
  'pg-native',
  'applicationinsights',
  '@azure/monitor-opentelemetry',
  '@azure/ai-language-conversations',
  '@opentelemetry/*',
  'esbuild',
  'tsx',
];

/** The TypeScript sources the server needs, relative to the root. */
export function sources() {
  const found = [...EXTRA_FILES];
  for (const dir of SOURCE_DIRS) {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        found.push(path.relative(ROOT, path.join(entry.parentPath ?? entry.path, entry.name)));
      }
    }
  }
  return found.sort();
}

/** What the installed packages are: the bundle holds their code, so an `npm install` that changes them rebuilds it. */
const LOCK_FILES = ['package-lock.json', path.join('node_modules', '.package-lock.json')];

function upToDate(files, stampFile) {
  if (!fs.existsSync(stampFile)) return false;
  const stamp = fs.readFileSync(stampFile, 'utf8');
  const built = fs.statSync(stampFile).mtimeMs;
  // A file added or removed changes the list; an edited file, or a changed package, is newer than the stamp.
  const newer = (f) => fs.existsSync(path.join(ROOT, f)) && fs.statSync(path.join(ROOT, f)).mtimeMs > built;
  return stamp === files.join('\n') && fs.existsSync(path.join(path.dirname(stampFile), BUNDLE)) && !files.some(newer) && !LOCK_FILES.some(newer);
}

/** Whether dist/ (or `outDir`) is out of date: a source added, removed or edited, or the installed packages changed, since the last build. */
export function needsBuild({ outDir = OUT_DIR } = {}) {
  return !upToDate(sources(), path.join(outDir, '.build-stamp'));
}

/** Compiles into dist/ (or `outDir`) unless it is up to date; returns true when it compiled. */
export async function buildServer({ force = false, outDir = OUT_DIR } = {}) {
  const files = sources();
  const stampFile = path.join(outDir, '.build-stamp');
  if (!force && upToDate(files, stampFile)) return false;
  fs.rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: files.map((f) => path.join(ROOT, f)),
    outdir: outDir,
    outbase: ROOT,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await build({
    entryPoints: [path.join(ROOT, ENTRY)],
    outfile: path.join(outDir, BUNDLE),
    bundle: true,
    external: EXTERNAL,
    minifyWhitespace: true,
    minifySyntax: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  fs.writeFileSync(stampFile, files.join('\n'));
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildServer({ force: process.argv.includes('--force') })
    .then((built) => {
      if (built) process.stdout.write(`compiled the server to dist/ in ${Date.now() - started} ms\n`);
    })
    .catch((err) => {
      process.stderr.write(`build failed: ${err.message}\n`);
      process.exit(1);
    });
}
