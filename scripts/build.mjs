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

function upToDate(files, stampFile) {
  if (!fs.existsSync(stampFile)) return false;
  const stamp = fs.readFileSync(stampFile, 'utf8');
  const built = fs.statSync(stampFile).mtimeMs;
  // A file added or removed changes the list; an edited file is newer than the stamp.
  return stamp === files.join('\n') && files.every((f) => fs.statSync(path.join(ROOT, f)).mtimeMs <= built);
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
