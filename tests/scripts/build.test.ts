import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE, buildServer, needsBuild, sources } from '../../scripts/build.mjs';
import { packageRoot } from '../../platform/packageRoot';

const ROOT = path.resolve(__dirname, '..', '..');

describe('npm run build (scripts/build.mjs)', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-build-'));
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('compiles every server source to JavaScript, and nothing when nothing changed', async () => {
    expect(sources()).toEqual(
      expect.arrayContaining([
        'bot/index.ts',
        'dialogs/mainDialog.ts',
        'intents/classifier/index.ts',
        'knowledge/knowledgeBase.ts',
        'bench/echoBot.ts',
        'bench/dialogBot.ts',
      ]),
    );
    expect(sources().some((f) => f.startsWith('tests/'))).toBe(false);
    expect(await buildServer({ outDir })).toBe(true);
    const index = fs.readFileSync(path.join(outDir, 'bot', 'index.js'), 'utf8');
    expect(index).toContain('require("./app")');
    expect(index).not.toMatch(/: Promise<void>/);
    for (const f of sources()) expect(fs.existsSync(path.join(outDir, f.replace(/\.ts$/, '.js'))), f).toBe(true);
    expect(needsBuild({ outDir })).toBe(false);
    expect(await buildServer({ outDir })).toBe(false);
  });

  it('bundles the server with its packages into the one file npm start runs, native and optional packages left outside', async () => {
    await buildServer({ outDir });
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start).toMatch(new RegExp(`dist/${BUNDLE}$`));
    const bundle = fs.readFileSync(path.join(outDir, BUNDLE), 'utf8');
    // The Bot Framework libraries are inside; the SQLite addon, restify, PostgreSQL and Application Insights are required at run time.
    expect(bundle).toContain('WaterfallDialog');
    expect(bundle).not.toMatch(/require\("botbuilder(-dialogs)?"\)/);
    expect(bundle).toMatch(/require\("better-sqlite3"\)/);
    expect(bundle).toMatch(/require\("restify"\)/);
    expect(bundle).toMatch(/require\("pg"\)|import\("pg"\)/);
    expect(bundle).toMatch(/require\("applicationinsights"\)|import\("applicationinsights"\)/);
  });

  // A source file edited, or packages installed (the bundle holds their code), makes the next start compile again
  // (buildServer compiles exactly when needsBuild says so: the first test).
  it.each(['platform/packageRoot.ts', 'package-lock.json'])('compiles again when %s changes', async (name) => {
    await buildServer({ outDir });
    expect(needsBuild({ outDir })).toBe(false);
    const file = path.join(ROOT, name);
    const { atime, mtime } = fs.statSync(file);
    try {
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(file, later, later);
      expect(needsBuild({ outDir })).toBe(true);
    } finally {
      fs.utimesSync(file, atime, mtime);
    }
    expect(needsBuild({ outDir })).toBe(false);
  });
});

describe('packageRoot', () => {
  it('finds the folder with package.json from sources and from compiled code alike', () => {
    expect(packageRoot(path.join(ROOT, 'bot'))).toBe(ROOT);
    expect(packageRoot(path.join(ROOT, 'dist', 'intents', 'entities'))).toBe(ROOT);
    expect(() => packageRoot(os.tmpdir())).toThrow(/no package.json/);
  });
});
