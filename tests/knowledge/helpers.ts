import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ARTICLES = path.join(ROOT, 'knowledge', 'articles');
export const SYNONYMS = path.join(ROOT, 'knowledge', 'synonyms.yaml');
export const INTENTS = path.join(ROOT, 'intents', 'data');

/** A temp folder with copies of the real articles, for tests that break or add one. */
export function copyOfArticles(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-articles-'));
  for (const f of fs.readdirSync(ARTICLES).filter((name) => fs.statSync(path.join(ARTICLES, name)).isFile()))
    fs.copyFileSync(path.join(ARTICLES, f), path.join(dir, f));
  return dir;
}

export function article(fields: Record<string, string>, body = 'Some answer with a [link](https://www.anytown.example/x).'): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

export const VALID = {
  id: 'dropped-kerb',
  title: 'A title',
  questions: '\n  - first question here\n  - second question here',
  url: 'https://www.anytown.example/x',
  lastReviewed: '2026-09-01',
  owner: 'Highways',
};
