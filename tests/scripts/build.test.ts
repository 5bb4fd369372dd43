import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, sources } from '../../scripts/build.mjs';
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
    expect(await buildServer({ outDir })).toBe(false);
  });

  it('compiles again when a source file changes', async () => {
    await buildServer({ outDir });
    const file = path.join(ROOT, 'platform', 'packageRoot.ts');
    const { atime, mtime } = fs.statSync(file);
    try {
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(file, later, later);
      expect(await buildServer({ outDir })).toBe(true);
    } finally {
      fs.utimesSync(file, atime, mtime);
    }
  });
});

describe('packageRoot', () => {
  it('finds the folder with package.json from sources and from compiled code alike', () => {
    expect(packageRoot(path.join(ROOT, 'bot'))).toBe(ROOT);
    expect(packageRoot(path.join(ROOT, 'dist', 'intents', 'entities'))).toBe(ROOT);
    expect(() => packageRoot(os.tmpdir())).toThrow(/no package.json/);
  });
});
